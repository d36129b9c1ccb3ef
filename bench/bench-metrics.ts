/**
 * Counting for the sweep benchmark: what the simulated Jira site charged (calls, points per operation) between
 * two moments, and the per-hour series the report is computed from.
 */
import type { SimJiraSite } from '../sandbox/jira/site';

/** Simulated latency of one REST call, for the "wall time" column. */
export const MS_PER_CALL = 50;

/** The operations that are the sweep's customer-visible actions (one call each). */
const ACTION_OPERATIONS = ['editIssue', 'doTransition'] as const;

export interface SiteTotals {
  calls: number;
  points: number;
  /** Successful calls per operation id. */
  ok: Record<string, number>;
  rateLimited: number;
}

/** Current totals of a site's metrics. */
export function siteTotals(site: SimJiraSite): SiteTotals {
  const all = site.metrics.all();
  let calls = 0;
  let points = 0;
  let rateLimited = 0;
  const ok: Record<string, number> = {};
  for (const [operation, m] of Object.entries(all)) {
    calls += m.requests;
    points += m.points;
    rateLimited += m.statuses['429'] ?? 0;
    ok[operation] = Object.entries(m.statuses)
      .filter(([status]) => Number(status) < 300)
      .reduce((sum, [, n]) => sum + n, 0);
  }
  return { calls, points, ok, rateLimited };
}

/** One simulated hour (one scheduled sweep and the queue work it caused). */
export interface HourSample {
  calls: number;
  points: number;
  /** Reminders, notices and closes written (one call each). */
  actions: number;
  /** State-only writes (tickets picked up without a step due yet). */
  restamps: number;
  queueEvents: number;
  rateLimited: number;
  /**
   * The installation's repair (due index and copies, decision 0015) had not completed by the hour's end: its
   * searches are repair work, not what a sweep with nothing due costs. Only the app's runs know it.
   */
  repairing?: boolean;
}

/** The difference between two totals as one hour's sample. */
export function hourSample(before: SiteTotals, after: SiteTotals, queueEvents: number): HourSample {
  const delta = (op: string) => (after.ok[op] ?? 0) - (before.ok[op] ?? 0);
  return {
    calls: after.calls - before.calls,
    points: after.points - before.points,
    actions: ACTION_OPERATIONS.reduce((sum, op) => sum + delta(op), 0),
    restamps: delta('setIssueProperty'),
    queueEvents,
    rateLimited: after.rateLimited - before.rateLimited,
  };
}

/** Sums samples. */
export function sum(samples: readonly HourSample[]): HourSample {
  return samples.reduce(
    (acc, s) => ({
      calls: acc.calls + s.calls,
      points: acc.points + s.points,
      actions: acc.actions + s.actions,
      restamps: acc.restamps + s.restamps,
      queueEvents: acc.queueEvents + s.queueEvents,
      rateLimited: acc.rateLimited + s.rateLimited,
    }),
    { calls: 0, points: 0, actions: 0, restamps: 0, queueEvents: 0, rateLimited: 0 },
  );
}

/** Rounds for the report. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Resident set size in MB, sampled by the scenarios to report the peak. */
export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1_048_576);
}
