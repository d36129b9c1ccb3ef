/**
 * The `fleet` section of `bench-results.json`: several installations of the app, each on its own reference site,
 * sharing one hourly points pool (`QuotaPool`, 65,000 points) on the local site, through the busiest hours of the
 * reference day. Each installation has its own Forge host (installation and cloud id, so its hourly sweep runs at
 * its own minute); the day's earlier hours run unmeasured, then the measured hours run installation by
 * installation on one clock that goes back to the hour's start for the next one, so every installation's calls
 * fall into the same pool window. The sites per pool are then
 * extrapolated from the per-site figures (said so in the section): the simulation checks that installations add
 * up in the shared pool and that none is refused.
 */
import { SimClock } from '../../sandbox/clock';
import type { ForgeHost } from '../../sandbox/forge/host';
import { QuotaPool } from '../../sandbox/jira/limits';
import { STATUS } from '../../sandbox/jira/seed/demo-ids';
import type { SimJiraSite } from '../../sandbox/jira/site';
import { round } from '../bench-metrics';
import { DAY_START, INSTALLED_AT, POOL_POINTS, referenceSite, sitesAtAverageHour } from './day-bench';
import { appRunner, installApp } from './app-day';
import { runDays } from './day-schedule';
import { HOUR_MS, OPEN_TICKETS } from './reference-day';

interface Installation {
  readonly name: string;
  readonly site: SimJiraSite;
  readonly host: ForgeHost;
  rateLimited: number;
}

function uuid(n: number): string {
  return `1a570000-0000-4000-8000-${String(100 + n).padStart(12, '0')}`;
}

/**
 * Installs the app on `options.installations` reference sites sharing one pool and one clock, into `fleet` (so
 * the caller uninstalls what was installed even when a later installation fails). The first sweeps build each
 * due index and work off the overdue steps; they are not measured.
 */
async function installFleet(
  fleet: Installation[],
  options: { installations: number; seed: number },
  pool: QuotaPool,
  clock: SimClock,
): Promise<void> {
  for (let n = 0; n < options.installations; n++) {
    const name = `site-${n + 1}`;
    const { site } = referenceSite(OPEN_TICKETS, options.seed, {
      clock,
      limits: { pool, installation: name },
    });
    const host = await installApp(site, clock, { installationId: uuid(n), cloudId: uuid(n + 50) });
    // Installation: the first sweeps build the due index and work off the overdue steps (not measured).
    await host.advance(DAY_START - Date.now());
    host.uninstall();
    const installation: Installation = { name, site, host, rateLimited: 0 };
    host.onInvocation((r) => {
      installation.rateLimited += r.requests.filter((q) => q.status === 429).length;
    });
    fleet.push(installation);
    if (n + 1 < options.installations) clock.set(INSTALLED_AT);
  }
}

/** The reference day's acts and hourly sweeps within `window` on one installation, its host installed meanwhile. */
async function runWindow(
  inst: Installation,
  seed: number,
  window: { from: number; to: number },
): Promise<void> {
  inst.host.install();
  await runDays({
    site: inst.site,
    runner: appRunner(inst.host, inst.site, () => undefined),
    startMs: DAY_START,
    days: 1,
    seed,
    window,
  });
  inst.host.uninstall();
}

export async function fleetBench(options: {
  installations: number;
  /** UTC hours of the reference day to run, `[from, to)`: the busiest ones by default. */
  hours: [number, number];
  seed: number;
  /** The app's points per day and in its busiest hour on one site (the day section), for the extrapolation. */
  perSite: { pointsPerDay: number; peakHourPoints: number };
  progress: (text: string) => void;
}) {
  const pool = new QuotaPool(POOL_POINTS);
  const clock = new SimClock(INSTALLED_AT);
  const fleet: Installation[] = [];
  try {
    await installFleet(fleet, options, pool, clock);
    // The day's hours before the measured ones, with their acts and hourly sweeps (not measured), each site in
    // turn: the measured hours find every site as those hours left it, not with their steps piled up.
    for (const [n, inst] of fleet.entries()) {
      clock.set(new Date(DAY_START));
      await runWindow(inst, options.seed + n, {
        from: DAY_START,
        to: DAY_START + options.hours[0] * HOUR_MS - 1,
      });
    }
    options.progress(
      `fleet: ${options.installations} installations sharing one pool, hours ${options.hours.join('–')} UTC`,
    );
    const hourly: { hour: number; poolPoints: number; byInstallation: Record<string, number> }[] = [];
    for (let hour = options.hours[0]; hour < options.hours[1]; hour++) {
      const from = DAY_START + hour * HOUR_MS;
      const byInstallation: Record<string, number> = {};
      for (const [n, inst] of fleet.entries()) {
        clock.set(new Date(from));
        await runWindow(inst, options.seed + n, { from, to: from + HOUR_MS - 1 });
        byInstallation[inst.name] = pool.spentBy(inst.name);
      }
      hourly.push({ hour, poolPoints: pool.pointsThisHour, byInstallation });
      clock.set(new Date(from + HOUR_MS));
    }
    const perInstallationHour = hourly.flatMap((h) => Object.values(h.byInstallation));
    const peakSimulated = Math.max(0, ...perInstallationHour);
    const meanSimulated =
      perInstallationHour.reduce((a, b) => a + b, 0) / Math.max(1, perInstallationHour.length);
    return {
      installations: options.installations,
      poolPointsPerHour: POOL_POINTS,
      openTicketsPerSite: [...(fleet[0]?.site.store.issues() ?? [])].filter(
        (i) => i.statusId !== STATUS.closed,
      ).length,
      hoursUtc: options.hours,
      hourly,
      rateLimited: Object.fromEntries(fleet.map((f) => [f.name, f.rateLimited])),
      perSiteHour: { mean: round(meanSimulated, 1), peak: peakSimulated },
      extrapolated: {
        note:
          'Extrapolated, not simulated: the pool divided by one site’s points in its busiest hour (from the day ' +
          'section’s hourly series and the installations simulated here, whichever is higher), and by its average ' +
          'hour; the simulation shows installations add up in one pool without refusals.',
        sitesPerPoolAtPeakHour: Math.floor(
          POOL_POINTS / Math.max(1, peakSimulated, options.perSite.peakHourPoints),
        ),
        sitesPerPoolAtAverageHour: sitesAtAverageHour(options.perSite.pointsPerDay),
        // The reading Atlassian staff gave (the pages' `requestJira` is not charged to the app): the pool divided by
        // the app's own busiest hour of the day section, without the pages' reads the simulation above charges.
        sitesPerPoolAtPeakHourIfPageReadsFree: Math.floor(
          POOL_POINTS / Math.max(1, options.perSite.peakHourPoints),
        ),
        appPeakHourPoints: options.perSite.peakHourPoints,
      },
    };
  } finally {
    for (const f of fleet) f.host.uninstall();
    clock.uninstall();
  }
}
