import type { ProcessState } from '../../../domain/process-state';
import { withoutFlag } from '../../../domain/process-state';
import { checkStatusChange, hasStatus } from '../../../domain/workflows';
import { changeOf } from '../event-payload';
import type { RuleResult } from '../event-actions';
import { statusOfName } from '../jira-names';
import type { RuleInput } from '../rule-input';

/** Flag shown in the panel when a forbidden status change could not be reverted. */
export const ILLEGAL_TRANSITION_FLAG = 'illegalTransition';

/**
 * Transition enforcement (guide §3): a status change the ticket's kind does not allow is reverted to the status
 * it came from, with an internal comment naming the rule. Acts only while the ticket is still in the status the
 * event moved it to: an event for a ticket that changed again meanwhile is history, and the later change's own
 * event decides. A duplicate of an already reverted change finds the ticket back in the old status. A move out of
 * a status the kind does not have (where an earlier forbidden change could not be reverted) is the agent
 * bringing the ticket back into its workflow: accepted, and the flag goes.
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
  if (!hasStatus(ticket.kind, from))
    return { state: withoutFlag(state, ILLEGAL_TRANSITION_FLAG), actions: [] };
  const verdict = checkStatusChange(ticket.kind, from, ticket.status);
  if (verdict.allowed) return { state: withoutFlag(state, ILLEGAL_TRANSITION_FLAG), actions: [] };
  return {
    state,
    actions: [
      {
        type: 'revertStatus',
        toStatusId: change.from,
        toStatusName: change.fromString ?? config.names.statuses[from],
        flag: ILLEGAL_TRANSITION_FLAG,
        idempotencyKey: `${ticket.id}:revertStatus:${event.changelogId ?? `${change.from}-${change.to}`}`,
        comment: {
          messageKey: 'transitionRefused',
          visibility: 'internal',
          params: {
            ticketKey: ticket.key,
            from: change.fromString ?? config.names.statuses[from],
            to: ticket.statusName,
            reason: verdict.reason,
          },
        },
      },
    ],
  };
}
