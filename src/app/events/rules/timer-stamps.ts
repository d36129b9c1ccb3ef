import { initialState, type ProcessState } from '../../../domain/process-state';
import { markAccepted, onReclassified, startTimer, timerFor } from '../../../domain/timers';
import type { RuleResult } from '../event-actions';
import type { RuleInput } from '../rule-input';

/**
 * Brings the process state in line with the ticket as it is now (PROCESS.md §4): a status other than the one the
 * state records starts that status's timer (or stops it), a type change re-evaluates the timer for the new kind,
 * and the first assignment or the first move out of Open records `acceptedAt`, the start of the restoration
 * clock (guide §3.1). Because it compares current facts with the stored state, duplicated and reordered events
 * converge on the same state and never start a second cycle.
 *
 * @example
 * reconcileTimers(input, state).state.timer; // 'clarification' once the ticket is in Clarification
 */
export function reconcileTimers(input: RuleInput, stored: ProcessState | undefined): RuleResult {
  const { ticket, config, now } = input;
  const { kind, status } = ticket;
  if (kind === undefined || status === undefined) {
    // A status or type outside the process: nothing is due until it returns to one the app knows.
    const base = stored ?? initialState(now, ticket.statusId);
    const stopped =
      base.timer === 'none' && base.nextDueAt === undefined && base.statusId === ticket.statusId
        ? base
        : {
            ...base,
            timer: 'none' as const,
            statusId: ticket.statusId,
            nextDueAt: undefined,
            updatedAt: now.toISOString(),
          };
    return { state: stopped, actions: [] };
  }
  let state: ProcessState;
  if (!stored || stored.statusId !== ticket.statusId) {
    state = startTimer(kind, status, now, { statusId: ticket.statusId, previous: stored }, config);
  } else if (stored.timer !== timerFor(kind, status)) {
    state = onReclassified(stored, kind, status, now, config).state;
  } else {
    state = stored;
  }
  if (ticket.assigneeId !== undefined || status !== 'open') state = markAccepted(state, now).state;
  return { state, actions: [] };
}
