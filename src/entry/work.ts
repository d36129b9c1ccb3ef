import { InvocationError, InvocationErrorCode, type AsyncEvent } from '@forge/events';
import { z } from 'zod';
import { RateLimitedError, UpstreamError } from '../app/ports/jira-errors';
import type { WorkOutcome } from '../app/deps';
import { EVENT_WORK_HANDLERS } from '../app/events/delivery/delivery-work';
import { RULES_WORK_HANDLERS } from '../app/rules/rules-work';
import { sweepWorkHandlers } from '../app/sweep';
import { eventDeps } from './deps';

const workBody = z.looseObject({ type: z.string().min(1) });

/** Forge allows a retry at most 900 s ahead. */
const MAX_RETRY_AFTER = 900;

/**
 * `index.work`: the consumer of the `process-work` queue. Dispatches each item by `body.type` to the sweep's or
 * the event rules' handler. Rate limits and outages come back as `InvocationError` with `retryAfter`, so the
 * platform re-delivers the same item after the delay; every handler is idempotent, so re-delivery is harmless.
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
    sweepWorkHandlers[body.type] ?? EVENT_WORK_HANDLERS[body.type] ?? RULES_WORK_HANDLERS[body.type];
  if (!handler) {
    deps.log.error('work.unknownType', { type: body.type });
    return undefined;
  }
  let outcome: WorkOutcome;
  try {
    outcome = await handler(body, deps);
  } catch (error) {
    if (error instanceof RateLimitedError) {
      outcome = { kind: 'retry', afterSeconds: error.retryAfterSeconds, reason: 'rateLimited' };
    } else if (error instanceof UpstreamError) {
      outcome = {
        kind: 'retry',
        afterSeconds: 60 * 2 ** (event.retryContext?.retryCount ?? 0),
        reason: 'upstream',
      };
    } else {
      throw error;
    }
  }
  deps.log.info('work.done', {
    type: body.type,
    outcome: outcome.kind,
    retry: event.retryContext?.retryCount ?? 0,
    calls: deps.stats.totalCalls,
    points: deps.stats.totalPoints,
    ...deps.stats.rateLimitHeaders(),
  });
  if (outcome.kind === 'done') return undefined;
  return new InvocationError({
    retryAfter: Math.min(MAX_RETRY_AFTER, Math.max(1, Math.ceil(outcome.afterSeconds))),
    retryReason:
      outcome.reason === 'rateLimited'
        ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED
        : InvocationErrorCode.FUNCTION_RETRY_REQUEST,
  });
}
