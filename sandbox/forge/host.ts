import { REPO_MANIFEST } from '../manifest-path';

import type { SimClock } from '../clock';
import type { JiraSite } from '../contract';
import { ExternalFetch, type EgressRefusal, type ExternalReceiver } from './external-fetch';
import { describe, InvocationRunner, type InvocationRecord } from './invocation';
import { KillSwitch, type KillConfig, type KillCounts } from './kill-switch';
import { KvsApi } from './kvs-api';
import { KvsStore } from './kvs-store';
import type { KvsConflictShape } from './kvs-wire';
import {
  BACKGROUND_TIMEOUT_S,
  INTERACTIVE_TIMEOUT_S,
  MAX_TIMEOUT_S,
  QUEUE_EVENTS_PER_MINUTE,
  RESOLVER_MAX_PAYLOAD_KB,
} from './limits';
import { loadManifest, type LoadedManifest, type ScheduledTriggerDef } from './manifest';
import { ProductEventDispatcher, type ProductEventStats } from './product-events';
import { AsyncEventQueue } from './queue';
import { SeededRandom } from './random';
import { createForgeRuntime } from './runtime';
import type { RunningTime } from './running-time';
import { TriggerSchedule } from './scheduler';
import { createForgeFetch } from './transport';
import { WorkTracker } from './work-tracker';

export interface ForgeHostOptions {
  site: JiraSite;
  clock: SimClock;
  /** The module object of `src/index.ts`: manifest handlers `index.<export>` are its exports. */
  app: Record<string, unknown>;
  /** Defaults to `<repo>/manifest.yml`. */
  manifestPath?: string;
  /** Persist the KVS to this JSON file (used by `npm start`); in memory otherwise. */
  kvsFile?: string;
  /**
   * At-least-once effects for product events and queue deliveries, deterministic by `seed`. `concurrent`
   * delivers the product events of one batch (and their duplicates) at the same time instead of one by one, and
   * starts the duplicate of a queue event together with it, past its concurrency limit.
   */
  events?: { duplicateRate?: number; reorder?: boolean; concurrent?: boolean; seed?: number };
  installationId?: string;
  cloudId?: string;
  /** Multiplies every platform time limit (25 s / 55 s / timeoutSeconds); tests use e.g. 0.002. Default 1. */
  timeScale?: number;
  /** How long invocations have been running, against their time limits: real time unless a test drives it. */
  runningTime?: RunningTime;
  /** Queue push budget per sim-clock minute (Forge: 500 events). */
  queueEventsPerMinute?: number;
  /**
   * Simulated time one Jira REST call takes: the clock moves this far with every call, so per-second burst
   * buckets refill and per-issue write windows pass as on a real site. Default `DEFAULT_REST_LATENCY_MS`.
   */
  restLatencyMs?: number;
  /** How KVS answers a failed conditional write (undocumented; default the strictest, see `kvs-wire.ts`). */
  kvsConflict?: KvsConflictShape;
  /** How a fetch outside the declared egress, or over plain HTTP, fails (default the strictest, `reject`). */
  egressRefusal?: EgressRefusal;
}

/** About what one Jira Cloud REST call from a Forge function takes (round trip through the Forge proxy). */
export const DEFAULT_REST_LATENCY_MS = 50;

interface ResolverCall {
  moduleKey: string;
  functionKey: string;
  payload?: unknown;
  accountId: string;
  /** `context.extension`, e.g. `{ type: 'jira:issueContext', issue: { key, id, type }, project: {...} }`. */
  extension?: Record<string, unknown>;
  localId?: string;
  timezone?: string;
  locale?: string;
}

export type ResolverResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { kind: 'not-found' | 'error' | 'timeout'; message: string } };

export interface ForgeHost {
  readonly manifest: LoadedManifest;
  readonly kvs: KvsStore;
  /** Every finished invocation, oldest first (capped at the last 5,000). */
  readonly invocations: readonly InvocationRecord[];
  readonly stats: { productEvents: ProductEventStats; queuedEvents: () => number };
  /** Installs `global.__forge_fetch__` / `__forge_runtime__` and subscribes to the site's product events. */
  install(): void;
  /** Restores the previous globals, unsubscribes and pauses background deliveries. */
  uninstall(): void;
  onInvocation(listener: (record: InvocationRecord) => void): () => void;
  /** Calls a UI module's resolver as Forge does; `asUser()` inside acts as `accountId`. */
  invokeResolver(call: ResolverCall): Promise<ResolverResult>;
  /** Fires one scheduled trigger now (call twice concurrently to simulate a duplicate run). */
  runScheduled(triggerKey: string): Promise<InvocationRecord>;
  /** Next sim-clock time (epoch ms) the trigger fires after `afterMs` (default: now). */
  nextScheduledRun(triggerKey: string, afterMs?: number): number;
  /** Moves the sim clock forward by `ms`, stopping at each trigger boundary and queue due time on the way. */
  advance(ms: number): Promise<void>;
  /** Resolves when no product event, queue delivery or due retry is pending; optionally advancing the clock. */
  drain(options?: { advanceClock?: boolean }): Promise<void>;
  /** Errors thrown by the host itself in background work (tests expect none). */
  takeHostFailures(): unknown[];
  /**
   * Delivers a Forge lifecycle event to the triggers that subscribe to it, as the platform does when an admin
   * installs or upgrades the app (`forge install`, `forge install --upgrade`).
   */
  lifecycle(
    eventType: 'avi:forge:installed:app' | 'avi:forge:upgraded:app',
    installerAccountId: string,
  ): void;
  /** Kills invocations right after successful app writes (see `KillConfig`); `{ rate: 0 }` switches it off. */
  setKills(config: KillConfig): void;
  readonly kills: Readonly<KillCounts>;
  /**
   * Answers the app functions' `fetch` to `origin`, an HTTPS origin the manifest declares as backend egress,
   * with `receiver`; see `ExternalFetch` for what undeclared hosts and plain HTTP get.
   */
  serveExternal(origin: string, receiver: ExternalReceiver): void;
  /** The app functions' fetches the egress rules refused so far. */
  readonly refusedEgress: readonly { url: string; reason: 'http' | 'undeclared' }[];
}

const MAX_DRAIN_STEPS = 10_000;

/** The installation's identity as the platform gives it to every invocation. */
interface Installation {
  cloudId: string;
  installationId: string;
  installContext: string;
  functionContext: () => { installContext: string; license: undefined };
}

/** The simulated platform services one installation's functions run against. */
interface HostParts {
  manifest: LoadedManifest;
  ids: Installation;
  runner: InvocationRunner;
  tracker: WorkTracker;
  kvs: KvsStore;
  queue: AsyncEventQueue;
  events: ProductEventDispatcher;
  schedule: TriggerSchedule;
  kills: KillSwitch;
  forgeFetch: ReturnType<typeof createForgeFetch>;
  runtime: ReturnType<typeof createForgeRuntime>;
  external: ExternalFetch;
}

function installationOf(opts: ForgeHostOptions): Installation {
  const cloudId = opts.cloudId ?? '5e1f0000-0000-4000-8000-00000000c10d';
  const installationId = opts.installationId ?? '1a570000-0000-4000-8000-000000000001';
  const installContext = `ari:cloud:jira::site/${cloudId}`;
  return {
    cloudId,
    installationId,
    installContext,
    functionContext: () => ({ installContext, license: undefined }),
  };
}

/** Builds the platform services of one installation: runner, KVS, queue, product events, triggers, fetch. */
function createParts(opts: ForgeHostOptions, manifest: LoadedManifest): HostParts {
  const ids = installationOf(opts);
  const random = new SeededRandom(opts.events?.seed ?? 1);
  const duplicateRate = opts.events?.duplicateRate ?? 0;
  const concurrent = opts.events?.concurrent ?? false;

  const runner = new InvocationRunner(opts.timeScale ?? 1, opts.runningTime);
  const tracker = new WorkTracker();
  const kvs = new KvsStore(opts.kvsFile);
  const kvsApi = new KvsApi(kvs, manifest.entities, opts.kvsConflict, manifest.entityIndexes);
  const queue = new AsyncEventQueue({
    manifest,
    runner,
    tracker,
    random,
    duplicateRate,
    concurrent,
    eventsPerMinute: opts.queueEventsPerMinute ?? QUEUE_EVENTS_PER_MINUTE,
    functionContext: ids.functionContext,
  });
  const events = new ProductEventDispatcher({
    manifest,
    runner,
    tracker,
    random,
    duplicateRate,
    reorder: opts.events?.reorder ?? false,
    concurrent,
    cloudId: ids.cloudId,
    installContext: ids.installContext,
  });
  const kills = new KillSwitch();
  const forgeFetch = createForgeFetch({
    site: opts.site,
    kvs: kvsApi,
    queue,
    runner,
    clock: opts.clock,
    restLatencyMs: opts.restLatencyMs ?? DEFAULT_REST_LATENCY_MS,
    kills,
  });
  const runtime = createForgeRuntime(runner, {
    appId: manifest.appId.replace(/^ari:cloud:ecosystem::app\//, ''),
    environmentId: 'local-development',
    installationId: ids.installationId,
    scopes: [],
  });
  return {
    manifest,
    ids,
    runner,
    tracker,
    kvs,
    queue,
    events,
    schedule: new TriggerSchedule(manifest.scheduledTriggers, ids.installationId),
    kills,
    forgeFetch,
    runtime,
    external: new ExternalFetch(manifest.backendEgress, runner, opts.egressRefusal),
  };
}

/** Puts the host's fetch and runtime into the globals the Forge SDKs read, and takes them out again. */
function createGlobals(parts: HostParts, site: JiraSite) {
  const g = globalThis as Record<string, unknown>;
  let saved: { fetch: unknown; runtime: unknown } | undefined;
  let unsubscribe: (() => void) | undefined;
  return {
    installed: () => saved !== undefined,
    install(): void {
      if (saved) return;
      saved = { fetch: g.__forge_fetch__, runtime: g.__forge_runtime__ };
      g.__forge_fetch__ = parts.forgeFetch;
      g.__forge_runtime__ = parts.runtime;
      parts.external.install();
      parts.tracker.stopped = false;
      unsubscribe = site.subscribe((event) => parts.events.accept(event));
    },
    uninstall(): void {
      if (!saved) return;
      g.__forge_fetch__ = saved.fetch;
      g.__forge_runtime__ = saved.runtime;
      parts.external.uninstall();
      saved = undefined;
      // Pending deliveries stay queued but start only after a new install().
      parts.tracker.stopped = true;
      unsubscribe?.();
      unsubscribe = undefined;
    },
  };
}

/** Runs one scheduled trigger's function as the platform does. */
async function fireTrigger(parts: HostParts, trigger: ScheduledTriggerDef): Promise<InvocationRecord> {
  const { manifest, runner, ids } = parts;
  const fn = manifest.functions.get(trigger.functionKey);
  if (!fn) throw new Error(`No function '${trigger.functionKey}' for scheduled trigger '${trigger.key}'`);
  // Scheduled triggers are not retried when they fail (guide §0.6); the failure is only logged.
  const settled = await runner.run(
    {
      kind: 'scheduled',
      moduleKey: trigger.key,
      functionKey: fn.key,
      timeoutSeconds: Math.min(fn.timeoutSeconds ?? BACKGROUND_TIMEOUT_S, MAX_TIMEOUT_S),
    },
    () =>
      fn.run(
        { context: { cloudId: ids.cloudId, moduleKey: trigger.key, installContext: ids.installContext } },
        ids.functionContext(),
      ),
  );
  return settled.record;
}

function triggerOf(manifest: LoadedManifest, triggerKey: string): ScheduledTriggerDef {
  const trigger = manifest.scheduledTriggers.find((t) => t.key === triggerKey);
  if (!trigger) throw new Error(`No scheduledTrigger '${triggerKey}' in the manifest`);
  return trigger;
}

/**
 * Moves the sim clock and the background work: `settle` runs what is due now to the end; `advance` steps the
 * clock from one trigger boundary or queue due time to the next; `drain` settles and, if asked, advances to
 * each pending due time until nothing waits.
 */
function createClockDriver(parts: HostParts, clock: SimClock, installed: () => boolean) {
  const { queue, events, tracker, schedule } = parts;

  const settle = async (): Promise<void> => {
    if (!installed())
      throw new Error('The Forge host is not installed: call install() before advance() or drain()');
    for (;;) {
      queue.pump();
      events.pump();
      if (!tracker.busy && !queue.hasDue() && !events.hasDue()) return;
      await tracker.settled();
    }
  };

  /** The next time something is due after `now`: a trigger boundary, a queue delivery or a product-event retry. */
  const nextStop = (now: number) => {
    const next = schedule.next(now);
    const queueDue = queue.nextDueAt();
    const retryDue = events.nextDueAt();
    const at = Math.min(
      next?.at ?? Infinity,
      queueDue !== undefined && queueDue > now ? queueDue : Infinity,
      retryDue !== undefined && retryDue > now ? retryDue : Infinity,
    );
    return { at, triggers: next && next.at === at ? next.triggers : [] };
  };

  const advance = async (ms: number): Promise<void> => {
    const target = Date.now() + Math.max(0, ms);
    await settle();
    for (let step = 0; ; step++) {
      if (step > MAX_DRAIN_STEPS) throw new Error('advance(): more than 10,000 trigger or queue steps');
      const { at, triggers } = nextStop(Date.now());
      if (at > target) break;
      clock.forwardTo(at);
      await Promise.all(triggers.map((trigger) => fireTrigger(parts, trigger)));
      await settle();
    }
    clock.forwardTo(target);
    await settle();
  };

  const drain = async (options: { advanceClock?: boolean } = {}): Promise<void> => {
    await settle();
    if (!options.advanceClock) return;
    for (let step = 0; step < MAX_DRAIN_STEPS; step++) {
      const dues = [queue.nextDueAt(), events.nextDueAt()].filter((d) => d !== undefined);
      if (dues.length === 0) return;
      const next = Math.min(...dues);
      await advance(Math.max(0, next - Date.now()));
    }
    throw new Error('drain(): the queue did not empty within 10,000 steps');
  };

  return { advance, drain };
}

/**
 * The `locale` Forge puts into a resolver's context: the signed-in user's, as their Jira profile sets it (`de_DE`
 * there, `de-DE` in the context), unless the call names another (a browser's own); `en-US` for an account the site
 * does not know.
 */
function contextLocale(site: ForgeHostOptions['site'], call: ResolverCall): string {
  if (call.locale !== undefined) return call.locale;
  return site.profileLocale?.(call.accountId)?.replace('_', '-') ?? 'en-US';
}

/** Calls a UI module's resolver as Forge does: payload and result cross the network as JSON. */
async function invokeResolver(
  parts: HostParts,
  site: ForgeHostOptions['site'],
  call: ResolverCall,
): Promise<ResolverResult> {
  const { manifest, runner, ids } = parts;
  const functionKey = manifest.resolverModules.get(call.moduleKey);
  const fn = functionKey ? manifest.functions.get(functionKey) : undefined;
  if (!fn)
    return {
      ok: false,
      error: { kind: 'not-found', message: `No UI module '${call.moduleKey}' with a resolver` },
    };
  // The frontend's payload crosses the network as JSON, and so does the result.
  const json = call.payload === undefined ? undefined : JSON.stringify(call.payload);
  if (json !== undefined && Buffer.byteLength(json) / 1024 > RESOLVER_MAX_PAYLOAD_KB)
    return {
      ok: false,
      error: { kind: 'error', message: `The invoke payload exceeds ${RESOLVER_MAX_PAYLOAD_KB} KB.` },
    };
  const payload: unknown = json === undefined ? undefined : JSON.parse(json);
  const request = {
    call: { functionKey: call.functionKey, payload },
    context: {
      accountId: call.accountId,
      cloudId: ids.cloudId,
      localId: call.localId ?? `${call.moduleKey}-local`,
      moduleKey: call.moduleKey,
      extension: call.extension ?? {},
      installContext: ids.installContext,
      license: undefined,
      timezone: call.timezone ?? 'UTC',
      locale: contextLocale(site, call),
    },
  };
  const settled = await runner.run(
    {
      kind: 'resolver',
      moduleKey: call.moduleKey,
      functionKey: fn.key,
      accountId: call.accountId,
      timeoutSeconds: INTERACTIVE_TIMEOUT_S,
    },
    () => fn.run(request, { ...ids.functionContext(), principal: { accountId: call.accountId } }),
  );
  if (settled.status === 'ok') {
    const value: unknown =
      settled.value === undefined ? undefined : JSON.parse(JSON.stringify(settled.value));
    return { ok: true, value };
  }
  if (settled.status === 'timeout')
    return { ok: false, error: { kind: 'timeout', message: settled.record.error ?? 'timeout' } };
  return { ok: false, error: { kind: 'error', message: describe(settled.error) } };
}

/**
 * Creates the local Forge host for one app installation: loads and validates the manifest, then runs the
 * app's unmodified handlers against the simulated site with the real Forge SDKs.
 *
 * @example
 * const host = await createForgeHost({ site, clock, app: await import('../../src/index') });
 * host.install();
 * await host.advance(3_600_000); // fires hourly triggers, delivers due queue events
 */
export async function createForgeHost(opts: ForgeHostOptions): Promise<ForgeHost> {
  const manifest = await loadManifest(opts.manifestPath ?? REPO_MANIFEST, opts.app);
  const parts = createParts(opts, manifest);
  const { runner, events, queue, schedule, kills, external, tracker, ids } = parts;
  const globals = createGlobals(parts, opts.site);
  const { advance, drain } = createClockDriver(parts, opts.clock, globals.installed);

  return {
    manifest,
    kvs: parts.kvs,
    invocations: runner.records,
    stats: { productEvents: events.stats, queuedEvents: () => queue.size },
    install: globals.install,
    uninstall: globals.uninstall,
    onInvocation: (listener) => runner.onInvocation(listener),
    invokeResolver: (call) => invokeResolver(parts, opts.site, call),

    lifecycle(eventType, installerAccountId) {
      events.accept({
        eventType,
        payload: {
          id: ids.installationId,
          installerAccountId,
          app: { id: manifest.appId, version: '1.0.0' },
          environment: { id: 'local-development' },
        },
        causedBy: { kind: 'user', accountId: installerAccountId },
        at: new Date().toISOString(),
      });
    },

    runScheduled: async (triggerKey) => fireTrigger(parts, triggerOf(manifest, triggerKey)),
    nextScheduledRun: (triggerKey, afterMs = Date.now()) =>
      schedule.nextRun(triggerOf(manifest, triggerKey), afterMs),
    advance,
    drain,
    takeHostFailures: () => tracker.takeFailures(),
    setKills: (config) => kills.configure(config),
    kills: kills.counts,
    serveExternal: (origin, receiver) => external.serve(origin, receiver),
    refusedEgress: external.refused,
  };
}
