import { JiraHttpError } from '../ports/jira-errors';
import { configForProject } from '../../domain/config';
import type { EventDeps } from './event-deps';
import type { LinkChangeEvent } from './event-payload';
import type { EventOutcome } from './handle-issue-change';
import { projectKeyOf } from './handle-issue-change';
import { scheduleTableRegeneration } from '../shared/delivery-table-marks';

/**
 * A link was created or deleted (by an agent; the app's own links are filtered by `ignoreSelf`). When it is of
 * the Delivery link type, the Delivery's table is regenerated from its links: marked and queued, so a burst of link
 * changes costs one regeneration per Delivery (docs/decisions/0023). Link events carry ids and the link type only: a link of another
 * type costs nothing, and for a Delivery link one GET finds the project.
 */
export async function handleLinkChange(event: LinkChangeEvent, deps: EventDeps): Promise<EventOutcome> {
  const { config: site } = await deps.config.load();
  // The payload names the link type: a link no managed project uses for Deliveries is left before any call.
  const typeName = event.linkTypeName?.toLowerCase();
  const deliveryTypes = site.projects.map((p) =>
    configForProject(site, p).names.deliveryLinkType.name.toLowerCase(),
  );
  if (typeName !== undefined && !deliveryTypes.includes(typeName))
    return { kind: 'ignored', reason: 'otherLinkType' };
  let key: string;
  try {
    const source = await deps.jira.getIssue(event.sourceIssueId, { fields: ['issuetype'] });
    key = source.key ?? '';
  } catch (error) {
    if (error instanceof JiraHttpError && error.isNotFound)
      return { kind: 'ignored', reason: 'issueNotFound' };
    throw error;
  }
  const projectKey = projectKeyOf(key);
  if (!site.projects.includes(projectKey)) return { kind: 'ignored', reason: 'projectNotManaged' };
  const config = configForProject(site, projectKey);
  if (typeName !== undefined && typeName !== config.names.deliveryLinkType.name.toLowerCase()) {
    return { kind: 'ignored', reason: 'otherLinkType' };
  }
  if (!config.automation.enabled) return { kind: 'ignored', reason: 'automationDisabled' };
  // A dry run changes no ticket: the Delivery's table stays as it is.
  if (config.automation.dryRun) return { kind: 'ignored', reason: 'dryRun' };
  const queued = await scheduleTableRegeneration(deps, projectKey, event.sourceIssueId, deps.clock.now());
  return { kind: 'handled', actions: queued ? 1 : 0 };
}
