/** Turns hourly samples into the figures of `bench-results.json` and the Markdown table. */
import { MS_PER_CALL, round, sum, type HourSample } from './bench-metrics';
import type { SweepRun } from './app-sweep';

/**
 * Points a sweep with due tickets spends whatever their number (1 project): the base point of its due search. The
 * rest of the search is 1 point per ticket it returns, which counts to the actions.
 */
const FIXED_POINTS_PER_SWEEP = 1;

export interface RunFigures {
  days: number;
  sweeps: number;
  calls: number;
  points: number;
  actions: number;
  restamps: number;
  queueEvents: number;
  rateLimited: number;
  perSweep: { calls: number; points: number; maxPoints: number; wallMs: number; maxWallMs: number };
  perDay: { calls: number; points: number; wallSeconds: number };
  /**
   * Sweeps that found nothing to do once the installation's repair had completed (the hours of the repair are
   * repair work, however few steps they send): their highest cost (`null` when every sweep had work).
   */
  nothingDue: { sweeps: number; maxPoints: number | null };
  /**
   * Sweeps with actions and no state writes of their own, once the installation's repair has finished (after the
   * first sweep with nothing to do after it): the steady state, where a sweep reads only the tickets the due index
   * names.
   */
  perAction: { sweeps: number; actions: number; pointsAllIn: number; pointsMarginal: number; calls: number };
  peakRssMb: number;
  realSeconds: number;
  operations: Record<string, { calls: number; points: number }>;
}

/** The report figures of one run. */
export function figures(run: SweepRun): RunFigures {
  const { samples } = run;
  const total = sum(samples);
  const sweeps = samples.length;
  const days = sweeps / 24;
  const quiet = (s: HourSample) => s.actions === 0 && s.restamps === 0 && s.repairing !== true;
  const idle = samples.filter(quiet);
  const repaired = samples.findIndex(quiet);
  const acting = samples.filter(
    (s, hour) => repaired >= 0 && hour > repaired && s.actions > 0 && s.restamps === 0,
  );
  const acted = sum(acting);
  return {
    days: round(days, 2),
    sweeps,
    calls: total.calls,
    points: total.points,
    actions: total.actions,
    restamps: total.restamps,
    queueEvents: total.queueEvents,
    rateLimited: total.rateLimited,
    perSweep: {
      calls: round(total.calls / sweeps),
      points: round(total.points / sweeps),
      maxPoints: Math.max(0, ...samples.map((s) => s.points)),
      wallMs: round((total.calls / sweeps) * MS_PER_CALL, 0),
      maxWallMs: Math.max(0, ...samples.map((s: HourSample) => s.calls)) * MS_PER_CALL,
    },
    perDay: {
      calls: round(total.calls / days, 0),
      points: round(total.points / days, 0),
      wallSeconds: round((total.calls / days) * (MS_PER_CALL / 1000), 1),
    },
    nothingDue: {
      sweeps: idle.length,
      maxPoints: idle.length ? Math.max(...idle.map((s) => s.points)) : null,
    },
    perAction: {
      sweeps: acting.length,
      actions: acted.actions,
      pointsAllIn: acted.actions ? round(acted.points / acted.actions) : 0,
      pointsMarginal: acted.actions
        ? round((acted.points - FIXED_POINTS_PER_SWEEP * acting.length) / acted.actions)
        : 0,
      calls: acted.actions ? round(acted.calls / acted.actions) : 0,
    },
    peakRssMb: run.peakRssMb,
    realSeconds: round(run.realSeconds, 1),
    operations: run.operations,
  };
}

/** One Markdown table row per site. */
export function markdownTable(
  rows: { label: string; app: RunFigures; naive: RunFigures; ratio: number }[],
): string {
  const header =
    '| Site | Days | Sweeps | Actions | Points/day (app) | Points/day (naive) | Naive ÷ app | Points/action (marginal / all-in) | ' +
    'Naive points/action | Nothing-due sweep (max points) | Calls/sweep (avg / max) | Wall/sweep @50 ms (avg / max) | Queue events | Peak RSS |';
  const rule = `|${'---|'.repeat(14)}`;
  const lines = rows.map(({ label, app, naive, ratio }) =>
    [
      label,
      app.days,
      app.sweeps,
      app.actions,
      app.perDay.points,
      naive.perDay.points,
      `${ratio}×`,
      `${app.perAction.pointsMarginal} / ${app.perAction.pointsAllIn}`,
      naive.perAction.pointsAllIn,
      app.nothingDue.maxPoints ?? '– (always busy)',
      `${app.perSweep.calls} / ${Math.round(app.perSweep.maxWallMs / 50)}`,
      `${app.perSweep.wallMs} ms / ${round(app.perSweep.maxWallMs / 1000, 1)} s`,
      app.queueEvents,
      `${app.peakRssMb} MB`,
    ].join(' | '),
  );
  return [header, rule, ...lines.map((l) => `| ${l} |`)].join('\n');
}
