import { InvocationError, InvocationErrorCode, type AsyncEvent } from '@forge/events';
import { z } from 'zod';
import type { WorkOutcome } from '../app/deps';
import { EVENT_WORK_HANDLERS } from '../app/events/delivery/delivery-work';
import { RULES_WORK_HANDLERS } from '../app/rules/rules-work';
import { runWorkItem } from '../app/shared/parked-work';
import { sweepWorkHandlers } from '../app/sweep';
import { ownValue } from '../domain/own-property';
import { eventDeps } from './deps';

const workBody = z.looseObject({ type: z.string().min(1) });

/** Forge allows a retry at most 900 s ahead. */
const MAX_RETRY_AFTER = 900;

/** Work without a ledger claim of its own whose copies must not both run: fanning out a Delivery's completion. */
const ONCE_PER_EVENT: ReadonlySet<string> = new Set(['events.deliveryCompleted']);
/** A copy that finds the other copy at work looks again after the ledger's lease (then done, or taken over). */
const COPY_RETRY_AFTER = 600;

/**
 * `index.work`: the consumer of the `process-work` queue. Dispatches each item by `body.type` to the sweep's or
 * the event rules' handler. Rate limits and outages come back as `InvocationError` with `retryAfter`, so the
 * platform re-delivers the same item after the delay; every handler is idempotent, so re-delivery is harmless.
 * An item that keeps failing is parked and dropped from the retries (`runWorkItem`).
 */
export async function work(event: AsyncEvent): Promise<InvocationError | undefined> {
  const now = new Date();
  const deps = eventDeps('work', now);
  const parsed = workBody.safeParse(event.body);
  if (!parsed.success) {
    deps.log.error('work.unreadableItem', { jobId: event.jobId });
    return undefined;
  }
  const body = parsed.data;
  const handler =
    ownValue(sweepWorkHandlers, body.type) ??
    ownValue(EVENT_WORK_HANDLERS, body.type) ??
    ownValue(RULES_WORK_HANDLERS, body.type);
  if (!handler) {
    deps.log.error('work.unknownType', { type: body.type });
    return undefined;
  }
  // Work that fans out or writes without a claim of its own runs once per queue event: the two copies of one
  // delivery (same eventId) may run at the same time, and only the first claim does the work.
  const claimKey = ONCE_PER_EVENT.has(body.type) ? `work:${event.eventId}` : undefined;
  const claim = claimKey ? await deps.ledger.claim(claimKey, now) : undefined;
  if (claim?.kind === 'done') return undefined;
  if (claim?.kind === 'inProgress')
    return new InvocationError({
      retryAfter: COPY_RETRY_AFTER,
      retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
    });
  let outcome: WorkOutcome;
  try {
    outcome = await runWorkItem(handler, { body, retryCount: event.retryContext?.retryCount ?? 0 }, deps);
  } catch (error) {
    if (claimKey) await deps.ledger.release(claimKey);
    throw error;
  }
  deps.log.info('work.done', {
    type: body.type,
    outcome: outcome.kind,
    retry: event.retryContext?.retryCount ?? 0,
    calls: deps.stats.totalCalls,
    points: deps.stats.totalPoints,
    ...deps.stats.rateLimitHeaders(),
  });
  if (claimKey) {
    if (outcome.kind === 'done') await deps.ledger.complete(claimKey, now);
    else await deps.ledger.release(claimKey);
  }
  if (outcome.kind === 'done') return undefined;
  return new InvocationError({
    retryAfter: Math.min(MAX_RETRY_AFTER, Math.max(1, Math.ceil(outcome.afterSeconds))),
    retryReason:
      outcome.reason === 'rateLimited'
        ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED
        : InvocationErrorCode.FUNCTION_RETRY_REQUEST,
  });
}
