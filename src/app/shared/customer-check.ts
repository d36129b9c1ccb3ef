import type { AppDeps } from '../deps';

/** What the customer check needs to know about a ticket. */
export interface CustomerTicket {
  readonly id: string;
  readonly key: string;
  readonly reporterId?: string | undefined;
  /** The JSM organizations the ticket is shared with. */
  readonly organizations: readonly { readonly id: string }[];
}

/**
 * Whether the author of a comment counts as the customer (PROCESS.md §4): the reporter, a request participant,
 * or a member of an organization the ticket is shared with. Checked in that order, cheapest first (the reporter
 * needs no call). An error while checking counts as "not the customer": a timer then runs on rather than being
 * reset by someone who may be an agent. The event rules and the sweep's proof before a close both decide with
 * this one check.
 */
export async function isCustomer(
  deps: Pick<AppDeps, 'links' | 'log'>,
  ticket: CustomerTicket,
  accountId: string,
): Promise<boolean> {
  if (ticket.reporterId === accountId) return true;
  try {
    if (await deps.links.isParticipant(ticket.key, accountId)) return true;
    for (const organization of ticket.organizations) {
      if (await deps.links.isOrganizationMember(organization.id, accountId)) return true;
    }
  } catch (error) {
    deps.log.warn('customerCheckFailed', {
      issueId: ticket.id,
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
  return false;
}
