import type { ProcessState } from '../process-state';
import { priorityMismatch } from '../priorities/priority-mismatch';
import { changeOf } from './issue-change';
import type { RuleResult } from './event-actions';
import type { RuleInput } from './rule-input';

/**
 * A Software Defect set to P1 or P2 gets an internal note pointing to the priority table (guide §3.1, PROCESS.md
 * §5): those are availability priorities of a Non-Software Defect. Fires when the priority or the type changed
 * in this event and the ticket is still such a defect now; once per change (changelog id).
 *
 * @example
 * decidePriorityNote(softwareDefectSetToP1, state).actions[0]; // { type: 'comment', messageKey: 'priorityMismatch', … }
 */
export function decidePriorityNote(input: RuleInput, state: ProcessState): RuleResult {
  const { event, ticket } = input;
  const relevant =
    event.kind === 'created' ||
    changeOf(event, 'priority') !== undefined ||
    changeOf(event, 'issuetype') !== undefined;
  const priority = ticket.priority;
  if (!relevant || priority === undefined || !priorityMismatch(ticket.kind, priority))
    return { state, actions: [] };
  const idempotencyKey = `${ticket.id}:priorityNote:${event.changelogId ?? 'created'}:${priority}`;
  if (state.done.includes(idempotencyKey)) return { state, actions: [] };
  return {
    state,
    actions: [
      {
        type: 'comment',
        visibility: 'internal',
        messageKey: 'priorityMismatch',
        params: { ticketKey: ticket.key, priority: ticket.priorityName ?? priority, type: ticket.typeName },
        idempotencyKey,
      },
    ],
  };
}
