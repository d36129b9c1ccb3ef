import type { Route } from '@forge/api';
import type { ZodType } from 'zod';
import type { CallStats as CallStatsPort } from '../../app/ports/jira';
import { CallStats } from './call-stats';
import { spreadOffsetSeconds } from '../../domain/fair-share';
import { rateLimitHold, type RateLimitScope } from '../../domain/rate-limit-hold';
import {
  JiraHttpError,
  RateLimitedError,
  UnexpectedResponseError,
  UpstreamError,
} from '../../app/ports/jira-errors';
import type { QuotaHoldStore } from './persisted-quota-hold';
import { issueOfWrite, type GatedCall, type RateLimitGate } from './rate-limit-gate';

/** The part of a Forge `Response` the client reads. */
export interface JiraResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** `api.asApp().requestJira` or `api.asUser().requestJira`. */
type RequestJira = (
  route: Route,
  init?: { method?: string; body?: string; headers?: Record<string, string> },
) => Promise<JiraResponse>;

/** Objects of an answer holding one identity or access object (a user, a permission): 2 points on top of the base. */
export const ONE_ACCESS_OBJECT = (): number => 2;

export interface JiraCall<T> {
  /** Stable name for counting and logs, e.g. `searchJql`, `doTransition`. */
  operation: string;
  route: Route;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Schema of the success body; omitted for bodiless answers (204). */
  schema?: ZodType<T>;
  /** Objects a read returns, for the points count (default: 1 for GET, 0 for writes). */
  objects?: (value: T) => number;
  /**
   * Whether repeating the request is harmless. Non-idempotent writes (a comment, a transition) are never
   * repeated after a 5xx or timeout, because Jira may have applied them: the caller re-reads and re-decides.
   * Default: true for GET/PUT/DELETE, false for POST.
   */
  idempotent?: boolean;
  /**
   * Whether the request only reads (a GET, a search or an analysis sent as POST). A 409 "conflicting update"
   * on a read says Jira was busy with a concurrent change; repeating the read is harmless, so it is retried
   * like a 5xx. A 409 on a write is a definite answer for the caller (re-read and decide again).
   * Default: true for GET.
   */
  readOnly?: boolean;
}

export interface JiraClientOptions {
  request: RequestJira;
  stats?: CallStatsPort;
  /** Injected for tests; real code waits. */
  sleep?: (ms: number) => Promise<void>;
  /** Longest `Retry-After` honoured inline; longer ones surface as RateLimitedError for a queue retry. */
  maxInlineWaitSeconds?: number;
  /** Attempts for idempotent requests on 5xx/timeout. */
  maxAttempts?: number;
  /** A request not answered within this many ms counts as a timeout. */
  timeoutMs?: number;
  /**
   * The process's rate-limit holds and the installation this client calls for. With it, a call that a 429 holds
   * back (the whole installation after a quota 429, one endpoint after a burst 429, one issue's writes after a
   * per-issue 429) fails fast with RateLimitedError and costs Jira nothing. With `persisted`, a quota pause is
   * also stored, and the client reads it before its first call: the pause holds in every later invocation of the
   * installation, whichever process runs it.
   */
  gate?: { holds: RateLimitGate; installation: () => string; persisted?: QuotaHoldStore };
}

/** Deferred work resumes within this many seconds after a quota pause ends (per installation, see resumeSpread). */
const RESUME_SPREAD_SECONDS = 900;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One place where the app talks to Jira: counts every call, honours `Retry-After` on 429, retries 5xx and
 * timeouts with exponential backoff where that is safe, and parses bodies with a schema at the boundary.
 */
export class JiraClient {
  readonly stats: CallStatsPort;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxInlineWaitSeconds: number;
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;
  private storedHoldRead: Promise<void> | undefined;

  constructor(private readonly options: JiraClientOptions) {
    this.stats = options.stats ?? new CallStats();
    this.sleep = options.sleep ?? defaultSleep;
    this.maxInlineWaitSeconds = options.maxInlineWaitSeconds ?? 5;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.timeoutMs = options.timeoutMs ?? 20_000;
  }

  /** Performs the call and returns the parsed body (`undefined` for 204 or a call without schema). */
  async call<T>(spec: JiraCall<T>): Promise<T> {
    const method = spec.method ?? 'GET';
    const idempotent = spec.idempotent ?? method !== 'POST';
    const readOnly = spec.readOnly ?? method === 'GET';
    const gated: GatedCall = { operation: spec.operation, issue: issueOfWrite(method, spec.route.value) };
    await (this.storedHoldRead ??= this.readStoredHold());
    this.failIfHeld(gated);
    let attempt = 0;
    for (;;) {
      attempt += 1;
      const outcome = await this.once(spec, method);
      if (outcome.kind === 'response') {
        const { response, text } = outcome;
        this.stats.recordRateLimitHeaders(rateLimitHeadersOf(response));
        if (response.status === 429) {
          this.stats.record(spec.operation, 0, true);
          const wait = await this.holdFor429(gated, response);
          if (
            wait.scope === 'installation' ||
            wait.seconds > this.maxInlineWaitSeconds ||
            attempt >= this.maxAttempts
          ) {
            throw new RateLimitedError(spec.operation, wait.seconds, wait.reason, wait.scope);
          }
          await this.sleep(wait.seconds * 1000);
          continue;
        }
        if (response.status >= 500 || (readOnly && response.status === 409)) {
          this.stats.record(spec.operation, 1, true);
          if (!idempotent || attempt >= this.maxAttempts) {
            throw new UpstreamError(spec.operation, `HTTP ${response.status}`);
          }
          await this.sleep(backoffMs(attempt));
          continue;
        }
        if (!response.ok) {
          this.stats.record(spec.operation, 1, attempt > 1);
          throw new JiraHttpError(spec.operation, response.status, text);
        }
        const value = this.parse(spec, text);
        const objects = spec.objects ? spec.objects(value) : method === 'GET' ? 1 : 0;
        this.stats.record(spec.operation, 1 + objects, attempt > 1);
        return value;
      }
      this.stats.record(spec.operation, 0, true);
      if (!idempotent || attempt >= this.maxAttempts) throw new UpstreamError(spec.operation, outcome.reason);
      await this.sleep(backoffMs(attempt));
    }
  }

  /** Refuses, without calling Jira, a call that an earlier 429 of this installation still holds back. */
  private failIfHeld(call: GatedCall): void {
    const gate = this.options.gate;
    if (!gate) return;
    const now = new Date();
    const held = gate.holds.blocking(gate.installation(), call, now);
    if (held)
      throw new RateLimitedError(
        call.operation,
        secondsUntil(held.until, now) + this.resumeSpread(held.scope),
        held.reason,
        held.scope,
      );
  }

  /**
   * Takes over a quota pause stored by an earlier invocation of this installation. Storage that cannot be read
   * pauses nothing: Jira's next 429 teaches the pause again.
   */
  private async readStoredHold(): Promise<void> {
    const gate = this.options.gate;
    if (!gate?.persisted) return;
    const stored = await gate.persisted.load().catch(() => undefined);
    if (stored && stored.until > new Date()) gate.holds.restore(gate.installation(), stored);
  }

  /**
   * What a 429 holds back and for how many seconds; recorded in the gate so later calls fail fast, and a quota
   * pause also in storage for the installation's later invocations.
   */
  private async holdFor429(
    call: GatedCall,
    response: JiraResponse,
  ): Promise<{ scope: RateLimitScope; seconds: number; reason: string | undefined }> {
    const now = new Date();
    const answer = {
      reason: response.headers.get('RateLimit-Reason') ?? undefined,
      retryAfterSeconds: retryAfterSeconds(response),
    };
    const gate = this.options.gate;
    const hold = gate
      ? gate.holds.record(gate.installation(), call, answer, now)
      : rateLimitHold({ ...answer, issue: call.issue }, now);
    if (hold.scope === 'installation' && gate?.persisted) {
      // A pause that cannot be stored still holds in this process; a later process learns it from Jira's 429.
      await gate.persisted.save({ ...hold, reason: answer.reason }).catch(() => undefined);
    }
    return {
      scope: hold.scope,
      seconds: secondsUntil(hold.until, now) + this.resumeSpread(hold.scope),
      reason: answer.reason,
    };
  }

  /**
   * Extra seconds before deferred work comes back after a quota pause: the installation's own offset into the
   * first quarter hour after the reset, so that the installations the wall paused do not all resume at :00. The
   * pause itself (the gate) still ends at the reset, for work that cannot wait.
   */
  private resumeSpread(scope: RateLimitScope): number {
    const gate = this.options.gate;
    return scope === 'installation' && gate
      ? spreadOffsetSeconds(gate.installation(), RESUME_SPREAD_SECONDS)
      : 0;
  }

  private async once<T>(
    spec: JiraCall<T>,
    method: string,
  ): Promise<
    { kind: 'response'; response: JiraResponse; text: string } | { kind: 'failed'; reason: string }
  > {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    try {
      const init: { method: string; headers: Record<string, string>; body?: string } =
        spec.body === undefined
          ? { method, headers: { Accept: 'application/json' } }
          : {
              method,
              headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
              body: JSON.stringify(spec.body),
            };
      const answered = this.options.request(spec.route, init).then(async (response) => ({
        response,
        text: await response.text(),
      }));
      const result = await Promise.race([answered, timeout]);
      if (result === 'timeout') {
        answered.catch(() => undefined);
        return { kind: 'failed', reason: `no answer within ${this.timeoutMs} ms` };
      }
      return { kind: 'response', ...result };
    } catch (error) {
      return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  private parse<T>(spec: JiraCall<T>, text: string): T {
    if (!spec.schema) return undefined as T;
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new UnexpectedResponseError(spec.operation, 'body is not JSON');
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new UnexpectedResponseError(
        spec.operation,
        first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'schema mismatch',
      );
    }
    return parsed.data;
  }
}

/**
 * The rate-limit headers Jira documents or has been seen to send (developer.atlassian.com "Rate limiting": the
 * `X-RateLimit-*` family, `RateLimit-Reason` on 429, `Retry-After`; the `RateLimit` header past ~80 % of the quota;
 * the `Beta-RateLimit-*` preview). Logged per invocation so real costs can be read after install.
 */
const RATE_LIMIT_HEADERS = [
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'X-RateLimit-NearLimit',
  'RateLimit-Reason',
  'RateLimit',
  'RateLimit-Policy',
  'Beta-RateLimit',
  'Beta-RateLimit-Policy',
  'Retry-After',
] as const;

function rateLimitHeadersOf(response: JiraResponse): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const name of RATE_LIMIT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) seen[name] = value;
  }
  return seen;
}

/** `Retry-After` in seconds (Jira sends seconds; an HTTP date is accepted too); undefined when absent. */
function retryAfterSeconds(response: JiraResponse): number | undefined {
  const header = response.headers.get('Retry-After');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/** 250 ms, 500 ms, 1 s, 2 s … with ±20 % jitter so parallel workers do not retry in step. */
function backoffMs(attempt: number): number {
  const base = 250 * 2 ** (attempt - 1);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}
