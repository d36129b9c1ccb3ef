import type { ChangelogHistory, JiraGateway } from '../ports/jira';
import { statusChangesOf, type SweepTicket } from './sweep-ticket';

/** `GET /issue/{key}/changelog` returns at most 100 histories a page. */
const PAGE = 100;

/**
 * Whether the status changes at hand name the ticket's entry into its current status and a status change before
 * it: all a rebuild needs (`statusEnteredAt`, the Clarification return status).
 */
function entryKnown(ticket: SweepTicket): boolean {
  const entry = ticket.statusChanges.findLastIndex(
    (c) => c.toStatusId === ticket.statusId || c.toStatusName === ticket.statusName,
  );
  return entry >= 1;
}

/**
 * The ticket with the status changes a rebuild needs. Search returns only the most recent histories (40); when
 * that cut off the entry into the current status or the change before it, the older histories are read from the
 * changelog endpoint, newest page first, until it is found: one point per page and one per history.
 */
export async function withStatusHistory(jira: JiraGateway, ticket: SweepTicket): Promise<SweepTicket> {
  let read = ticket;
  let end = ticket.olderHistories ?? 0;
  const older: ChangelogHistory[] = [];
  while (end > 0 && !entryKnown(read)) {
    const start = Math.max(0, end - PAGE);
    const page = await jira.changelogPage(ticket.key, start, end - start);
    older.unshift(...page.histories);
    read = {
      ...ticket,
      statusChanges: [...statusChangesOf(older), ...ticket.statusChanges],
      olderHistories: start,
    };
    end = start;
  }
  return read;
}
