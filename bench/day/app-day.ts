/**
 * The app through the reference days: the real handlers of `src/index.ts` on the local Forge host and Jira site,
 * every invocation booked under its source (sweep, events, panel, portal, admin, queue work) and, for events, under
 * the act that caused it. Points are what the site charged the invocation's own calls (`x-sim-points`); the
 * people's calls cost the app nothing. Each invocation's duration and heap growth is measured around the handler.
 */
import type { SimClock } from '../../sandbox/clock';
import { createForgeHost, type ForgeHost } from '../../sandbox/forge/host';
import type { InvocationRecord } from '../../sandbox/forge/invocation';
import type { SimJiraSite } from '../../sandbox/jira/site';
import { loadViewAsPage, readAsPage, type PageReadRecord } from '../../sandbox/forge/page-view';
import { DEMO_APP_CONFIG } from '../../sandbox/jira/seed/demo-config';
import { CONFIG_KEY } from '../../src/app/shared/config-repository';
import { USER } from '../../sandbox/jira/seed/demo-ids';
import type { Invoke } from '../../static/admin/src/api';
import { loadSiteCatalog } from '../../static/admin/src/site-catalog';
import * as index from '../../src/index';
import { DELIVERY_LABELS, runDays, type DayRunner, type Label } from './day-schedule';
import { instrumentApp, type InvocationSample } from './instrument';
import { HOUR_MS, sourceOfModule, type Source } from './reference-day';

export interface Tally {
  invocations: number;
  calls: number;
  points: number;
  /** Points per REST operation (`METHOD /path` with ids and keys replaced), where recorded. */
  operations?: Record<string, number>;
}

/** `GET /rest/api/3/issue/{}`: a request's operation, ids, keys and the query left out. */
function operationOf(method: string, path: string): string {
  const bare = path.split('?')[0] ?? path;
  return `${method} ${bare
    .replace(/\/[A-Z][A-Z0-9]*-\d+(?=\/|$)/g, '/{}')
    .replace(/\/[0-9a-f-]{6,}(?=\/|$)/g, '/{}')
    .replace(/\/\d+(?=\/|$)/g, '/{}')}`;
}

export interface DayRun {
  days: number;
  acts: Record<string, number>;
  bySource: Record<Source, Tally>;
  /** The part of `bySource` the week's Delivery caused (booked once a week, not once a day). */
  deliveryBySource: Record<Source, Tally>;
  /**
   * The part of `bySource` outside the Delivery spent on the lists the app keeps a week (`WEEKLY_LISTS`), booked
   * once a week like the Delivery.
   */
  weeklyBySource: Record<Source, Tally>;
  /** Events (issue-events invocations) per act kind, with their points. */
  eventsByAct: Record<string, Tally>;
  /** Invocations measured around the handler, with their module. */
  samples: (InvocationSample & { moduleKey: string; calls: number; points: number })[];
  /** Points of all sources per hour of the run (hour 0 = the first measured hour). */
  hourly: number[];
  /** Each hourly sweep: its points and whether it wrote to Jira (a step or a repair). */
  sweeps: { points: number; wrote: boolean }[];
  kvsBytesWritten: number;
  kvsWrites: number;
  /** KVS writes and bytes written by what the key holds (`kvsKindOf`). */
  kvsByKind: Record<string, { writes: number; bytes: number }>;
  /**
   * The warm-up hours before the measured days (installation): their points, and the app's sweep points in each
   * of those hours (the installation's overdue steps being worked off under the hourly budget; the naive
   * baseline's are not told apart).
   */
  install: { hours: number; points: number; sweepPointsByHour?: number[] };
  realSeconds: number;
  /**
   * The reads the panel pages made as the user with `@forge/bridge` `requestJira` (decision 0018), apart from
   * the invocations: the local site charges them to the pool (the strictest reading), Atlassian staff say
   * they are not charged to the app.
   */
  pageReads?: PageReadsTally;
}

/** Views, reads and points of the pages' own Jira reads, per panel. */
export type PageReadsTally = Record<
  'panel' | 'portal' | 'admin',
  { views: number; reads: number; points: number }
>;

function emptyPageReads(): PageReadsTally {
  return {
    panel: { views: 0, reads: 0, points: 0 },
    portal: { views: 0, reads: 0, points: 0 },
    admin: { views: 0, reads: 0, points: 0 },
  };
}

function emptyTally(): Tally {
  return { invocations: 0, calls: 0, points: 0 };
}

function emptySources(): Record<Source, Tally> {
  return {
    sweep: emptyTally(),
    events: emptyTally(),
    panel: emptyTally(),
    portal: emptyTally(),
    admin: emptyTally(),
    queue: emptyTally(),
    lifecycle: emptyTally(),
  };
}

/**
 * The site lists the app keeps a week after reading them (`src/app/shared/kept-ids.ts`: issue types, a project's
 * security levels): read on the first day that needs them and then once a week, whatever the day's acts.
 */
const WEEKLY_LISTS = /^GET \/rest\/api\/\{\}\/(issuetype|project\/[^/]+\/securitylevel)$/;

function add(t: Tally, calls: number, points: number): void {
  t.invocations += 1;
  t.calls += calls;
  t.points += points;
}

/**
 * What a run spent, booked by source, by the act that caused it (events) and apart for the week's Delivery. `label`
 * is the act running now.
 */
export class DayBook {
  readonly bySource = emptySources();
  readonly deliveryBySource = emptySources();
  readonly weeklyBySource = emptySources();
  readonly eventsByAct: Record<string, Tally> = {};
  label: Label = 'panelView';

  /** Books one invocation's calls; for events also under the act, and `requests` per REST operation. */
  book(
    source: Source,
    calls: number,
    points: number,
    requests: readonly { method: string; path: string; points?: number }[] = [],
  ): void {
    add(this.bySource[source], calls, points);
    if (DELIVERY_LABELS.includes(this.label) && source !== 'sweep')
      add(this.deliveryBySource[source], calls, points);
    else {
      const weekly = requests.filter((r) => WEEKLY_LISTS.test(operationOf(r.method, r.path)));
      const weeklyPoints = weekly.reduce((sum, r) => sum + (r.points ?? 0), 0);
      if (weekly.length > 0) {
        this.weeklyBySource[source].calls += weekly.length;
        this.weeklyBySource[source].points += weeklyPoints;
      }
    }
    if (source !== 'events') return;
    const tally = (this.eventsByAct[this.label] ??= emptyTally());
    add(tally, calls, points);
    const ops = (tally.operations ??= {});
    for (const r of requests) {
      const op = operationOf(r.method, r.path);
      ops[op] = (ops[op] ?? 0) + (r.points ?? 0);
    }
  }

  figures(): Pick<DayRun, 'bySource' | 'deliveryBySource' | 'weeklyBySource' | 'eventsByAct'> {
    return {
      bySource: this.bySource,
      deliveryBySource: this.deliveryBySource,
      weeklyBySource: this.weeklyBySource,
      eventsByAct: this.eventsByAct,
    };
  }
}

/** The configuration an admin of the reference site saved: the demo site's, with on-call through JSM Operations. */
export function referenceConfig(): Record<string, unknown> {
  return { ...DEMO_APP_CONFIG, onCall: { mode: 'opsgenie', target: '4513b7ea-3b91-438f-b7e4-e3e54af9147c' } };
}

/**
 * An installed app host on `site` with the reference configuration saved (as the admin page would) and Forge's
 * installation event delivered.
 */
export async function installApp(
  site: SimJiraSite,
  clock: SimClock,
  options: { installationId?: string; cloudId?: string; onSample?: (s: InvocationSample) => void } = {},
): Promise<ForgeHost> {
  const app = instrumentApp(index, options.onSample);
  const host = await createForgeHost({
    site,
    clock,
    app,
    timeScale: 1,
    ...(options.installationId ? { installationId: options.installationId } : {}),
    ...(options.cloudId ? { cloudId: options.cloudId } : {}),
  });
  host.install();
  const at = Date.now();
  host.kvs.put('kvs', CONFIG_KEY, {
    value: { version: 1, input: referenceConfig(), savedAt: clock.now().toISOString() },
    createdAt: at,
    updatedAt: at,
  });
  // Forge's installation event: the app publishes the tables its workflow expressions read, as on a real site.
  host.lifecycle('avi:forge:installed:app', USER.admin);
  return host;
}

/** Counts the bytes (key + JSON value) of every KVS write of `host`. */
/**
 * What a KVS key holds, for the write figures: the key's leading words up to the first that names one ticket, run
 * or instant (a word with a digit), e.g. `portal:copy:SD-12` → `portal:copy`; a custom entity's name for its
 * entries (`due-index`).
 */
export function kvsKindOf(namespace: string, key: string): string {
  if (namespace.startsWith('entity:')) return namespace.slice('entity:'.length);
  if (namespace !== 'kvs') return namespace;
  const words = key.split(':');
  const end = words.findIndex((w) => /\d/.test(w));
  return words.slice(0, end < 0 ? words.length : Math.max(end, 1)).join(':');
}

function meterKvsWrites(host: ForgeHost): {
  bytes: () => number;
  writes: () => number;
  byKind: () => Record<string, { writes: number; bytes: number }>;
} {
  let bytes = 0;
  let writes = 0;
  const byKind: Record<string, { writes: number; bytes: number }> = {};
  const put = host.kvs.put.bind(host.kvs);
  host.kvs.put = (ns, key, entry) => {
    const size = Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(entry.value ?? null));
    writes += 1;
    bytes += size;
    const kind = (byKind[kvsKindOf(ns, key)] ??= { writes: 0, bytes: 0 });
    kind.writes += 1;
    kind.bytes += size;
    put(ns, key, entry);
  };
  return { bytes: () => bytes, writes: () => writes, byKind: () => byKind };
}

/** Reads: GET, and the searches Jira takes as POST. */
function isRead(method: string, path: string): boolean {
  return method === 'GET' || (method === 'POST' && /\/search\/jql|\/bulkfetch|\/changelog\/list/.test(path));
}

function pointsOf(record: InvocationRecord): number {
  return record.requests.reduce((sum, r) => sum + (r.points ?? 0), 0);
}

/**
 * A runner that resolves panel, portal and admin views through the app's resolvers on `host`; the panel's and the
 * portal's pages read Jira on `site` as the user, as the built pages do, booked in `pageReads`.
 */
export function appRunner(
  host: ForgeHost,
  site: SimJiraSite,
  onLabel: (label: Label) => void,
  pageReads: PageReadsTally = emptyPageReads(),
): DayRunner {
  const ok = (result: Awaited<ReturnType<ForgeHost['invokeResolver']>>, what: string) => {
    if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
    const error = (result.value as { error?: { code?: string } } | undefined)?.error;
    if (error && error.code !== 'NOT_FOUND') throw new Error(`${what}: ${JSON.stringify(error)}`);
  };
  const bookReads = (panel: keyof PageReadsTally, reads: readonly PageReadRecord[]) => {
    pageReads[panel].reads += reads.length;
    pageReads[panel].points += reads.reduce((sum, r) => sum + r.points, 0);
  };
  /** One view loaded as its page loads it; the page's reads booked under `panel`. */
  const pageView = async (panel: keyof PageReadsTally, call: Parameters<typeof loadViewAsPage>[2]) => {
    const { result, reads } = await loadViewAsPage(host, site, call);
    ok(result, call.functionKey);
    pageReads[panel].views += 1;
    bookReads(panel, reads);
  };
  return {
    async advanceTo(atMs) {
      if (atMs > Date.now()) await host.advance(atMs - Date.now());
    },
    label: onLabel,
    settle: () => host.drain(),
    panelView: (key, accountId) =>
      pageView('panel', {
        moduleKey: 'process-panel',
        functionKey: 'getPanel',
        accountId,
        extension: { type: 'jira:issueContext', issue: { key }, project: { key: 'SD' } },
      }),
    portalView: (key, accountId) =>
      pageView('portal', {
        moduleKey: 'process-portal',
        functionKey: 'getPortal',
        accountId,
        extension: {
          type: 'jiraServiceManagement:portalRequestDetailPanel',
          request: { key, typeId: '2' },
          portal: { id: 1 },
        },
      }),
    // The admin page opened, with its settings, catalogue, health and activity sections, as the built page loads
    // them: the catalogue's and the health check's Jira reads made by the page as the admin, the people too.
    async adminOpen() {
      const admin = { moduleKey: 'process-admin', accountId: 'admin-sarah' };
      const extension = { type: 'jira:adminPage' };
      await pageView('admin', { ...admin, functionKey: 'getSettings', extension });
      // The catalogue through the page's own loader, with the host as its bridge.
      const invoke = (async (functionKey: string, payload: unknown) => {
        const result = await host.invokeResolver({ ...admin, functionKey, payload, extension });
        ok(result, functionKey);
        return (result.ok ? (result.value as { data?: unknown }) : {}).data;
      }) as Invoke;
      const catalogReads: PageReadRecord[] = [];
      await loadSiteCatalog(invoke, readAsPage(site, admin.accountId, catalogReads));
      pageReads.admin.views += 1;
      bookReads('admin', catalogReads);
      // The Health section: the names check, the organizations without a region or language, the parked items
      // (the platform checks run only on the admin's click).
      await pageView('admin', { ...admin, functionKey: 'getHealth', extension });
      await pageView('admin', { ...admin, functionKey: 'getOrganizationHealth', extension });
      ok(
        await host.invokeResolver({ ...admin, functionKey: 'getParkedItems', payload: {}, extension }),
        'getParkedItems',
      );
      ok(
        await host.invokeResolver({ ...admin, functionKey: 'getActivity', payload: {}, extension }),
        'getActivity',
      );
    },
  };
}

/** Runs the reference days with the app on `site` (already generated), starting at the clock's time. */
export async function runAppDays(options: {
  site: SimJiraSite;
  clock: SimClock;
  days: number;
  seed: number;
  /** Hours the app runs before the measured days (installation: the first sweeps build the due index). */
  warmupHours: number;
  mix?: Parameters<typeof runDays>[0]['mix'];
}): Promise<DayRun> {
  const started = performance.now();
  let last: InvocationSample | undefined;
  const host = await installApp(options.site, options.clock, { onSample: (s) => (last = s) });
  const installedMs = Date.now();
  const install = {
    hours: options.warmupHours,
    points: 0,
    sweepPointsByHour: Array.from({ length: options.warmupHours }, () => 0),
  };
  const stopInstall = host.onInvocation((record) => {
    const points = pointsOf(record);
    install.points += points;
    const hour = Math.floor((Date.parse(record.startedAt) - installedMs) / HOUR_MS);
    if (sourceOfModule(record.moduleKey) === 'sweep' && hour < options.warmupHours)
      install.sweepPointsByHour[hour] = (install.sweepPointsByHour[hour] ?? 0) + points;
  });
  await host.advance(options.warmupHours * HOUR_MS);
  stopInstall();
  last = undefined;
  const startMs = Date.now();
  const hourly: number[] = [];
  const kvs = meterKvsWrites(host);
  const book = new DayBook();
  const samples: DayRun['samples'] = [];
  const pageReads = emptyPageReads();
  const sweeps: DayRun['sweeps'] = [];
  const failed: string[] = [];
  const stop = host.onInvocation((record) => {
    const points = pointsOf(record);
    const calls = record.requests.length;
    const source = sourceOfModule(record.moduleKey);
    book.book(source, calls, points, record.requests);
    const hour = Math.floor((Date.parse(record.startedAt) - startMs) / HOUR_MS);
    if (hour >= 0) hourly[hour] = (hourly[hour] ?? 0) + points;
    if (source === 'sweep')
      sweeps.push({ points, wrote: record.requests.some((r) => !isRead(r.method, r.path)) });
    if (last) samples.push({ ...last, moduleKey: record.moduleKey, calls, points });
    last = undefined;
    if (record.outcome !== 'ok') failed.push(`${record.moduleKey}: ${record.error ?? record.outcome}`);
  });
  try {
    const acts = await runDays({
      site: options.site,
      runner: appRunner(host, options.site, (l) => (book.label = l), pageReads),
      startMs,
      days: options.days,
      seed: options.seed,
      ...(options.mix ? { mix: options.mix } : {}),
    });
    if (failed.length > 0) throw new Error(`failed invocations: ${failed.slice(0, 5).join('; ')}`);
    const failures = host.takeHostFailures();
    if (failures.length > 0) throw new Error(`host failures: ${failures.map(String).join('; ')}`);
    return {
      days: options.days,
      acts,
      ...book.figures(),
      samples,
      hourly: Array.from({ length: options.days * 24 }, (_, h) => hourly[h] ?? 0),
      sweeps,
      kvsBytesWritten: kvs.bytes(),
      kvsWrites: kvs.writes(),
      kvsByKind: kvs.byKind(),
      install,
      realSeconds: (performance.now() - started) / 1000,
      pageReads,
    };
  } finally {
    stop();
    host.uninstall();
  }
}
