import type { DeniedFieldWrite } from './field-write-denial';

/** Fault injection for resilience tests; every rate is a probability in [0, 1]. */
export interface FaultConfig {
  /** Added latency per request (real milliseconds). */
  latencyMs?: number;
  /** Share of requests answered 503 before any work is done. */
  serverErrorRate?: number;
  /** Share of requests that hang for `timeoutMs` and then answer 504 (the caller should have given up). */
  timeoutRate?: number;
  timeoutMs?: number;
  /** Share of write requests answered 409 "conflicting update". */
  conflictRate?: number;
  /**
   * A timed-out write was applied before the gateway gave up (the strict reading: a 504 says nothing about
   * whether Jira did the work). Off: a timeout changes nothing.
   */
  timeoutsApplyWrites?: boolean;
  /** Windows of the site clock (epoch ms) in which every request is refused with 429 and `Retry-After`. */
  rateLimitStorms?: readonly RateLimitStorm[];
  /** Seed of the fault dice; the same seed and request sequence give the same faults. */
  seed?: number;
  /** Field writes refused every time (not by dice), as where the app lacks the field's permission. */
  deniedFieldWrites?: readonly DeniedFieldWrite[];
}

/** A stretch of time in which the site answers every request 429 (quota exhausted by other apps and users). */
export interface RateLimitStorm {
  readonly from: number;
  readonly to: number;
  readonly retryAfterSeconds: number;
}

/** Faults injected so far, per class. */
export interface FaultCounts {
  serverError: number;
  timeout: number;
  conflict: number;
  rateLimited: number;
}

export type FaultDecision =
  { kind: 'none' } | { kind: 'serverError' } | { kind: 'timeout'; ms: number } | { kind: 'conflict' };

/** Mulberry32: small, fast, deterministic PRNG (same sequence for the same seed). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rolls the fault dice once per request, deterministically from the configured seed. */
export class FaultInjector {
  private random: () => number;
  readonly counts: FaultCounts = { serverError: 0, timeout: 0, conflict: 0, rateLimited: 0 };

  constructor(private config: FaultConfig = {}) {
    this.random = seededRandom(config.seed ?? 1);
  }

  get timeoutsApplyWrites(): boolean {
    return this.config.timeoutsApplyWrites === true;
  }

  /** The storm `at` falls in, if any (counted as one injected 429). */
  storm(at: number): RateLimitStorm | undefined {
    const storm = this.config.rateLimitStorms?.find((s) => at >= s.from && at < s.to);
    if (storm) this.counts.rateLimited++;
    return storm;
  }

  configure(config: FaultConfig): void {
    this.config = config;
    this.random = seededRandom(config.seed ?? 1);
  }

  get deniedFieldWrites(): readonly DeniedFieldWrite[] {
    return this.config.deniedFieldWrites ?? [];
  }

  get latencyMs(): number {
    return this.config.latencyMs ?? 0;
  }

  decide(isWrite: boolean): FaultDecision {
    const { serverErrorRate = 0, timeoutRate = 0, conflictRate = 0 } = this.config;
    if (serverErrorRate === 0 && timeoutRate === 0 && conflictRate === 0) return { kind: 'none' };
    const roll = this.random();
    const decision: FaultDecision =
      roll < serverErrorRate
        ? { kind: 'serverError' }
        : roll < serverErrorRate + timeoutRate
          ? { kind: 'timeout', ms: this.config.timeoutMs ?? 30_000 }
          : isWrite && roll < serverErrorRate + timeoutRate + conflictRate
            ? { kind: 'conflict' }
            : { kind: 'none' };
    if (decision.kind !== 'none') this.counts[decision.kind]++;
    return decision;
  }
}
