import { z } from 'zod';
import type { WorkHandler, WorkOutcome } from '../deps';
import { QueueError } from '../ports/platform-errors';
import { sweepRunKey } from './last-sweep';
import {
  LOOK_AGAIN,
  MAX_LOOKS_IN_A_ROW,
  runProjectSweep,
  SWEEP_PROJECT_WORK,
  sweepContinuation,
  type SweepRunMarker,
} from './run-sweep';

const sweepProjectBody = z.object({
  type: z.literal(SWEEP_PROJECT_WORK),
  projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{1,9}$/),
  /** Absent: start where an hourly run starts (the repair phases when due, else the due index). */
  phase: z.enum(['unstamped', 'stamped', 'stateless', 'due']).optional(),
  nextPageToken: z.string().min(1).optional(),
  repairBasis: z.string().min(1).optional(),
  rebuild: z.boolean().optional(),
  /** The hourly run this item resumes should it die (see `runScheduledSweep`). */
  resumesRunAt: z.iso.datetime().optional(),
  /** Looks again in a row this item makes (see `LOOK_AGAIN`). */
  looks: z.number().int().min(1).max(MAX_LOOKS_IN_A_ROW).optional(),
});

/** Delay before the platform delivers an item again whose continuation the queue refused. */
const QUEUE_RETRY_SECONDS = 120;

/**
 * Continues one project's sweep from the queue. A rate limit or outage answers `retry` (the consumer turns it
 * into `InvocationError({ retryAfter })`, so the same item comes back); a sweep that still does not fit pushes
 * its own continuation. When the queue refuses that push, the item asks to be delivered again: it sweeps from
 * its own cursor once more, where the tickets it already handled are no longer due. An item that resumes an
 * hourly run ends at once when that run finished. Duplicate deliveries are harmless: every ticket step is claimed
 * in the ActionLedger.
 */
const continueProjectSweep: WorkHandler = async (body, deps) => {
  const parsed = sweepProjectBody.safeParse(body);
  if (!parsed.success) {
    deps.log.error('sweep.badWorkItem', { issue: parsed.error.issues[0]?.path.join('.') ?? 'body' });
    return { kind: 'done' };
  }
  const { projectKey, phase, nextPageToken, repairBasis, rebuild, resumesRunAt, looks } = parsed.data;
  if (resumesRunAt) {
    const run = await deps.store.get<SweepRunMarker>(sweepRunKey(projectKey, new Date(resumesRunAt)));
    if (run?.finished === true) {
      deps.log.info('sweep.resumeNotNeeded', { projectKey });
      return { kind: 'done' };
    }
  }
  const now = deps.clock.now();
  const outcome = await runProjectSweep(
    deps,
    projectKey,
    now,
    phase && {
      phase,
      ...(nextPageToken ? { nextPageToken } : {}),
      ...(repairBasis ? { repairBasis, rebuild: rebuild ?? false } : {}),
    },
  );
  const handOn = async (item: ReturnType<typeof sweepContinuation>): Promise<WorkOutcome> => {
    try {
      await deps.queue.push([item]);
    } catch (error) {
      if (!(error instanceof QueueError)) throw error;
      deps.log.warn('sweep.queueFailed', { items: 1, from: 'queue' });
      return { kind: 'retry', afterSeconds: QUEUE_RETRY_SECONDS, reason: 'queue' };
    }
    return { kind: 'done' };
  };
  switch (outcome.kind) {
    case 'deferred': {
      if (outcome.reason !== LOOK_AGAIN)
        return { kind: 'retry', afterSeconds: outcome.afterSeconds, reason: outcome.reason };
      // A look again is a new item counting the looks in a row; past the last, the next hourly run looks.
      const next = (looks ?? 0) + 1;
      if (next > MAX_LOOKS_IN_A_ROW) {
        deps.log.info('sweep.lookAgainHourly', { projectKey });
        return { kind: 'done' };
      }
      return handOn(sweepContinuation(projectKey, undefined, outcome.afterSeconds, next));
    }
    case 'continued':
      return handOn(sweepContinuation(projectKey, outcome.cursor));
    default:
      return { kind: 'done' };
  }
};

/** The sweep's queue work, keyed by `body.type`, for the queue consumer in `src/entry/work.ts`. */
export const sweepWorkHandlers: Record<string, WorkHandler> = {
  [SWEEP_PROJECT_WORK]: continueProjectSweep,
};
