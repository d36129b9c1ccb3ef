/**
 * The app's sweep on a generated site: the real handlers (`index.sweep`, the queue consumer) run by the local
 * Forge host against the Jira simulator, one simulated hour at a time, with the site's charges recorded per hour.
 */
import type { SimClock } from '../sandbox/clock';
import { createForgeHost } from '../sandbox/forge/host';
import { seedDemoSite } from '../sandbox/jira/seed/demo-site';
import { generateTickets } from '../sandbox/jira/seed/generate-tickets';
import type { LimitConfig } from '../sandbox/jira/limits';
import { createJiraSite, type SimJiraSite } from '../sandbox/jira/site';
import { CONFIG_KEY } from '../src/app/shared/config-repository';
import { repairBasis } from '../src/app/shared/repair-marker';
import * as index from '../src/index';
import { hourSample, rssMb, siteTotals, type HourSample } from './bench-metrics';

export const HOUR_MS = 3_600_000;
const PROJECT = 'SD';
const CONFIG_VERSION = 1;
/** The project's repair marker (`src/app/shared/repair-marker.ts`): its basis says the repair has completed. */
const REPAIR_MARKER = `sweep:repair:${PROJECT}`;

export interface SweepRun {
  samples: HourSample[];
  peakRssMb: number;
  /** Real seconds the run took. */
  realSeconds: number;
  /** Calls and points per Jira operation over the whole run. */
  operations: Record<string, { calls: number; points: number }>;
}

/** Calls and points per operation of a site so far. */
export function operations(site: SimJiraSite): Record<string, { calls: number; points: number }> {
  return Object.fromEntries(
    Object.entries(site.metrics.all()).map(([op, m]) => [op, { calls: m.requests, points: m.points }]),
  );
}

/** A demo site with Jira's real limits; the clock moves with every REST call (the host's latency). */
export function benchSite(limits?: LimitConfig): SimJiraSite {
  const site = createJiraSite(limits ? { limits } : {});
  seedDemoSite(site);
  return site;
}

/** A site with `tickets` generated tickets (the simulator's realistic mix of kinds, statuses and ages). */
export function generatedSite(tickets: number, seed: number, now: Date, limits?: LimitConfig): SimJiraSite {
  const site = benchSite(limits);
  generateTickets(site, { count: tickets, seed, now });
  return site;
}

/**
 * Runs the app's hourly sweep for `hours` on `site` with the points budget `budget`, starting at the clock's
 * current time. `prepare` runs after the host is installed (e.g. to add tickets).
 */
export async function runAppSweep(options: {
  site: SimJiraSite;
  clock: SimClock;
  hours: number;
  budget: number;
  onHour?: (hour: number, sample: HourSample) => void;
}): Promise<SweepRun> {
  const { site, clock } = options;
  const started = performance.now();
  const host = await createForgeHost({ site, clock, app: index, timeScale: 1 });
  host.install();
  const at = Date.now();
  host.kvs.put('kvs', CONFIG_KEY, {
    value: {
      version: CONFIG_VERSION,
      input: { projects: [PROJECT], automation: { pointsBudgetPerHour: options.budget } },
      savedAt: clock.now().toISOString(),
    },
    createdAt: at,
    updatedAt: at,
  });
  let queueEvents = 0;
  const stop = host.onInvocation((record) => {
    if (record.kind === 'consumer') queueEvents += 1;
  });
  const samples: HourSample[] = [];
  let peakRssMb = rssMb();
  try {
    for (let hour = 0; hour < options.hours; hour++) {
      const before = siteTotals(site);
      const queued = queueEvents;
      await host.advance(HOUR_MS);
      const marker = host.kvs.get('kvs', REPAIR_MARKER)?.value as { basis?: string } | undefined;
      const repairing = marker?.basis !== repairBasis(CONFIG_VERSION);
      const sample = { ...hourSample(before, siteTotals(site), queueEvents - queued), repairing };
      samples.push(sample);
      options.onHour?.(hour, sample);
      peakRssMb = Math.max(peakRssMb, rssMb());
    }
  } finally {
    stop();
    host.uninstall();
  }
  const failures = host.takeHostFailures();
  if (failures.length > 0) throw new Error(`host failures: ${failures.map(String).join('; ')}`);
  return {
    samples,
    peakRssMb,
    realSeconds: (performance.now() - started) / 1000,
    operations: operations(site),
  };
}
