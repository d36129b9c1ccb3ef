import { JiraHttpError } from '../ports/jira-errors';
import type { CommentInput } from '../ports/jira';
import type { MessageRef } from '../../domain/actions';
import { PROCESS_STATE_KEY, withFlag, type ProcessState } from '../../domain/process-state';
import type { RevertStatusAction, RevertTypeAction } from '../../domain/events/event-actions';
import type { Audit, ExecutionContext } from './execution-context';
import { WorkflowTransitions } from '../shared/workflow-transitions';

/**
 * Reverts a forbidden status or type change in one call carrying the internal comment and the state; the way back
 * is the transition the workflow offers from the forbidden status, kept per workflow and status like the sweep's
 * close (`WorkflowTransitions`), so a revert reads the transitions only the first time in 30 days. Where the
 * workflow has no way back (no transition to the old status, or Jira refuses the type edit), the comment becomes
 * an internal warning and the state gets the action's flag, which the panel shows. Returns whether the change was
 * set back, and the state written.
 */
export async function performRevert(
  ctx: ExecutionContext,
  revert: RevertStatusAction | RevertTypeAction,
  state: ProcessState,
  fields: Record<string, unknown>,
  render: (ref: MessageRef, occurrence: string) => Promise<CommentInput>,
  audits: Audit[],
): Promise<{ reverted: boolean; state: ProcessState }> {
  const { deps, ticket } = ctx;
  const comment = await render(revert.comment, revert.idempotencyKey);
  const action = revert.type === 'revertStatus' ? 'transitionReverted' : 'reclassificationReverted';
  const property = (s: ProcessState) => [
    { key: PROCESS_STATE_KEY, value: { ...s, updatedAt: ctx.now.toISOString() } },
  ];
  if (revert.type === 'revertStatus') {
    const back = async (id: string) => {
      await deps.jira.doTransition(ticket.key, { id, comment, properties: property(state) });
      audits.push({ action, outcome: 'done', idempotencyKey: revert.idempotencyKey });
      return { reverted: true, state };
    };
    const transitions = new WorkflowTransitions(deps.jira, deps.store);
    const from = { key: ticket.key, typeId: ticket.typeId, statusId: ticket.statusId };
    const kept = await transitions.resolveTo(ticket.projectKey, from, revert.toStatusId);
    if (kept) {
      try {
        return await back(kept.id);
      } catch (error) {
        if (!(error instanceof JiraHttpError) || error.status !== 400) throw error;
        // A kept transition the workflow no longer offers from here (edited, or a condition this ticket fails):
        // what this ticket is offered now is read once more.
        await transitions.forget(ticket.projectKey, from);
        const offered = await transitions.resolveTo(ticket.projectKey, from, revert.toStatusId);
        if (offered?.id === kept.id) throw error;
        if (offered) return back(offered.id);
      }
    }
  } else {
    try {
      await deps.jira.editIssue(
        ticket.key,
        { fields: { ...fields, issuetype: { id: revert.toTypeId } }, comment, properties: property(state) },
        { notifyUsers: false },
      );
      audits.push({ action, outcome: 'done', idempotencyKey: revert.idempotencyKey });
      return { reverted: true, state };
    } catch (error) {
      // Jira refuses the type edit when the types need a move (different workflow or field configuration).
      if (!(error instanceof JiraHttpError) || error.status !== 400) throw error;
    }
  }
  const flagged = withFlag(state, revert.flag);
  await deps.jira.editIssue(
    ticket.key,
    { ...(Object.keys(fields).length > 0 ? { fields } : {}), comment, properties: property(flagged) },
    { notifyUsers: false },
  );
  audits.push({ action, outcome: 'failed', detail: 'noWayBack', idempotencyKey: revert.idempotencyKey });
  return { reverted: false, state: flagged };
}
