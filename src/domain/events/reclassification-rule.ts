import type { ProcessState } from '../process-state';
import { withFlag, withoutFlag } from '../process-state';
import { checkReclassification, hasStatus } from '../workflows';
import { changeOf } from './issue-change';
import type { RuleResult } from './event-actions';
import { kindOfTypeName, statusOfName } from '../names';
import type { RuleInput } from './rule-input';
import { ILLEGAL_TRANSITION_FLAG, unnamedChange } from './transition-rule';

/** Flag shown in the panel when a forbidden type change could not be reverted. */
const ILLEGAL_RECLASSIFICATION_FLAG = 'illegalReclassification';

/**
 * Reclassification (PROCESS.md §2): a type change the table does not allow is set back with an internal comment
 * naming the rule; an allowed one needs nothing here (the timer reconciliation re-evaluates timers for the new
 * kind). Like transitions, only a change that is still current is judged. When the ticket has meanwhile moved to a
 * status the old kind's workflow lacks (the events read late or out of order), the type is set back all the same
 * and the ticket is flagged as resting outside its workflow, for an agent to move it.
 *
 * @example
 * decideReclassification(incidentRetypedToSuggestion, state).actions[0].type; // 'revertType'
 */
export function decideReclassification(input: RuleInput, state: ProcessState): RuleResult {
  const { event, ticket, config } = input;
  const change = changeOf(event, 'issuetype');
  if (!change || change.to !== ticket.typeId || ticket.kind === undefined || ticket.status === undefined) {
    return { state, actions: [] };
  }
  const fromKind = kindOfTypeName(config, change.fromString ?? undefined);
  if (fromKind === undefined || !change.from) return { state, actions: [] };
  // Judge the change in the status the ticket had when it was made: an Incident re-typed in Open and resolved
  // before this event arrives was re-typed legally (the payload's issue snapshot carries that status).
  const statusThen = statusOfName(config, event.statusAtEvent?.name) ?? ticket.status;
  const verdict = checkReclassification(fromKind, ticket.kind, statusThen);
  if (verdict.allowed) return { state: withoutFlag(state, ILLEGAL_RECLASSIFICATION_FLAG), actions: [] };
  if (event.changelogId === undefined) return unnamedChange(state, 'reclassificationReverted');
  return {
    state: hasStatus(fromKind, ticket.status) ? state : withFlag(state, ILLEGAL_TRANSITION_FLAG),
    actions: [
      {
        type: 'revertType',
        toTypeId: change.from,
        flag: ILLEGAL_RECLASSIFICATION_FLAG,
        idempotencyKey: `${ticket.id}:revertType:${event.changelogId}`,
        comment: {
          messageKey: 'reclassificationRefused',
          visibility: 'internal',
          params: {
            ticketKey: ticket.key,
            fromType: change.fromString ?? config.names.kinds[fromKind],
            toType: ticket.typeName,
            reason: verdict.reason,
          },
        },
      },
    ],
  };
}
