import { errorCode } from './error-code';
import type { EventDeps } from './event-deps';
import type { Ticket } from './ticket';

/**
 * Whether the author of a comment counts as the customer (PROCESS.md §4): the reporter, a request participant,
 * or a member of an organization the ticket is shared with. Checked in that order, cheapest first (the reporter
 * needs no call). An error while checking counts as "not the customer": a timer then runs on rather than being
 * reset by someone who may be an agent.
 */
export async function isCustomer(deps: EventDeps, ticket: Ticket, accountId: string): Promise<boolean> {
  if (ticket.reporterId === accountId) return true;
  try {
    if (await deps.links.isParticipant(ticket.key, accountId)) return true;
    for (const organization of ticket.organizations) {
      if (await deps.links.isOrganizationMember(organization.id, accountId)) return true;
    }
  } catch (error) {
    deps.log.warn('events.customerCheckFailed', { issueId: ticket.id, error: errorCode(error) });
  }
  return false;
}
