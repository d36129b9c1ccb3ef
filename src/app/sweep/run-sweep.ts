import { JiraHttpError, RateLimitedError, UpstreamError } from '../ports/jira-errors';
import { QueueError, StorageError } from '../ports/platform-errors';
import type { AppDeps } from '../deps';
import type { WorkItem } from '../ports';
import { PointsBudget } from './points-budget';
import { sweepProject, type OutcomeCounts, type SweepCursor } from './sweep-project';
import { sweepContextFor } from './sweep-setup';
import { clearRepairProgress, repairBasis, writeRepairProgress } from '../shared/repair-marker';
import { CLAIM_LEASE_SECONDS } from '../shared/action-ledger';
import { firstPhase } from './sweep-sources';
import { sweepRunKey } from './last-sweep';
import { SweepTime } from './sweep-time';
import { requeueStaleTableMarks } from '../shared/delivery-table-marks';

/** Queue work item type that continues one project's sweep. */
export const SWEEP_PROJECT_WORK = 'sweep.project';

/** Delay before retrying a sweep that met a Jira outage. */
const UPSTREAM_RETRY_SECONDS = 120;

/**
 * Delay of the item that resumes an hourly run that died: just past the ledger's lease, so the step the dead run
 * had claimed can be taken over by then.
 */
const RESUME_AFTER_SECONDS = CLAIM_LEASE_SECONDS + 60;

/** The run marker of a project's hourly run: set when it starts, `finished` once it handed on all its work. */
export interface SweepRunMarker {
  at: string;
  finished?: boolean;
}

/** How one project's part of a run ended. */
export type ProjectRunOutcome =
  | { kind: 'disabled' }
  | { kind: 'duplicateRun' }
  | { kind: 'finished'; tickets: number; outcomes: OutcomeCounts }
  | { kind: 'continued'; tickets: number; outcomes: OutcomeCounts; cursor: SweepCursor }
  | { kind: 'budgetExhausted'; tickets: number; outcomes: OutcomeCounts }
  | { kind: 'deferred'; afterSeconds: number; reason: string };

/** The body of a `sweep.project` queue item. */
interface SweepProjectWork extends Record<string, unknown> {
  type: typeof SWEEP_PROJECT_WORK;
  projectKey: string;
  phase?: SweepCursor['phase'];
  nextPageToken?: string;
  repairBasis?: string;
  rebuild?: boolean;
  /** The hourly run (its `now`) this item resumes should it die; a run that finished leaves nothing to do. */
  resumesRunAt?: string;
  /** On an item that only looks again at tickets left undecided: how many such looks in a row it is. */
  looks?: number;
}

/**
 * The reason of a `deferred` outcome whose held tickets are only to be looked at again a minute later (left
 * undecided, or failed for a passing reason). Such looks are bounded: {@link MAX_LOOKS_IN_A_ROW}.
 */
export const LOOK_AGAIN = 'lookAgain';

/**
 * Looks again in a row, each a sweep of the project a minute after the last, after which a ticket that is still
 * undecided waits for the next hourly run: a ticket Jira refuses on every decision costs a few sweeps an hour,
 * not one a minute.
 */
export const MAX_LOOKS_IN_A_ROW = 3;

/**
 * A queue item continuing from `cursor`, or (without one) starting the project's sweep afresh; `looks`: the
 * looks again in a row it makes.
 */
function continuation(
  projectKey: string,
  cursor: SweepCursor | undefined,
  delaySeconds?: number,
  looks?: number,
): WorkItem {
  const body: SweepProjectWork = {
    type: SWEEP_PROJECT_WORK,
    projectKey,
    ...(looks !== undefined ? { looks } : {}),
    ...(cursor ? { phase: cursor.phase } : {}),
    ...(cursor?.nextPageToken ? { nextPageToken: cursor.nextPageToken } : {}),
    ...(cursor?.repairBasis ? { repairBasis: cursor.repairBasis, rebuild: cursor.rebuild ?? false } : {}),
  };
  return delaySeconds ? { body, delaySeconds } : { body };
}

/**
 * Sweeps one project from `cursor` within this invocation's remaining time (`time`, shared by the projects one
 * invocation sweeps) and the hourly budget. Rate limits and outages end the attempt with a `deferred` outcome
 * (the caller retries through the queue); everything else is recorded per ticket and never stops the sweep.
 */
export async function runProjectSweep(
  deps: AppDeps,
  projectKey: string,
  now: Date,
  cursor?: SweepCursor,
  time: SweepTime = new SweepTime(deps.time),
): Promise<ProjectRunOutcome> {
  const { config, version } = await deps.config.load();
  if (!config.automation.enabled) return { kind: 'disabled' };
  const budget = new PointsBudget(deps.store, config.automation.pointsBudgetPerHour, now);
  const before = deps.stats.totalPoints;
  let resumedRepair = false;
  try {
    const ctx = await sweepContextFor(deps, config, projectKey, now);
    if (!ctx) return { kind: 'disabled' };
    let from = cursor;
    if (!from) {
      const basis = repairBasis(version);
      const first = await firstPhase(ctx, basis);
      resumedRepair = first.nextPageToken !== undefined;
      from =
        first.phase === 'due'
          ? { phase: 'due' }
          : {
              phase: first.phase,
              ...(first.nextPageToken ? { nextPageToken: first.nextPageToken } : {}),
              repairBasis: basis,
              rebuild: first.rebuild,
            };
    }
    const result = await sweepProject(ctx, { budget, time }, from);
    const { tickets, outcomes } = result;
    await saveRepairPosition(deps, projectKey, now, result);
    deps.log.info('sweep.project', {
      projectKey,
      tickets,
      points: deps.stats.totalPoints - before,
      ...outcomes,
    });
    if (result.budgetExhausted) return { kind: 'budgetExhausted', tickets, outcomes };
    if (result.continueAt) return { kind: 'continued', tickets, outcomes, cursor: result.continueAt };
    // Tickets held back (Jira's per-issue 429, or a step another runner's claim holds) are swept again once they
    // may be written, or the claim taken over.
    if (result.heldIssuesRetryAfter !== undefined)
      return {
        kind: 'deferred',
        afterSeconds: result.heldIssuesRetryAfter,
        reason: result.lookAgain ? LOOK_AGAIN : 'ticketsHeld',
      };
    return { kind: 'finished', tickets, outcomes };
  } catch (error) {
    // Jira refused the page token of a saved repair position (expired): the repair starts over shortly.
    if (resumedRepair && error instanceof JiraHttpError && error.status === 400) {
      await clearRepairProgress(deps.store, projectKey);
      deps.log.warn('sweep.repairRestarted', { projectKey });
      return { kind: 'deferred', afterSeconds: UPSTREAM_RETRY_SECONDS, reason: 'repairRestarted' };
    }
    if (error instanceof RateLimitedError) {
      deps.log.warn('sweep.rateLimited', { projectKey, retryAfter: error.retryAfterSeconds });
      return { kind: 'deferred', afterSeconds: error.retryAfterSeconds, reason: 'rateLimited' };
    }
    // An outage, or a conflict that outlived the client's retries (a search Jira answered 409): the project's
    // sweep continues through the queue shortly, not an hour later.
    if (error instanceof UpstreamError || (error instanceof JiraHttpError && error.isConflict)) {
      deps.log.warn('sweep.upstream', { projectKey, operation: error.operation });
      return { kind: 'deferred', afterSeconds: UPSTREAM_RETRY_SECONDS, reason: 'upstream' };
    }
    throw error;
  }
}

/**
 * Saves where a repair stopped when the hourly budget ran out, so the next hourly run continues it; a sweep that
 * ran out of time continues through the queue instead, and the due phase starts again from the most overdue.
 */
async function saveRepairPosition(
  deps: AppDeps,
  projectKey: string,
  now: Date,
  result: { budgetExhausted: boolean; continueAt?: SweepCursor },
): Promise<void> {
  const at = result.continueAt;
  if (!result.budgetExhausted || !at || at.phase === 'due' || at.repairBasis === undefined) return;
  await writeRepairProgress(deps.store, projectKey, {
    at: now.toISOString(),
    basis: at.repairBasis,
    phase: at.phase,
    rebuild: at.rebuild ?? false,
    ...(at.nextPageToken ? { nextPageToken: at.nextPageToken } : {}),
  });
}

/**
 * The hourly scheduled sweep (PROCESS.md §4): first the Delivery tables whose regeneration was lost, queued again;
 * then every managed, enabled project in turn. A duplicate run of the
 * same trigger (Forge may fire twice) finds the project's run marker for this ten-minute slot and stops before
 * spending a point; work that does not fit, or that Jira deferred, continues as `sweep.project` queue items.
 * When the queue refuses those items the run still ends well: every step it performed is recorded, and the next
 * hourly run starts from the due index again, so the tickets it did not reach are swept then.
 *
 * Forge does not retry a scheduled invocation that dies (forge-platform §6), but it does retry queue work. So
 * before its first write for a project (the run marker) a run queues a `sweep.project` item that resumes the
 * project's sweep afresh a little after the ledger's lease: should the run die anywhere after that (killed, out
 * of memory, the process gone) or its hand-over to the queue fail, the tickets it did not reach are swept within
 * minutes instead of the next hour, and the platform retries that item should it die too. A run that finished
 * and handed on its work marks its run marker `finished`, and the item then ends after one KVS read; so does the
 * item a duplicate run queued (same marker).
 */
export async function runScheduledSweep(
  deps: AppDeps,
  now: Date,
): Promise<Record<string, ProjectRunOutcome>> {
  const { config } = await deps.config.load();
  await requeueLostTables(deps, now);
  const report: Record<string, ProjectRunOutcome> = {};
  const queued: WorkItem[] = [];
  const resumed: string[] = [];
  const time = new SweepTime(deps.time);
  for (const projectKey of config.projects) {
    const resumable = config.automation.enabled && (await pushResume(deps, projectKey, now));
    const first = await deps.store.setIfAbsent<SweepRunMarker>(
      sweepRunKey(projectKey, now),
      { at: now.toISOString() },
      { ttlDays: 1 },
    );
    if (!first) {
      report[projectKey] = { kind: 'duplicateRun' };
      continue;
    }
    if (resumable) resumed.push(projectKey);
    const outcome = await runProjectSweep(deps, projectKey, now, undefined, time);
    report[projectKey] = outcome;
    if (outcome.kind === 'continued') queued.push(continuation(projectKey, outcome.cursor));
    if (outcome.kind === 'deferred')
      queued.push(
        continuation(
          projectKey,
          undefined,
          outcome.afterSeconds,
          outcome.reason === LOOK_AGAIN ? 1 : undefined,
        ),
      );
  }
  if (queued.length > 0) {
    try {
      await deps.queue.push(queued);
    } catch (error) {
      if (!(error instanceof QueueError)) throw error;
      deps.log.warn('sweep.queueFailed', { items: queued.length, from: 'scheduled' });
      return report;
    }
  }
  for (const projectKey of resumed) await markFinished(deps, projectKey, now);
  return report;
}

/**
 * Queues again the Delivery table regenerations whose marks are stale (lost with an invocation that died between
 * mark and push): KVS reads, no Jira point. A failure is only logged; the next hour tries again.
 */
async function requeueLostTables(deps: AppDeps, now: Date): Promise<void> {
  try {
    await requeueStaleTableMarks(deps, now);
  } catch (error) {
    if (!(error instanceof QueueError) && !(error instanceof StorageError)) throw error;
    deps.log.warn('sweep.deliveryTablesFailed', { error: error.name });
  }
}

/**
 * Queues the item that resumes this project's sweep should the hourly run die. A refused push is only logged
 * (the next hourly run is then the fallback); says whether the item was queued.
 */
async function pushResume(deps: AppDeps, projectKey: string, now: Date): Promise<boolean> {
  const item = continuation(projectKey, undefined, RESUME_AFTER_SECONDS);
  try {
    await deps.queue.push([{ ...item, body: { ...item.body, resumesRunAt: now.toISOString() } }]);
    return true;
  } catch (error) {
    if (!(error instanceof QueueError)) throw error;
    deps.log.warn('sweep.queueFailed', { items: 1, from: 'resume' });
    return false;
  }
}

/** Marks the project's run finished, so its resume item has nothing to do; a failed write only costs a re-read. */
async function markFinished(deps: AppDeps, projectKey: string, now: Date): Promise<void> {
  try {
    await deps.store.set<SweepRunMarker>(
      sweepRunKey(projectKey, now),
      { at: now.toISOString(), finished: true },
      { ttlDays: 1 },
    );
  } catch (error) {
    if (!(error instanceof StorageError)) throw error;
    deps.log.warn('sweep.markerFailed', { projectKey });
  }
}

export { continuation as sweepContinuation };
