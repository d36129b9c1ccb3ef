import type { AppDeps } from '../deps';
import type { RulesPublisher } from '../ports';
import type { OnCallPager } from './on-call-port';

/**
 * The dependency bundle of the event rules and queued work: the shared one plus the on-call pager and the rules
 * publisher.
 */
export interface EventDeps extends AppDeps {
  readonly pager: OnCallPager;
  /** Publishes the tables the app's Jira expressions look up. */
  readonly rules: RulesPublisher;
}
