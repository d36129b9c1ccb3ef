import { kindOfTypeName, statusOfName } from '../names';
import { changeOf } from './issue-change';
import { initialState, withoutFlag, type ProcessState } from '../process-state';
import { hasStatus } from '../workflows';
import { decideConfidentiality } from './confidentiality-rule';
import { decideCustomerComment } from './customer-comment-rule';
import { decideEmailIntake } from './email-intake-rule';
import type { EventAction, RuleResult } from './event-actions';
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
 * The state for the status and type a reverted ticket returns to. Usually the stored one; but an older event read
 * late (after the ticket had moved on or been re-typed) may have stamped the forbidden status, or reconciled the
 * timer for the forbidden type, and the timer of what the ticket returns to must run again (started now: later
 * than the ticket first entered its status, never earlier). A move judged as the forbidden type, into a status
 * the type set back has, leaves no flag of a ticket outside its workflow.
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
  const reverted = ticket === input.ticket ? state : reconcileTimers({ ...input, ticket }, state).state;
  // The transition rule judged a move made together with the re-typing as the type now set back: in a status of
  // the type it returns to, the ticket rests inside its workflow.
  const inWorkflow =
    retyped !== undefined &&
    ticket.kind !== undefined &&
    ticket.status !== undefined &&
    hasStatus(ticket.kind, ticket.status);
  return inWorkflow ? withoutFlag(reverted, ILLEGAL_TRANSITION_FLAG) : reverted;
}

/**
 * Every issue event rule on the ticket's current state (PROCESS.md §2–§7), in order. A forbidden status or type change is reverted and
 * nothing else is decided for it (the state keeps describing the status the ticket returns to).
 */
export function decideIssueChange(input: RuleInput): RuleResult {
  const stored = input.ticket.state;
  const base = stored ?? initialState(input.now, input.ticket.statusId);
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
