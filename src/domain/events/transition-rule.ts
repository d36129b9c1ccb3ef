import type { ProjectConfig } from '../config';
import type { Kind } from '../kinds';
import type { ProcessState } from '../process-state';
import { returnStatusOf, withFlag, withoutFlag } from '../process-state';
import type { StatusKey } from '../statuses';
import type { Localized } from '../texts/message-keys';
import { allowedTargets, checkStatusChange, hasStatus, type StatusChangeContext } from '../workflows';
import { changeOf, occurrenceOf } from './issue-change';
import type { RuleResult } from './event-actions';
import { kindOfTypeName, statusOfName } from '../names';
import type { RuleInput } from './rule-input';

/** Flag shown in the panel when a ticket rests in a status its kind's workflow does not have. */
export const ILLEGAL_TRANSITION_FLAG = 'illegalTransition';

/** The refusal reason followed by the statuses the ticket may move to instead, by their Jira names. */
function withAllowedTargets(
  reason: Localized,
  config: ProjectConfig,
  kind: Kind,
  from: StatusKey,
  ctx: StatusChangeContext,
): Localized {
  const names = allowedTargets(kind, from, ctx).map((to) => `"${config.names.statuses[to]}"`);
  if (names.length === 0) return reason;
  const list = names.join(', ');
  return { en: `${reason.en} Allowed from here: ${list}.`, de: `${reason.de} Von hier erlaubt: ${list}.` };
}

/**
 * A move out of a status the kind does not have (where an earlier forbidden change could not be reverted): into a
 * status of the kind's workflow it is the agent bringing the ticket back, accepted, and the flag goes; into another
 * status the kind does not have, the ticket still rests outside its workflow: the flag stays on, with a note. There
 * is nothing to revert to (the status it came from is not the kind's either).
 */
function leftForeignStatus(input: RuleInput, state: ProcessState, from: StatusKey): RuleResult {
  const { event, ticket, config } = input;
  if (ticket.kind === undefined || ticket.status === undefined || hasStatus(ticket.kind, ticket.status))
    return { state: withoutFlag(state, ILLEGAL_TRANSITION_FLAG), actions: [] };
  const verdict = checkStatusChange(ticket.kind, from, ticket.status);
  if (verdict.allowed) return { state, actions: [] };
  return {
    state: withFlag(state, ILLEGAL_TRANSITION_FLAG),
    actions: [
      {
        type: 'comment',
        visibility: 'internal',
        messageKey: 'transitionRefused',
        params: {
          ticketKey: ticket.key,
          from: config.names.statuses[from],
          to: ticket.statusName,
          reason: verdict.reason,
        },
        idempotencyKey: `${ticket.id}:outsideWorkflow:${occurrenceOf(event)}`,
      },
    ],
  };
}

/**
 * A forbidden change whose event names no changelog entry (the app looks it up when Jira's payload lacks it) is
 * not reverted: a key without it would name every such change at once, and the second would never be reverted.
 * The audit trail says so.
 */
export function unnamedChange(state: ProcessState, action: string): RuleResult {
  return {
    state,
    actions: [{ type: 'audit', entry: { action, outcome: 'skipped', detail: 'changeNotNamed' } }],
  };
}

/**
 * Transition enforcement (guide §3): a status change the ticket's kind does not allow is reverted to the status
 * it came from, with an internal comment naming the rule. Acts only while the ticket is still in the status the
 * event moved it to: an event for a ticket that changed again meanwhile is history, and the later change's own
 * event decides. A duplicate of an already reverted change finds the ticket back in the old status. A move out of
 * a status the kind does not have: see {@link leftForeignStatus}. A return from Clarification is checked
 * against the return status stored when the ticket entered it (PROCESS.md §3: back where it came from or to In
 * Progress); the note names the statuses that are allowed.
 *
 * @example
 * decideTransition(supportRequestMovedOpenToInProgress, state).actions[0].type; // 'revertStatus'
 */
export function decideTransition(input: RuleInput, state: ProcessState): RuleResult {
  const { event, ticket, config } = input;
  const change = changeOf(event, 'status');
  if (!change || change.to !== ticket.statusId || ticket.kind === undefined || ticket.status === undefined) {
    return { state, actions: [] };
  }
  const from = statusOfName(config, change.fromString ?? undefined);
  if (from === undefined || !change.from) return { state, actions: [] };
  if (!hasStatus(ticket.kind, from)) return leftForeignStatus(input, state, from);
  // The stored state still describes the Clarification stay the ticket just left; without it (no state yet: the
  // app was installed while the ticket was in Clarification) the origin comes from the changelog. When neither
  // knows it, the domain rule falls back to accepting any working status.
  const origin =
    from === 'clarification'
      ? (returnStatusOf(ticket.state, change.from) ?? input.clarificationOrigin)
      : undefined;
  // A customer's move (a JSM customer transition closing a ticket whose timer ran) is judged by what customers may do.
  const ctx: StatusChangeContext = {
    ...(origin ? { previousWorkingStatus: origin.status } : {}),
    ...(input.byCustomer === true ? { byCustomer: true } : {}),
  };
  // The move is judged as the kind the ticket has now and as the kind it had when the move was made (the
  // payload's issue snapshot): a re-typing read in the same batch, or one the app set back meanwhile, must not make
  // a forbidden move look allowed. Either refusal reverts it.
  const kindThen = kindOfTypeName(config, event.typeAtEvent);
  const now = checkStatusChange(ticket.kind, from, ticket.status, ctx);
  const then =
    kindThen !== undefined && kindThen !== ticket.kind && hasStatus(kindThen, from)
      ? checkStatusChange(kindThen, from, ticket.status, ctx)
      : now;
  const [verdict, kind] = then.allowed ? [now, ticket.kind] : [then, kindThen ?? ticket.kind];
  if (verdict.allowed) return { state: withoutFlag(state, ILLEGAL_TRANSITION_FLAG), actions: [] };
  // The revert's key names this one change (docs/decisions/0012); a change nothing names is left to the audit.
  if (event.changelogId === undefined) return unnamedChange(state, 'transitionReverted');
  return {
    state,
    actions: [
      {
        type: 'revertStatus',
        toStatusId: change.from,
        toStatusName: change.fromString ?? config.names.statuses[from],
        flag: ILLEGAL_TRANSITION_FLAG,
        idempotencyKey: `${ticket.id}:revertStatus:${event.changelogId}`,
        comment: {
          messageKey: 'transitionRefused',
          visibility: 'internal',
          params: {
            ticketKey: ticket.key,
            from: change.fromString ?? config.names.statuses[from],
            to: ticket.statusName,
            reason: withAllowedTargets(verdict.reason, config, kind, from, ctx),
          },
        },
      },
    ],
  };
}
