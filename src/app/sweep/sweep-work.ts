import { z } from 'zod';
import type { WorkHandler } from '../deps';
import { runProjectSweep, SWEEP_PROJECT_WORK, sweepContinuation } from './run-sweep';

const sweepProjectBody = z.object({
  type: z.literal(SWEEP_PROJECT_WORK),
  projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{1,9}$/),
  /** Absent: start where an hourly run starts (the repair phases when due, else the due index). */
  phase: z.enum(['unstamped', 'stamped', 'due']).optional(),
  nextPageToken: z.string().min(1).optional(),
  repairBasis: z.string().min(1).optional(),
  rebuild: z.boolean().optional(),
});

/**
 * Continues one project's sweep from the queue. A rate limit or outage answers `retry` (the consumer turns it
 * into `InvocationError({ retryAfter })`, so the same item comes back); a sweep that still does not fit pushes
 * its own continuation. Duplicate deliveries are harmless: every ticket step is claimed in the ActionLedger.
 */
const continueProjectSweep: WorkHandler = async (body, deps) => {
  const parsed = sweepProjectBody.safeParse(body);
  if (!parsed.success) {
    deps.log.error('sweep.badWorkItem', { issue: parsed.error.issues[0]?.path.join('.') ?? 'body' });
    return { kind: 'done' };
  }
  const { projectKey, phase, nextPageToken, repairBasis, rebuild } = parsed.data;
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
  switch (outcome.kind) {
    case 'deferred':
      return { kind: 'retry', afterSeconds: outcome.afterSeconds, reason: outcome.reason };
    case 'continued':
      await deps.queue.push([sweepContinuation(projectKey, outcome.cursor)]);
      return { kind: 'done' };
    default:
      return { kind: 'done' };
  }
};

/** The sweep's queue work, keyed by `body.type`, for the queue consumer in `src/entry/work.ts`. */
export const sweepWorkHandlers: Record<string, WorkHandler> = {
  [SWEEP_PROJECT_WORK]: continueProjectSweep,
};
