import { kindOfTypeName, statusOfName } from '../names';
import { changeOf } from './issue-change';
import { initialState, withoutFlag, type ProcessState } from '../process-state';
import { checkStatusChange, hasStatus } from '../workflows';
import { decideConfidentiality } from './confidentiality-rule';
import { decideCustomerComment } from './customer-comment-rule';
import { decideEmailIntake } from './email-intake-rule';
import type { EventAction, RevertStatusAction, RuleResult } from './event-actions';
import { startTimer, timerFor } from '../timers';
import { decideOutOfHours } from './out-of-hours-rule';
import { decidePriorityNote } from './priority-note-rule';
import { decideReclassification } from './reclassification-rule';
import type { RuleInput } from './rule-input';
import { reconcileTimers } from './timer-stamps';
import { decideTransition, ILLEGAL_TRANSITION_FLAG } from './transition-rule';

type Rule = (input: RuleInput, state: ProcessState) => RuleResult;

/** Rules that run after the timers are reconciled, in order. */
const FOLLOW_UP_RULES: readonly Rule[] = [
  decideCustomerComment,
  decidePriorityNote,
  decideConfidentiality,
  decideOutOfHours,
  decideEmailIntake,
];

/**
 * The state for the status and type a reverted ticket returns to. A status set back is a new entry into that
 * status: the ticket was elsewhere from the forbidden move until the revert (days, when the event is handled
 * late), so a waiting timer of the status it returns to starts a new cycle now (PROCESS.md §4 counts the days in
 * the status; never before the ticket is back in it). An older event read late (after the ticket had moved on or
 * been re-typed) may have stamped the forbidden status, or reconciled the timer for the forbidden type, and the
 * timer of what the ticket returns to runs again from now the same way. A state without a running timer stays as
 * stored. A move made in the same change as a forbidden re-typing that the type set back allows leaves no flag of
 * a ticket outside its workflow (`moveAllowedFor`).
 */
function stateAfterRevert(
  input: RuleInput,
  state: ProcessState,
  reverts: readonly EventAction[],
): ProcessState {
  let ticket = input.ticket;
  const back = reverts.find((a) => a.type === 'revertStatus');
  if (back?.type === 'revertStatus' && state.statusId !== back.toStatusId) {
    const status = statusOfName(input.config, back.toStatusName);
    ticket = { ...ticket, statusId: back.toStatusId, statusName: back.toStatusName, status };
  }
  const retyped = reverts.find((a) => a.type === 'revertType');
  const typeName = changeOf(input.event, 'issuetype')?.fromString ?? undefined;
  if (retyped?.type === 'revertType' && typeName !== undefined) {
    const kind = kindOfTypeName(input.config, typeName);
    ticket = { ...ticket, typeId: retyped.toTypeId, typeName, ...(kind ? { kind } : {}) };
  }
  const timed = back?.type === 'revertStatus' ? reentered(input, state, back) : state;
  const reverted = ticket === input.ticket ? timed : reconcileTimers({ ...input, ticket }, timed).state;
  return retyped !== undefined && back === undefined && moveAllowedFor(input, ticket)
    ? withoutFlag(reverted, ILLEGAL_TRANSITION_FLAG)
    : reverted;
}

/**
 * The state of a ticket set back into the status its state describes: a running timer starts a new cycle at the
 * revert (`startTimer`; the Clarification origin stored for that status is kept), the rest stays as stored.
 */
function reentered(input: RuleInput, state: ProcessState, back: RevertStatusAction): ProcessState {
  const status = statusOfName(input.config, back.toStatusName);
  const { kind } = input.ticket;
  if (state.statusId !== back.toStatusId || state.timer === 'none') return state;
  if (kind === undefined || status === undefined) return state;
  return startTimer(kind, status, input.now, { statusId: back.toStatusId, previous: state }, input.config);
}

/**
 * Whether this event's own move, which the rules judged as the type the re-typing made, is allowed for the type
 * set back (`ticket`): then the ticket rests inside that type's workflow, and the flag of a ticket outside its
 * workflow does not belong to it. A move of an earlier event, or one forbidden for the type set back too, keeps
 * the flag.
 */
function moveAllowedFor(input: RuleInput, ticket: RuleInput['ticket']): boolean {
  const moved = changeOf(input.event, 'status');
  const from = statusOfName(input.config, moved?.fromString ?? undefined);
  if (moved?.to !== ticket.statusId || from === undefined) return false;
  if (ticket.kind === undefined || ticket.status === undefined || !hasStatus(ticket.kind, from)) return false;
  const ctx = input.byCustomer === true ? { byCustomer: true } : {};
  return checkStatusChange(ticket.kind, from, ticket.status, ctx).allowed;
}

/**
 * The state the rules start from. A ticket without a state property (one the app never wrote, or whose rules
 * recorded nothing but its status: docs/decisions/0026) starts from the state of a ticket in the status this
 * event's move left, when the event moved it into the status it is in, so that the move is judged and timed as a
 * move (a timer started with its Clarification origin); otherwise from its own status. Where its kind runs a timer
 * in the status it left, that timer ran unrecorded (the move in was decided late, on a read that already showed
 * the ticket elsewhere, or the ticket waited there since before the installation): it starts as recorded after the
 * fact (`installBackfill`), so that this move stops it and the state written says so.
 */
function startingState(input: RuleInput): ProcessState {
  const { ticket, event, now, config } = input;
  if (ticket.state) return ticket.state;
  const move = changeOf(event, 'status');
  if (!move?.from || move.to !== ticket.statusId) return initialState(now, ticket.statusId);
  const left = statusOfName(config, move.fromString ?? undefined);
  if (ticket.kind === undefined || left === undefined || timerFor(ticket.kind, left) === 'none')
    return initialState(now, move.from);
  return startTimer(ticket.kind, left, now, { statusId: move.from, reason: 'installBackfill' }, config);
}

/**
 * Every issue event rule on the ticket's current state (PROCESS.md §2–§7), in order. A forbidden status or type change is reverted and
 * nothing else is decided for it (the state keeps describing the status the ticket returns to).
 */
export function decideIssueChange(input: RuleInput): RuleResult {
  const base = startingState(input);
  const transition = decideTransition(input, base);
  const reclass = decideReclassification(input, transition.state);
  const reverts = [...transition.actions, ...reclass.actions];
  if (reverts.length > 0) return { state: stateAfterRevert(input, reclass.state, reverts), actions: reverts };
  const timers = reconcileTimers(input, reclass.state);
  let state = timers.state;
  const actions: EventAction[] = [...timers.actions];
  for (const rule of FOLLOW_UP_RULES) {
    const result = rule(input, state);
    state = result.state;
    actions.push(...result.actions);
  }
  return { state, actions };
}
