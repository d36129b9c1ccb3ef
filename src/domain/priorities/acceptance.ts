import { sameName } from '../names';

/**
 * One change of the assignee or the status from the changelog. For the assignee `from`/`to` are account
 * ids; for the status they are the status names (`fromString`/`toString`). `null` for an empty side.
 */
export interface AcceptanceChange {
  /** When the change was made, in epoch milliseconds. */
  readonly at: number;
  readonly field: 'assignee' | 'status';
  readonly from: string | null;
  readonly to: string | null;
}

/** What the acceptance of a ticket is read from: its creation, its whole changelog and how it is now. */
export interface AcceptanceFacts {
  /** When the ticket was created, in epoch milliseconds. */
  readonly created: number;
  /** Every assignee and status change of the ticket, in any order. */
  readonly changes: readonly AcceptanceChange[];
  readonly assigneeId: string | undefined;
  readonly statusName: string;
  /** The configured name of the Open status. */
  readonly openName: string;
}

/** Whether `name` is a status other than Open; an empty side names none. */
function outsideOpen(name: string | null, openName: string): boolean {
  return name !== null && !sameName(name, openName);
}

/**
 * When an agent accepted the ticket, the start of the restoration clock (guide §3.1): the first moment it had an
 * assignee or was in a status other than Open. A ticket created with an assignee or in another status was accepted
 * at its creation; what it was created with is the `from` of its first change of that field, or, without such a
 * change, what it has now. `undefined` while it has been Open and unassigned all its life.
 *
 * @example
 * acceptedAt({ created: 0, changes: [{ at: 60_000, field: 'assignee', from: null, to: 'agent-1' }], assigneeId: 'agent-1', statusName: 'Open', openName: 'Open' }); // 60000
 */
export function acceptedAt(facts: AcceptanceFacts): number | undefined {
  const changes = [...facts.changes].sort((a, b) => a.at - b.at);
  const firstOf = (field: AcceptanceChange['field']) => changes.find((c) => c.field === field);
  const firstAssignee = firstOf('assignee');
  const firstStatus = firstOf('status');
  const assignedAtCreation = firstAssignee ? firstAssignee.from : (facts.assigneeId ?? null);
  const statusAtCreation = firstStatus ? firstStatus.from : facts.statusName;
  if (assignedAtCreation !== null || outsideOpen(statusAtCreation, facts.openName)) return facts.created;
  const accepting = changes.find((c) =>
    c.field === 'assignee' ? c.to !== null : outsideOpen(c.to, facts.openName),
  );
  return accepting?.at;
}
