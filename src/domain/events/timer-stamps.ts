import type { ClarificationOrigin, ProcessState } from '../process-state';
import { onReclassified, outsideProcess, startTimer, timerFor } from '../timers';
import type { EventAction, RuleResult } from './event-actions';
import { changeOf } from './issue-change';
import { statusOfName } from '../names';
import type { RuleInput } from './rule-input';

/**
 * The status the ticket left for its current one, from the event's changelog item (`from` / `fromString`), when
 * the event describes the move into the status the ticket is in now. Stamped as the Clarification return status
 * (PROCESS.md §3) in the same property write as the timer.
 */
function statusOrigin(input: RuleInput): ClarificationOrigin | undefined {
  const change = changeOf(input.event, 'status');
  if (!change?.from || change.to !== input.ticket.statusId) return undefined;
  const status = statusOfName(input.config, change.fromString ?? undefined);
  return status === undefined ? undefined : { statusId: change.from, status };
}

/**
 * Brings the process state in line with the ticket as it is now (PROCESS.md §4): a status other than the one the
 * state records starts that status's timer (or stops it) and, for Clarification, records the status it came from;
 * a type change re-evaluates the timer for the new kind. The acceptance that starts the restoration clock (guide
 * §3.1) is not stored: the panel reads it from the changelog (docs/decisions/0027). Because it compares current
 * facts with the stored state, duplicated and reordered events converge on the same state and never start a
 * second cycle.
 *
 * @example
 * reconcileTimers(input, state).state.timer; // 'clarification' once the ticket is in Clarification
 */
export function reconcileTimers(input: RuleInput, stored: ProcessState | undefined): RuleResult {
  const { ticket, config, now } = input;
  const { kind, status } = ticket;
  if (kind === undefined || status === undefined) {
    return { state: outsideProcess(stored, ticket.statusId, now), actions: [] };
  }
  let state: ProcessState;
  const actions: EventAction[] = [];
  if (!stored || stored.statusId !== ticket.statusId) {
    const from = statusOrigin(input);
    state = startTimer(kind, status, now, { statusId: ticket.statusId, previous: stored, from }, config);
    if (stored && stored.timer !== 'none') actions.push(timerStopped(input, stored));
  } else if (stored.timer !== timerFor(kind, status)) {
    state = onReclassified(stored, kind, status, now, config).state;
  } else {
    state = stored;
  }
  return { state, actions };
}

/**
 * The audit entry for a running timer that ended because the ticket left its status: which timer, the status it
 * is in now, and `byCustomer` when the customer moved it (a customer closing a Resolved ticket, withdrawing while
 * clarification is asked for, declining an estimate). Keyed by the timer's cycle: one entry per cycle ended.
 */
function timerStopped(input: RuleInput, stored: ProcessState): EventAction {
  const { ticket, byCustomer } = input;
  const who = byCustomer === true ? ':byCustomer' : '';
  return {
    type: 'audit',
    entry: {
      action: 'timerStopped',
      outcome: 'done',
      detail: `${stored.timer}:${ticket.status ?? 'unknown'}${who}`,
      idempotencyKey: `${ticket.id}:timerStopped:${stored.timer}:${stored.cycle}`,
    },
  };
}
