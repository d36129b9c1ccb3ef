import type { AppDeps } from '../deps';
import { customerChecks, type CustomerCheck, type CustomerTicket } from '../../domain/service/customer-check';

/**
 * Whether `accountId` counts as the customer of the ticket (`customerChecks`, PROCESS.md §4): asks Jira the
 * rule's checks in order and stops at the first yes. An error while checking counts as "not the customer": a
 * timer then runs on rather than being reset by someone who may be an agent. The event rules and the sweep's
 * proof before a close both decide with this one check.
 */
export async function isCustomer(
  deps: Pick<AppDeps, 'links' | 'log'>,
  ticket: CustomerTicket & { readonly id: string; readonly key: string },
  accountId: string,
): Promise<boolean> {
  const checks = customerChecks(ticket, accountId);
  if (checks === true) return true;
  const ask = (check: CustomerCheck) =>
    check.kind === 'participant'
      ? deps.links.isParticipant(ticket.key, accountId)
      : deps.links.isOrganizationMember(check.organizationId, accountId);
  try {
    for (const check of checks) if (await ask(check)) return true;
  } catch (error) {
    deps.log.warn('customerCheckFailed', {
      issueId: ticket.id,
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
  return false;
}
