import type { EventAction } from '../../domain/events/event-actions';
import { recordOnCallAnswer } from '../shared/platform-observations';
import type { Audit, ExecutionContext } from './execution-context';

/**
 * Alerts on-call at most once per idempotency key (PROCESS.md §1): the `ActionLedger` claim keeps two
 * concurrent duplicates of the same event from paging twice; a failed alert releases the claim for the retry.
 */
export async function alertOnce(
  ctx: ExecutionContext,
  action: Extract<EventAction, { type: 'alertOnCall' }>,
): Promise<Audit> {
  const { deps, ticket, now } = ctx;
  const claim = await deps.ledger.claim(action.idempotencyKey, now);
  if (claim.kind === 'done' || claim.kind === 'inProgress') {
    return {
      action: 'onCallAlert',
      outcome: 'skipped',
      detail: 'alreadyDone',
      idempotencyKey: action.idempotencyKey,
    };
  }
  try {
    await deps.pager.alert({
      mode: action.mode,
      target: action.target,
      issueKey: ticket.key,
      issueId: ticket.id,
      issueUrl: `/browse/${ticket.key}`,
      idempotencyKey: action.idempotencyKey,
      ...(ctx.cloudId ? { cloudId: ctx.cloudId } : {}),
    });
  } catch (error) {
    await deps.ledger.release(action.idempotencyKey);
    await recordOnCallAnswer(deps.store, false, error instanceof Error ? error.message : 'error', now);
    throw error;
  }
  await recordOnCallAnswer(deps.store, true, 'accepted', now);
  await deps.ledger.complete(action.idempotencyKey, now);
  return { action: 'onCallAlert', outcome: 'done', idempotencyKey: action.idempotencyKey };
}
