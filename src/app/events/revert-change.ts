import { JiraHttpError } from '../ports/jira-errors';
import type { CommentInput } from '../ports/jira';
import type { MessageRef } from '../../domain/actions';
import { PROCESS_STATE_KEY, withFlag, type ProcessState } from '../../domain/process-state';
import type { RevertStatusAction, RevertTypeAction } from '../../domain/events/event-actions';
import type { Audit, ExecutionContext } from './execution-context';

/**
 * Reverts a forbidden status or type change in one call carrying the internal comment and the state. Where the
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
    const back = (await deps.jira.getTransitions(ticket.key)).find((t) => t.to.id === revert.toStatusId);
    if (back) {
      await deps.jira.doTransition(ticket.key, { id: back.id, comment, properties: property(state) });
      audits.push({ action, outcome: 'done', idempotencyKey: revert.idempotencyKey });
      return { reverted: true, state };
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
