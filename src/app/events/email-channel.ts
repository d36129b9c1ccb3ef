import { JiraHttpError } from '../ports/jira-errors';
import type { IssueBean } from '../ports/jira';
import type { TicketRead } from '../shared/ticket';
import type { EventDeps } from './event-deps';
import { EMAIL_CHANNEL_CLAUSE } from '../../domain/jql';

/**
 * The ticket, searched with the e-mail channel clause: its bean (with what `read` asks for) when it was raised
 * through the e-mail channel, `null` when not, `undefined` when the site cannot say. Jira exposes the channel only
 * to JQL (`request-channel-type = email`), so this is one search restricted to the ticket; reconciled, since the
 * ticket was just created and search may not know it yet, which also makes the fields returned current
 * ("Search After Write with Search And Reconcile"). A site (or simulator) that does not know the clause answers
 * 400: the site cannot say, which leaves the ticket as it is.
 */
export async function searchByEmailChannel(
  deps: EventDeps,
  issueId: string,
  read?: TicketRead,
): Promise<IssueBean | null | undefined> {
  try {
    const page = await deps.jira.search({
      jql: `id = ${issueId} AND ${EMAIL_CHANNEL_CLAUSE}`,
      maxResults: 1,
      ...(read ? { fields: read.fields, properties: read.properties } : {}),
      reconcileIssues: [Number(issueId)],
    });
    return page.issues[0] ?? null;
  } catch (error) {
    if (error instanceof JiraHttpError && error.status === 400) {
      deps.log.warn('events.emailChannelUnknown', { issueId });
      return undefined;
    }
    throw error;
  }
}

/** Whether the ticket was raised through the e-mail channel (see {@link searchByEmailChannel}); no when unknown. */
export async function cameByEmail(deps: EventDeps, issueId: string): Promise<boolean> {
  const found = await searchByEmailChannel(deps, issueId);
  return found !== null && found !== undefined;
}
