import type { WorkOutcome } from '../deps';
import type { EventDeps } from '../events/event-deps';
import type { WorkItem } from '../ports';
import { publishRules } from './publish-rules';

/** Queue item type that (re-)publishes the expression tables from the configuration in force. */
const PUBLISH_RULES_WORK = 'rules.publish';

/** The queue item a settings save or an install/upgrade pushes; the consumer reads the current config itself. */
export const publishRulesItem = (): WorkItem => ({ body: { type: PUBLISH_RULES_WORK } });

/**
 * Publishes the tables of the configuration in force. Runs from the queue so a rate limit or outage is retried
 * by the platform; two queued publications converge because each publishes what is current when it runs.
 */
async function publishRulesWork(_body: Record<string, unknown>, deps: EventDeps): Promise<WorkOutcome> {
  const loaded = await deps.config.load();
  const published = await publishRules(loaded.config, loaded.version, deps.clock.now(), {
    rules: deps.rules,
    store: deps.store,
  });
  deps.log.info('rules.published', {
    configVersion: published.configVersion,
    projects: published.projects.length,
  });
  return { kind: 'done' };
}

export const RULES_WORK_HANDLERS: Record<
  string,
  (body: Record<string, unknown>, deps: EventDeps) => Promise<WorkOutcome>
> = { [PUBLISH_RULES_WORK]: publishRulesWork };
