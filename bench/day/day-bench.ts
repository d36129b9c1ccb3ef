/**
 * The `day` section of `bench-results.json`: the reference day (`reference-day.ts`) on a generated site of about
 * 1,000 open tickets, run by the app's real handlers and by the naive baseline on an identical site in the same
 * benchmark, with points per day by source and per kind of event, and the ratios.
 */
import { SimClock } from '../../sandbox/clock';
import type { LimitConfig } from '../../sandbox/jira/limits';
import { STATUS } from '../../sandbox/jira/seed/demo-ids';
import { generatedSite } from '../app-sweep';
import { round } from '../bench-metrics';
import { runAppDays, type DayRun, type PageReadsTally, type Tally } from './app-day';
import { runNaiveDays } from './naive-day';
import { OPEN_TICKETS, type Source } from './reference-day';

/** The measured day: a Monday, 00:00 UTC. */
export const DAY_START = Date.parse('2026-11-30T00:00:00Z');
/**
 * Hours the app runs before the measured day. Its first sweeps build the due index and then work off what the
 * generated site holds overdue at installation (about nine hours under the hourly budget on the reference site):
 * a one-off of the installation, which the `install` figures of the day section report. The measured day is a
 * day of a site that has run the app, so it begins after that.
 */
export const WARMUP_HOURS = 24;
/** The Sunday before the measured Monday: the app is installed. */
export const INSTALLED_AT = new Date(DAY_START - WARMUP_HOURS * 3_600_000).toISOString();
/** Generated tickets per open ticket: the generator's mix closes about one in six. */
const GENERATED_PER_OPEN = 1.2;

const SOURCES: readonly Source[] = ['sweep', 'events', 'panel', 'portal', 'admin', 'queue'];

export interface PerDay {
  points: number;
  calls: number;
  invocations: number;
}

/**
 * Per day: what the days' acts caused ÷ days, plus what the week's Delivery and the lists kept a week caused ÷ 7
 * for each week begun (one Delivery a week, run on the first day of every 7; each list read once a week).
 */
function perDay(all: Tally, delivery: Tally, weekly: Tally, days: number): PerDay {
  const weekDays = 7 * Math.ceil(days / 7);
  const split = (k: 'points' | 'calls' | 'invocations') =>
    round((all[k] - delivery[k] - weekly[k]) / days + (delivery[k] + weekly[k]) / weekDays, 1);
  return { points: split('points'), calls: split('calls'), invocations: split('invocations') };
}

/** Per-day figures of a run: by source, per event and per kind of event. */
export function summary(run: DayRun) {
  const bySource = Object.fromEntries(
    SOURCES.map((s) => [
      s,
      perDay(run.bySource[s], run.deliveryBySource[s], run.weeklyBySource[s], run.days),
    ]),
  ) as Record<Source, PerDay>;
  const total = SOURCES.reduce((sum, s) => sum + bySource[s].points, 0);
  const events = bySource.events;
  const byEventKind = Object.fromEntries(
    Object.entries(run.eventsByAct)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, t]) => [
        kind,
        {
          events: t.invocations,
          points: t.points,
          pointsPerEvent: t.invocations ? round(t.points / t.invocations) : 0,
          ...(t.operations ? { operations: t.operations } : {}),
        },
      ]),
  );
  return {
    pointsPerDay: round(total, 1),
    bySource,
    pointsPerEvent: events.invocations ? round(events.points / events.invocations, 3) : 0,
    eventsPerDay: events.invocations,
    byEventKind,
    actsPerDay: Object.fromEntries(
      Object.entries(run.acts).map(([kind, n]) => [kind, round(n / run.days, 1)]),
    ),
    install: run.install,
    realSeconds: round(run.realSeconds, 1),
    ...(run.pageReads ? { pageReadsPerDay: pageReadsPerDay(run.pageReads, run.days) } : {}),
  };
}

/** The pages' own reads per day (bridge `requestJira` as the user), apart from the backend's points. */
function pageReadsPerDay(tally: PageReadsTally, days: number) {
  return Object.fromEntries(
    Object.entries(tally).map(([panel, t]) => [
      panel,
      { views: round(t.views / days, 1), reads: round(t.reads / days, 1), points: round(t.points / days, 1) },
    ]),
  );
}

/**
 * A generated site with about `open` open tickets, on `clock` (default: a new one at the installation time);
 * `limits` e.g. to share a points pool with other installations.
 */
export function referenceSite(
  open: number,
  seed: number,
  options: { clock?: SimClock; limits?: LimitConfig } = {},
) {
  const clock = options.clock ?? new SimClock(INSTALLED_AT);
  const site = generatedSite(Math.round(open * GENERATED_PER_OPEN), seed, clock.now(), options.limits);
  const openTickets = [...site.store.issues()].filter((i) => i.statusId !== STATUS.closed).length;
  return { clock, site, openTickets };
}

export async function dayBench(options: { days: number; seed: number; progress: (text: string) => void }) {
  const app = referenceSite(OPEN_TICKETS, options.seed);
  options.progress(`day: app, ${options.days} reference days on ${app.openTickets} open tickets`);
  const appRun = await runAppDays({
    ...app,
    days: options.days,
    seed: options.seed,
    warmupHours: WARMUP_HOURS,
  });
  app.clock.uninstall();
  const naive = referenceSite(OPEN_TICKETS, options.seed);
  options.progress(`day: naive, ${options.days} reference days`);
  const naiveRun = await runNaiveDays({
    site: naive.site,
    clock: naive.clock,
    days: options.days,
    seed: options.seed,
    warmupHours: WARMUP_HOURS,
  });
  naive.clock.uninstall();
  const idleSweeps = appRun.sweeps.filter((s) => !s.wrote);
  const idle = {
    sweeps: appRun.sweeps.length,
    sweepsWithoutWrites: idleSweeps.length,
    maxPointsOfSweepWithoutWrites: Math.max(0, ...idleSweeps.map((s) => s.points)),
    sweepsWithoutWritesAtZeroPoints: idleSweeps.filter((s) => s.points === 0).length,
    sweepPointsPerDay: round(appRun.sweeps.reduce((sum, s) => sum + s.points, 0) / appRun.days, 1),
  };
  const a = summary(appRun);
  const n = summary(naiveRun);
  const ratio = (x: number, y: number) => (y > 0 ? round(x / y, 1) : null);
  return {
    section: {
      days: options.days,
      openTickets: app.openTickets,
      installedAt: INSTALLED_AT,
      warmupHours: WARMUP_HOURS,
      app: a,
      naive: n,
      ratio: {
        pointsPerDay: ratio(n.pointsPerDay, a.pointsPerDay),
        bySource: Object.fromEntries(
          SOURCES.map((s) => [s, ratio(n.bySource[s].points, a.bySource[s].points)]),
        ),
        pointsPerEvent: ratio(n.pointsPerEvent, a.pointsPerEvent),
      },
    },
    idle,
    appRun,
  };
}

/** The seeds of the reference day run besides the main one (14), app only: other tickets and customers acted on. */
export const OTHER_SEEDS: readonly number[] = [1, 2, 3, 4, 5];

/**
 * The app's points on the reference day at `seeds` (the same acts on other tickets of other generated sites: which
 * tickets a reminder is due on, which customers a Delivery's tickets belong to), with the sites one 65,000-point
 * pool serves at each day's average hour, as the fleet section extrapolates from the main seed.
 */
export async function daySeeds(seeds: readonly number[], progress: (text: string) => void) {
  const rows = [];
  for (const seed of seeds) {
    const app = referenceSite(OPEN_TICKETS, seed);
    progress(`day: app at seed ${seed}`);
    const run = await runAppDays({ ...app, days: 1, seed, warmupHours: WARMUP_HOURS });
    app.clock.uninstall();
    const { pointsPerDay, bySource } = summary(run);
    rows.push({
      seed,
      pointsPerDay,
      bySource: Object.fromEntries(SOURCES.map((s) => [s, bySource[s].points])),
      sitesPerPoolAtAverageHour: sitesAtAverageHour(pointsPerDay),
    });
  }
  const mean = round(rows.reduce((sum, r) => sum + r.pointsPerDay, 0) / Math.max(1, rows.length), 1);
  return { seeds: rows, meanPointsPerDay: mean, sitesPerPoolAtMeanHour: sitesAtAverageHour(mean) };
}

/** Jira REST points per hour of one app's pool, shared by every site it is installed on. */
export const POOL_POINTS = 65_000;

/** The sites one hourly pool serves when each spends `pointsPerDay` evenly over the day. */
export function sitesAtAverageHour(pointsPerDay: number): number {
  return Math.floor(POOL_POINTS / Math.max(1, pointsPerDay / 24));
}

/** The comparison table of the day section. */
export function dayTable(day: Awaited<ReturnType<typeof dayBench>>['section']): string {
  const ratio = (r: number | null) => (r === null ? '–' : `${r}×`);
  const rows = [
    ['all sources', day.app.pointsPerDay, day.naive.pointsPerDay, ratio(day.ratio.pointsPerDay)],
    ...SOURCES.map((s) => [
      s,
      day.app.bySource[s].points,
      day.naive.bySource[s].points,
      ratio(day.ratio.bySource[s] ?? null),
    ]),
    ['points per event', day.app.pointsPerEvent, day.naive.pointsPerEvent, ratio(day.ratio.pointsPerEvent)],
  ];
  const kinds = [
    ...new Set([...Object.keys(day.app.byEventKind), ...Object.keys(day.naive.byEventKind)]),
  ].sort();
  const kindRows = kinds.map((k) => {
    const app = day.app.byEventKind[k];
    const naive = day.naive.byEventKind[k];
    return [
      k,
      app?.events ?? 0,
      app?.pointsPerEvent ?? 0,
      naive?.pointsPerEvent ?? 0,
      ratio(
        app && naive && app.pointsPerEvent > 0 ? round(naive.pointsPerEvent / app.pointsPerEvent, 1) : null,
      ),
    ];
  });
  const table = (header: string[], body: (string | number)[][]) =>
    [
      `| ${header.join(' | ')} |`,
      `|${' --- |'.repeat(header.length)}`,
      ...body.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');
  const page = day.app.pageReadsPerDay;
  const pageLines = page
    ? [
        '',
        ...Object.entries(page).map(
          ([panel, t]) =>
            `The ${panel} pages' own reads as the user (bridge requestJira, not in the app's points above): ` +
            `${t.reads} reads and ${t.points} points a day for ${t.views} views.`,
        ),
      ]
    : [];
  return [
    table(['Points per day', 'app', 'naive', 'naive ÷ app'], rows),
    ...pageLines,
    '',
    table(
      ['Event kind', `events (${day.days} days)`, 'app points/event', 'naive points/event', 'naive ÷ app'],
      kindRows,
    ),
  ].join('\n');
}
