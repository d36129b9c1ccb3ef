import { JiraHttpError } from '../ports/jira-errors';
import type { IssueBean } from '../ports/jira';
import type { ProjectConfig } from '../../domain/config';
import { creationQuery, foundByEmail } from '../../domain/events/creation-query';
import type { IssueChangeEvent } from '../../domain/events/issue-change';
import { ticketFromCreation } from '../../domain/events/payload-ticket';
import type { FieldIds, Ticket } from '../../domain/ticket';
import { ticketRead, toTicket } from '../shared/ticket';
import type { EventDeps } from './event-deps';

/**
 * What the search of `creationQuery` said about a new ticket: `quiet`, no rule acts on what the payload lacks (the
 * ticket as its payload shows it); `found`, the ticket as that search read it (`viaEmail` when the search tells).
 */
export type NewTicketAnswer =
  | { readonly quiet: Ticket }
  | { readonly found: { readonly ticket: Ticket; readonly viaEmail?: boolean }; readonly bean: IssueBean };

/**
 * Asks Jira whether a rule acts on a new ticket before reading it (docs/decisions/0029): one search restricted to
 * the ticket, reconciled (it was just created, and "Search After Write with Search And Reconcile" makes the match
 * and the fields current), carrying what a read of the ticket carries. `undefined` when the ticket must be read as
 * before: a creation the query leaves to the read, or a site that refuses the query (400: a clause it does not
 * know, such as the channel, or a Confidential option of another name).
 */
export async function askNewTicket(
  deps: EventDeps,
  event: IssueChangeEvent,
  config: ProjectConfig,
  ids: FieldIds,
): Promise<NewTicketAnswer | undefined> {
  const query = creationQuery(event, config, ids);
  const quiet = ticketFromCreation(event, config);
  if (!('jql' in query) || quiet === undefined) return undefined;
  const read = ticketRead(ids);
  let found: IssueBean | undefined;
  try {
    const page = await deps.jira.search({
      jql: query.jql,
      maxResults: 1,
      fields: read.fields,
      properties: read.properties,
      reconcileIssues: [Number(event.issueId)],
    });
    found = page.issues[0];
  } catch (error) {
    if (error instanceof JiraHttpError && error.status === 400) {
      deps.log.warn('events.creationQueryRefused', { issueId: event.issueId });
      return undefined;
    }
    throw error;
  }
  if (found === undefined) return { quiet };
  const ticket = toTicket(found, ids, config);
  const viaEmail = ticket.kind === 'incident' ? foundByEmail(ticket, config) : undefined;
  return { found: { ticket, ...(viaEmail !== undefined ? { viaEmail } : {}) }, bean: found };
}
