import type { WorkOutcome } from '../deps';
import type { EventDeps } from '../events/event-deps';
import { RateLimitedError } from '../ports/jira-errors';
import { classifyFailure } from './failure-class';
import { auditParking } from './parking-audit';
import { parkingId, type ParkingSubject, type RecordedFailure } from './parking-lot';

/** One queued work item: its body and how many times the platform delivered it before. */
export interface WorkDelivery {
  readonly body: Record<string, unknown> & { type: string };
  readonly retryCount: number;
}

type Handler = (body: Record<string, unknown>, deps: EventDeps) => Promise<WorkOutcome>;

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{1,9}$/;

function subjectOf(body: WorkDelivery['body']): ParkingSubject {
  const projectKey =
    typeof body.projectKey === 'string' && PROJECT_KEY.test(body.projectKey) ? body.projectKey : '';
  return { kind: 'work', projectKey, workType: body.type, body };
}

/** Counts the failure; storage trouble here leaves the item to the platform's retries (logged, not thrown). */
async function count(
  deps: EventDeps,
  subject: ParkingSubject,
  failure: ReturnType<typeof classifyFailure>,
): Promise<RecordedFailure | undefined> {
  try {
    return await deps.parking.recordFailure(subject, failure, deps.clock.now());
  } catch (error) {
    deps.log.error('work.parkingFailed', { type: subject.kind, error: classifyFailure(error).code });
    return undefined;
  }
}

/**
 * Runs one queued work item under the parking rules (`src/domain/parking.ts`). A rate limit or a transient Jira
 * failure asks the platform to deliver the item again later; any other failure is thrown, so the invocation
 * fails visibly and the platform retries it. Every failure but a rate limit counts: an item that keeps failing
 * is parked (recorded, logged, audited once) and reported done, which drops it from the queue's retries until an
 * admin retries it. A retried delivery that succeeds ends the item's streak.
 */
export async function runWorkItem(
  handler: Handler,
  delivery: WorkDelivery,
  deps: EventDeps,
): Promise<WorkOutcome> {
  const subject = subjectOf(delivery.body);
  let outcome: WorkOutcome;
  try {
    outcome = await handler(delivery.body, deps);
  } catch (error) {
    const failure = classifyFailure(error);
    if (error instanceof RateLimitedError)
      return { kind: 'retry', afterSeconds: error.retryAfterSeconds, reason: 'rateLimited' };
    const recorded = await count(deps, subject, failure);
    if (recorded?.verdict === 'park') {
      if (recorded.newlyParked && recorded.record) {
        deps.log.error('work.parked', {
          type: delivery.body.type,
          reason: failure.code,
          attempts: recorded.record.attempts,
        });
        await auditParking(deps.audit, recorded.record, 'parked', deps.clock.now());
      }
      return { kind: 'done' };
    }
    if (failure.failure === 'transient')
      return { kind: 'retry', afterSeconds: 60 * 2 ** delivery.retryCount, reason: 'upstream' };
    throw error;
  }
  if (delivery.retryCount > 0) await deps.parking.clear(parkingId(subject)).catch(() => undefined);
  return outcome;
}
