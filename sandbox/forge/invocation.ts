import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../contract';
import { runsInBackground } from './background-work';
import { REAL_RUNNING_TIME, type RunningTime } from './running-time';

export type InvocationKind = 'resolver' | 'product-trigger' | 'scheduled' | 'consumer';
/** `retry` = a queue consumer asked for redelivery by returning an `InvocationError`. */
export type InvocationOutcome = 'ok' | 'error' | 'timeout' | 'retry';

/** One REST call an invocation made through `requestJira`. */
interface RestCall {
  method: string;
  path: string;
  status: number;
  principal: Principal;
  /** Points charged, when the site reports them in the `x-sim-points` response header. */
  points?: number;
  durationMs: number;
}

/** The log line of one function invocation, for the local UI and tests. */
export interface InvocationRecord {
  id: string;
  kind: InvocationKind;
  moduleKey: string;
  functionKey: string;
  /** Set for user-led invocations (resolvers): the account `asUser()` acts as. */
  accountId?: string;
  /** Sim-clock time the invocation started. */
  startedAt: string;
  /** How long it ran (real time, unless a test drives the running time). */
  durationMs: number;
  outcome: InvocationOutcome;
  /** Error class and message for `error` / `timeout` outcomes. */
  error?: string;
  requests: RestCall[];
}

/** What the transport needs to know about the invocation a request comes from. */
export interface InvocationScope {
  readonly record: InvocationRecord;
  readonly accountId?: string;
  /** Running-time value (`RunningTime.now()`) after which the invocation has timed out on running time alone. */
  readonly deadline: number;
  /** Platform milliseconds the invocation spent waiting for simulated REST round trips (see {@link spend}). */
  simulatedMs: number;
  /**
   * Counts `ms` of simulated time (a REST call's latency) towards the invocation's time limit, as the real
   * platform counts the wait for every answer. Once real and simulated time together pass the limit, the
   * invocation ends as a `timeout` there and then.
   */
  spend(ms: number): void;
  /** Set once the platform has given up on this invocation: its later platform calls are refused. */
  expired: boolean;
  /** Ends the invocation now as a crash (`error`), whatever its handler does next; see {@link KilledError}. */
  kill(reason: string): void;
}

/** How a killed invocation ends: the process died (out of memory, host lost) while the handler was running. */
class KilledError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'KilledError';
  }
}

export interface InvocationSpec {
  kind: InvocationKind;
  moduleKey: string;
  functionKey: string;
  accountId?: string;
  /** Platform time limit in (unscaled) seconds. */
  timeoutSeconds: number;
}

export type Settled<T> =
  | { status: 'ok'; value: T; record: InvocationRecord }
  | { status: 'error'; error: unknown; record: InvocationRecord }
  | { status: 'timeout'; record: InvocationRecord };

/** Thrown into nothing: marks the race loser when an invocation exceeds its time limit. */
class TimedOut {}

const MAX_RECORDS = 5_000;

/**
 * One async context for the invocations of every host in the process: a handler that outlives its host (killed
 * and still settling while the next test's host serves `global.__forge_fetch__`) is still known as its own,
 * expired invocation there, and refused, instead of calling the new site as a stranger.
 */
const invocationContext = new AsyncLocalStorage<InvocationScope>();

/**
 * Runs handler invocations the way the Forge runtime does: each in its own async context (so concurrent
 * invocations know their own user, module and deadline), under a time limit, with a log record per invocation.
 */
export class InvocationRunner {
  readonly records: InvocationRecord[] = [];
  private readonly storage = invocationContext;
  private readonly listeners = new Set<(record: InvocationRecord) => void>();

  /**
   * @param timeScale multiplies every platform time limit (tests use e.g. 0.002 so 25 s become 50 ms).
   * @param time how long an invocation has been running: real time, or time a test moves by hand.
   */
  constructor(
    private readonly timeScale: number,
    private readonly time: RunningTime = REAL_RUNNING_TIME,
  ) {}

  /** The invocation the calling code runs in, if any. */
  current(): InvocationScope | undefined {
    return this.storage.getStore();
  }

  /**
   * Milliseconds of platform time left to the current invocation (what `getRemainingTimeInMillis` reports): the
   * limit less real time (unscaled) and less the simulated REST latency it has waited for.
   */
  remainingMs(scope: InvocationScope): number {
    return Math.max(0, leftMs(scope, this.timeScale, this.time));
  }

  /** Calls `listener` after every finished invocation; returns the unsubscribe function. */
  onInvocation(listener: (record: InvocationRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs `fn` as one invocation. A timeout settles the invocation at the limit even though the handler's
   * promise cannot be cancelled; from then on its platform calls fail, as a frozen Lambda's would.
   * `classify` lets the caller map a returned value to an outcome (queue consumers: `retry`).
   */
  async run<T>(
    spec: InvocationSpec,
    fn: () => T | Promise<T>,
    classify: (value: T) => InvocationOutcome = () => 'ok',
  ): Promise<Settled<T>> {
    const time = this.time;
    const startedReal = time.now();
    const limitMs = spec.timeoutSeconds * 1000 * this.timeScale;
    const record: InvocationRecord = {
      id: randomUUID(),
      kind: spec.kind,
      moduleKey: spec.moduleKey,
      functionKey: spec.functionKey,
      ...(spec.accountId !== undefined ? { accountId: spec.accountId } : {}),
      startedAt: new Date().toISOString(),
      durationMs: 0,
      outcome: 'ok',
      requests: [],
    };
    let timeUp: (() => void) | undefined;
    let killed: ((error: KilledError) => void) | undefined;
    const kill = new Promise<never>((_, reject) => {
      killed = reject;
    });
    kill.catch(() => undefined);
    const timeScale = this.timeScale;
    const scope: InvocationScope = {
      record,
      deadline: startedReal + limitMs,
      simulatedMs: 0,
      spend(ms) {
        scope.simulatedMs += ms;
        if (leftMs(scope, timeScale, time) > 0) return;
        scope.expired = true;
        timeUp?.();
      },
      expired: false,
      ...(spec.accountId !== undefined ? { accountId: spec.accountId } : {}),
      kill(reason) {
        scope.expired = true;
        killed?.(new KilledError(reason));
      },
    };

    let cancelTimer: (() => void) | undefined;
    const timeout = new Promise<TimedOut>((resolve) => {
      timeUp = () => resolve(new TimedOut());
      cancelTimer = time.at(startedReal + limitMs, timeUp);
    });
    const work = this.storage.run(scope, async () => fn());
    let settled: Settled<T>;
    try {
      const value = await Promise.race([work, timeout, kill]);
      if (value instanceof TimedOut) {
        scope.expired = true;
        // The abandoned handler runs on as background work; a later rejection must not go unhandled.
        runsInBackground(work);
        record.outcome = 'timeout';
        record.error = `Function timed out after ${spec.timeoutSeconds} s`;
        settled = { status: 'timeout', record };
      } else {
        record.outcome = classify(value);
        settled = { status: 'ok', value, record };
      }
    } catch (error) {
      // A killed handler runs on as background work; its later platform calls are refused (`expired`).
      if (error instanceof KilledError) runsInBackground(work);
      record.outcome = 'error';
      record.error = describe(error);
      settled = { status: 'error', error, record };
    } finally {
      cancelTimer?.();
    }
    record.durationMs = Math.round(time.now() - startedReal);
    this.records.push(record);
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
    for (const listener of this.listeners) listener(record);
    return settled;
  }
}

/** Platform milliseconds left to `scope`: its running-time deadline (scaled back) less the simulated time it spent. */
function leftMs(scope: InvocationScope, timeScale: number, time: RunningTime): number {
  return Math.round((scope.deadline - time.now()) / timeScale - scope.simulatedMs);
}

/** `Name: message` of a thrown value, without stack or payloads. */
export function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
