import { JiraHttpError } from '../ports/jira-errors';
import type { EventDeps } from './event-deps';

/**
 * Whether the ticket was raised through the e-mail channel. Jira exposes the channel only to JQL
 * (`request-channel-type = email`), so this is one search restricted to the ticket. A site (or simulator) that
 * does not know the clause answers 400: treated as "not by e-mail", which leaves the ticket as it is.
 */
export async function cameByEmail(deps: EventDeps, issueId: string): Promise<boolean> {
  try {
    const page = await deps.jira.search({
      jql: `id = ${issueId} AND "request-channel-type" = email`,
      maxResults: 1,
      // The ticket was just created: without reconciling it, search may not know it yet.
      reconcileIssues: [Number(issueId)],
    });
    return page.issues.length > 0;
  } catch (error) {
    if (error instanceof JiraHttpError && error.status === 400) {
      deps.log.warn('events.emailChannelUnknown', { issueId });
      return false;
    }
    throw error;
  }
}
