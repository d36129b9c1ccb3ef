/**
 * `npm run bench`: the reference day, the sweep benchmark (and the UI benchmark when the UI is built).
 * The reference day (`bench/day/`) runs a site's day of events, panel and portal views, admin visits, sweeps and a
 * weekly Delivery through the real handlers and through a naive baseline on an identical site; `compute` measures
 * function time, memory, KVS writes and the bundle; `fleet` runs several installations sharing one points pool. A
 * generated site of 1,000 tickets runs 30 simulated days of hourly sweeps through the real handlers beside a naive
 * baseline; a 10,000-ticket overdue backlog checks the hourly points budget. Prints Markdown tables and writes
 * `bench-results.json` (fields: bench/README.md).
 * Environment (larger sizes): BENCH_SIZES=1000,10000,50000 chooses the sweep sites (default 1000); BENCH_QUICK=1
 * runs 3 days per site; BENCH_DAY_DAYS=7 runs a whole week of reference days (default 1); BENCH_FLEET=5 runs more
 * installations in the fleet (default 3); BENCH_ONLY=sites runs only the sweep sites of BENCH_SIZES and replaces those
 * sizes' rows in the `sites` section of an existing `bench-results.json`, leaving every other figure as it was.
 * Every run keeps the `sites` rows of sizes it did not measure, and the `chaos` section.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SimClock } from '../sandbox/clock';
import { ISSUE_TYPE, STATUS } from '../sandbox/jira/seed/demo-ids';
import { insertTickets } from '../test/support/local-site';
import { benchSite, generatedSite, HOUR_MS, runAppSweep, type SweepRun } from './app-sweep';
import { round } from './bench-metrics';
import { runNaiveSweep } from './naive-sweep';
import { siteSetupBench } from './site-setup';
import { figures, markdownTable } from './report';
import { dayBench, daySeeds, dayTable, OTHER_SEEDS } from './day/day-bench';
import { bundleFigures, computeFigures } from './day/compute-bench';
import { fleetBench } from './day/fleet-bench';
import { runUiBench } from './ui-bench';

const START = '2026-11-02T08:30:00Z';
const SEED = 4;
const BUDGET = 2000;
const DAY_HOURS = 24;
const quick = process.env.BENCH_QUICK === '1';
const sizes = (process.env.BENCH_SIZES ?? '1000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const dayDays = Number(process.env.BENCH_DAY_DAYS ?? 1);
const fleetInstallations = Number(process.env.BENCH_FLEET ?? 3);
const sitesOnly = process.env.BENCH_ONLY === 'sites';

/** Simulated days per site size: the app runs 30 (the 50,000 site fewer to stay within minutes on 2 cores). */
function appDays(tickets: number): number {
  if (quick) return 3;
  return tickets >= 50_000 ? 7 : 30;
}

/** The naive baseline reads every timer ticket every hour; its cost per day is stable after day 1. */
function naiveDays(tickets: number): number {
  if (quick) return 2;
  return tickets >= 50_000 ? 2 : tickets >= 10_000 ? 3 : 7;
}

function progress(text: string): void {
  process.stderr.write(`${text}\n`);
}

async function siteScenario(tickets: number) {
  const days = appDays(tickets);
  let clock = new SimClock(START);
  const site = generatedSite(tickets, SEED, clock.now());
  const timerTickets = [...site.store.issues()].filter((i) =>
    [STATUS.clarification, STATUS.resolved, STATUS.estimationAvailable].includes(i.statusId as never),
  ).length;
  progress(`site ${tickets}: app ${days} days`);
  const app = await runAppSweep({ site, clock, hours: days * DAY_HOURS, budget: BUDGET });
  clock.uninstall();
  const nDays = naiveDays(tickets);
  progress(`site ${tickets}: naive ${nDays} days`);
  clock = new SimClock(START);
  const naiveSite = generatedSite(tickets, SEED, clock.now());
  const naive = await runNaiveSweep(naiveSite, clock, nDays * DAY_HOURS);
  clock.uninstall();
  const window: SweepRun = { ...app, samples: app.samples.slice(0, nDays * DAY_HOURS) };
  const appFigures = figures(app);
  const appWindow = figures(window);
  const naiveFigures = figures(naive);
  return {
    tickets,
    timerTickets,
    app: appFigures,
    appSameWindow: appWindow,
    naive: naiveFigures,
    ratio: {
      pointsPerDay: round(naiveFigures.perDay.points / Math.max(1, appWindow.perDay.points), 1),
      callsPerDay: round(naiveFigures.perDay.calls / Math.max(1, appWindow.perDay.calls), 1),
      pointsPerAction: round(
        naiveFigures.perAction.pointsAllIn / Math.max(0.01, appFigures.perAction.pointsAllIn),
        1,
      ),
    },
  };
}

/** 10,000 tickets waiting 25 days in Clarification when the app is installed: reminder 2 is due for all. */
async function backlogScenario() {
  const clock = new SimClock(START);
  const site = benchSite();
  const entered = Array.from({ length: 10_000 }, (_, i) => Date.now() - 25 * 24 * HOUR_MS + i * 1000);
  const keys = insertTickets(site, ISSUE_TYPE.supportRequest, STATUS.clarification, entered);
  progress('backlog 10,000: running until done');
  const maxHours = quick ? 12 : 30;
  const run = await runAppSweep({ site, clock, hours: maxHours, budget: BUDGET });
  clock.uninstall();
  const reminded = keys.filter((key) => (site.store.issue(key)?.comments.length ?? 0) === 1).length;
  const twice = keys.filter((key) => (site.store.issue(key)?.comments.length ?? 0) > 1).length;
  let finishedAfterHours = -1;
  let cumulative = 0;
  run.samples.forEach((s, hour) => {
    cumulative += s.actions;
    if (finishedAfterHours < 0 && cumulative >= keys.length) finishedAfterHours = hour + 1;
  });
  const hourly = run.samples.map((s) => s.points);
  return {
    tickets: keys.length,
    budgetPerHour: BUDGET,
    finishedAfterHours,
    reminded,
    remindedTwice: twice,
    maxPointsPerHour: Math.max(...hourly),
    withinBudget: Math.max(...hourly) <= BUDGET,
    pointsPerHour: hourly,
    figures: figures(run),
  };
}

async function uiBench(): Promise<Record<string, unknown>> {
  try {
    return { ...(await runUiBench()) };
  } catch (error) {
    progress(`ui bench failed: ${String(error)}`);
    return { error: String(error) };
  }
}

/** The benchmark's targets: each limit, what the run measured, and whether it was met. */
function targetsOf(
  sites: Awaited<ReturnType<typeof siteScenario>>[],
  backlog: Awaited<ReturnType<typeof backlogScenario>>,
) {
  const targets = {
    nothingDueMaxPointsPerProject: {
      limit: 2,
      actual: Math.max(...sites.map((s) => s.app.nothingDue.maxPoints ?? 0)),
    },
    pointsPerActionMarginal: {
      limit: 2,
      actual: Math.max(...sites.map((s) => s.app.perAction.pointsMarginal)),
    },
    backlogWithinHourlyBudget: {
      limit: BUDGET,
      actual: backlog.maxPointsPerHour,
      finishedAfterHours: backlog.finishedAfterHours,
    },
  };
  const met = {
    nothingDue: targets.nothingDueMaxPointsPerProject.actual <= 2,
    perAction: targets.pointsPerActionMarginal.actual <= targets.pointsPerActionMarginal.limit,
    backlog: backlog.withinBudget && backlog.finishedAfterHours > 0 && backlog.remindedTwice === 0,
  };
  return { targets, met };
}

/** Writes `bench-results.json`; sections other runs write (`npm run chaos`) stay as they were. */
/**
 * Writes `results` over `bench-results.json`, keeping its `chaos` section (`npm run chaos`) and the sweep sites of
 * sizes this run did not measure (`BENCH_SIZES`).
 */
function writeResults(results: Record<string, unknown> & { sites: SiteRow[] }): void {
  const file = join(__dirname, '..', 'bench-results.json');
  const previous = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { sites?: SiteRow[] })
    : {};
  const kept = Object.fromEntries(Object.entries(previous).filter(([k]) => k === 'chaos'));
  const sites = mergedSites(previous.sites, results.sites);
  writeFileSync(file, `${JSON.stringify({ ...results, sites, ...kept }, null, 2)}\n`);
}

interface SiteRow {
  tickets: number;
}

/** The rows of `measured` and those of `previous` for the sizes not measured, by size. */
function mergedSites<T extends SiteRow>(
  previous: readonly SiteRow[] = [],
  measured: readonly T[],
): SiteRow[] {
  const sizesMeasured = new Set(measured.map((row) => row.tickets));
  return [...previous.filter((row) => !sizesMeasured.has(row.tickets)), ...measured].sort(
    (a, b) => a.tickets - b.tickets,
  );
}

/** The sweep benchmark's Markdown section: one table row per site size and a note on the days simulated. */
function sweepReport(sites: Awaited<ReturnType<typeof siteScenario>>[]): string {
  const table = markdownTable(
    sites.map((s) => ({
      label: `${s.tickets.toLocaleString('en')} tickets (${s.timerTickets.toLocaleString('en')} in timer statuses)`,
      app: s.app,
      naive: s.naive,
      ratio: s.ratio.pointsPerDay,
    })),
  );
  const notes = sites
    .map(
      (s) =>
        `- ${s.tickets.toLocaleString('en')}: app ${s.app.days} simulated days, naive ${s.naive.days} days (ratio over the same first ${s.naive.days} days).`,
    )
    .join('\n');
  return `## Sweep benchmark\n\n${table}\n\n${notes}\n`;
}

/** `BENCH_ONLY=sites`: the sweep sites of `BENCH_SIZES` run alone; their rows replace those of the same size. */
async function sitesAlone(): Promise<void> {
  const log = quiet();
  const started = performance.now();
  const file = join(__dirname, '..', 'bench-results.json');
  if (!existsSync(file))
    throw new Error('BENCH_ONLY=sites updates bench-results.json: run `npm run bench` first');
  const previous = JSON.parse(readFileSync(file, 'utf8')) as { sites?: SiteRow[] };
  const sites = [];
  for (const size of sizes) sites.push(await siteScenario(size));
  writeFileSync(
    file,
    `${JSON.stringify({ ...previous, sites: mergedSites(previous.sites, sites) }, null, 2)}\n`,
  );
  log(sweepReport(sites));
  log(`\nWrote the sites of bench-results.json (${round((performance.now() - started) / 1000, 0)} s)`);
}

/** The app logs JSON lines per invocation; the benchmark prints only its report, through the logger returned. */
function quiet(): (text: string) => void {
  const log = console.log;
  console.log = () => undefined;
  console.warn = () => undefined;
  return log;
}

/** The report's line on the reference day at the other seeds. */
function otherSeedsLine(seeds: Awaited<ReturnType<typeof daySeeds>>): string {
  const rows = seeds.seeds.map(
    (r) => `${r.seed}: ${r.pointsPerDay} points, ${r.sitesPerPoolAtAverageHour.toLocaleString('en')} sites`,
  );
  return (
    `Other seeds (app only): ${rows.join('; ')}; mean ${seeds.meanPointsPerDay} points a day, ` +
    `${seeds.sitesPerPoolAtMeanHour.toLocaleString('en')} sites per pool.\n`
  );
}

async function main(): Promise<void> {
  const log = quiet();
  const started = performance.now();
  const day = await dayBench({ days: dayDays, seed: 14, progress });
  const seeds = await daySeeds(OTHER_SEEDS, progress);
  const compute = { ...computeFigures(day.appRun), bundle: await bundleFigures() };
  const fleet = await fleetBench({
    installations: fleetInstallations,
    hours: [9, 11],
    seed: 14,
    perSite: { pointsPerDay: day.section.app.pointsPerDay, peakHourPoints: Math.max(...day.appRun.hourly) },
    progress,
  });
  const setup = siteSetupBench(new Date(START));
  const sites = [];
  for (const size of sizes) sites.push(await siteScenario(size));
  const backlog = await backlogScenario();
  const ui = await uiBench();
  const { targets, met } = targetsOf(sites, backlog);
  const results = {
    generatedAt: new Date().toISOString(),
    msPerCall: 50,
    pointsBudgetPerHour: BUDGET,
    setup,
    day: { ...day.section, otherSeeds: seeds },
    idle: day.idle,
    compute,
    fleet,
    sites,
    backlog,
    targets,
    targetsMet: met,
    ...(ui ? { ui } : {}),
  };
  writeResults(results);
  log(
    `## Reference day (${day.section.days} day(s), ${day.section.openTickets} open tickets)\n\n${dayTable(day.section)}\n`,
  );
  log(otherSeedsLine(seeds));
  log(
    `Idle: ${day.idle.sweepsWithoutWrites} of ${day.idle.sweeps} sweeps wrote nothing; the most one of them cost ` +
      `${day.idle.maxPointsOfSweepWithoutWrites} points (${day.idle.sweepsWithoutWritesAtZeroPoints} cost 0).\n`,
  );
  log(
    `Compute: ${compute.gbSecondsPerSiteMonth} GB-s and ${compute.kvsBytesWrittenPerSiteMonth.toLocaleString('en')} KVS bytes written per site and month; ` +
      `bundle ${compute.bundle.gzipBytes.toLocaleString('en')} bytes gzipped (${compute.bundle.tool}), cold import ${compute.bundle.coldImportMs} ms, ` +
      `${compute.bundle.rssAfterImportMb} MB resident after import.`,
  );
  log(
    `KVS bytes written per site and month by kind: ${Object.entries(compute.kvsByKindPerSiteMonth)
      .slice(0, 4)
      .map(([kind, k]) => `${kind} ${k.bytes.toLocaleString('en')} (${k.writes.toLocaleString('en')} writes)`)
      .join(', ')}.`,
  );
  log(
    `Fleet: ${fleet.installations} installations in one pool, busiest hours: ${fleet.perSiteHour.peak} points per site-hour at most, ` +
      `${Object.values(fleet.rateLimited).reduce((a, b) => a + b, 0)} refused; extrapolated ${fleet.extrapolated.sitesPerPoolAtPeakHour.toLocaleString('en')} sites ` +
      `per 65,000-point pool at the peak hour, ${fleet.extrapolated.sitesPerPoolAtAverageHour.toLocaleString('en')} at the average hour; ` +
      `${fleet.extrapolated.sitesPerPoolAtPeakHourIfPageReadsFree.toLocaleString('en')} at the app's own peak hour ` +
      `(${fleet.extrapolated.appPeakHourPoints} points) if the pages' reads are not charged.\n`,
  );
  log(sweepReport(sites));
  log(
    `Backlog: ${backlog.tickets.toLocaleString('en')} overdue tickets, budget ${BUDGET} points/hour: finished after ` +
      `${backlog.finishedAfterHours} h, max ${backlog.maxPointsPerHour} points in an hour, ${backlog.remindedTwice} reminded twice.\n`,
  );
  log(
    `Targets: nothing-due sweep ≤ 2 points/project: ${targets.nothingDueMaxPointsPerProject.actual} ${met.nothingDue ? 'met' : 'MISSED'}; ` +
      `≤ 2 points/action: ${targets.pointsPerActionMarginal.actual} ${met.perAction ? 'met' : 'MISSED'}; ` +
      `backlog within budget: ${met.backlog ? 'met' : 'MISSED'}.`,
  );
  log(
    `Local site: 50,000 tickets generated in ${setup.generate50kTicketsMs} ms; spec validation cold start ${setup.specColdStartMs} ms.`,
  );
  if (ui) log(`\nUI benchmark: ${JSON.stringify(ui)}`);
  log(`\nWrote bench-results.json (${round((performance.now() - started) / 1000, 0)} s)`);
}

(sitesOnly ? sitesAlone() : main()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
