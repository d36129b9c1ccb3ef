import type { ProcessState } from '../process-state';
import { restartForCustomerComment } from '../timers';
import type { RuleResult } from './event-actions';
import type { RuleInput } from './rule-input';

/**
 * A public comment by the customer (reporter, request participant, member of a shared organization) restarts the
 * Clarification and Resolved timers from zero (PROCESS.md §4). Agent comments, internal notes and the app's own
 * comments never do. The comment id is remembered in `done`, so a duplicated event restarts nothing twice.
 *
 * @example
 * decideCustomerComment({ ...input, byCustomer: true }, clarificationState).state.stepsDone; // 0
 */
export function decideCustomerComment(input: RuleInput, state: ProcessState): RuleResult {
  const { event, ticket, config, now, byCustomer } = input;
  const comment = event.comment;
  if (event.kind !== 'commented' || !comment?.isPublic || byCustomer !== true) return { state, actions: [] };
  // Only a state that describes the current status may be restarted; a stale one is reconciled first.
  if (state.statusId !== ticket.statusId) return { state, actions: [] };
  return { state: restartForCustomerComment(state, ticket.id, comment.id, now, config).state, actions: [] };
}
