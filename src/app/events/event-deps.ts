import type { LinksGateway } from '../../adapters/jira/links-gateway';
import type { AppDeps } from '../deps';
import type { OnCallPager } from './on-call-port';

/** The dependency bundle of the event rules: the shared one plus links/JSM operations and the on-call pager. */
export interface EventDeps extends AppDeps {
  readonly links: LinksGateway;
  readonly pager: OnCallPager;
}
