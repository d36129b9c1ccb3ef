import { isRead, pointCost } from './point-cost';
import { QuotaPool } from './quota-pool';
import { SlidingWindowCounter } from './sliding-window';
import { TokenBucket } from './token-bucket';

/** Limits of the simulated site; every field defaults to Atlassian's published value (see `index.ts`). */
export interface LimitConfig {
  hourlyPoints?: number;
  /**
   * The app's pool shared with other sites (installations) of the same app; `hourlyPoints` is then the pool's.
   * Without one the site has a pool of its own.
   */
  pool?: QuotaPool;
  /** This site's name in the shared pool (default `site`). */
  installation?: string;
  /**
   * A pool of this site's own on top of the app's (Tier 2, per-tenant quota after Atlassian's review): when it is
   * spent, the site's requests get 429 `jira-quota-tenant-based` until the hour resets. Off by default (Tier 1).
   */
  tenantPool?: QuotaPool;
  burstPerSecond?: { read: number; write: number };
  perIssueWrites?: { per2s: number; per30s: number };
}

/** One request as the simulator sees it after serving it (objects returned are known by then). */
export interface ChargeRequest {
  operationId: string;
  method: string;
  issueKey?: string;
  objectsReturned: number;
  /** The site clock's time of the request — never real time. */
  at: Date;
}

export type RateLimitReason =
  'jira-quota-global-based' | 'jira-quota-tenant-based' | 'jira-burst-based' | 'jira-per-issue-on-write';

export type ChargeResult =
  | { allowed: true; points: number; headers: Record<string, string> }
  | { allowed: false; retryAfterSeconds: number; reason: RateLimitReason; headers: Record<string, string> };

/** Atlassian sends `X-RateLimit-NearLimit: true` when the budget is nearly spent; we use "under 20 % left". */
const NEAR_LIMIT_SHARE = 0.2;

/**
 * The three independent Jira Cloud rate limits (guide §9), evaluated in this order:
 * 1. hourly points quota (fixed window on the clock hour): the app's pool shared by every installation
 *    (`jira-quota-global-based`), then, when configured, the site's own pool (`jira-quota-tenant-based`);
 * 2. per-second token bucket per operation and read/write class (`jira-burst-based`);
 * 3. per-issue writes, 20 per 2 s and 100 per 30 s (`jira-per-issue-on-write`).
 * A rejected request consumes nothing, so retrying after `Retry-After` succeeds.
 */
export class RateLimiter {
  private readonly pool: QuotaPool;
  private readonly tenantPool: QuotaPool | undefined;
  private readonly installation: string;
  private readonly burst: { read: number; write: number };
  private readonly perIssue: { per2s: number; per30s: number };
  private requests = 0;
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly issueWrites = new Map<string, SlidingWindowCounter>();

  constructor(cfg: LimitConfig = {}) {
    this.pool = cfg.pool ?? new QuotaPool(cfg.hourlyPoints ?? 65_000);
    this.installation = cfg.installation ?? 'site';
    this.tenantPool = cfg.tenantPool;
    this.burst = cfg.burstPerSecond ?? { read: 100, write: 50 };
    this.perIssue = cfg.perIssueWrites ?? { per2s: 20, per30s: 100 };
  }

  /**
   * Admits or rejects one request and, when admitted, charges its points.
   * Rejections carry the 429 headers Jira sends (`Retry-After`, `RateLimit-Reason`, `X-RateLimit-*`).
   */
  charge(req: ChargeRequest): ChargeResult {
    const atMs = req.at.getTime();
    this.pool.roll(atMs);
    this.tenantPool?.roll(atMs);

    // Quota: occasional overage is tolerated (the cost of a read is only known afterwards), so a request is
    // refused once the hour's budget is already spent — by any installation sharing the pool — until the window
    // resets at the next clock hour.
    if (this.pool.exhausted) {
      return this.reject('jira-quota-global-based', this.pool.resetAtMs - atMs);
    }
    if (this.tenantPool?.exhausted) {
      return this.reject('jira-quota-tenant-based', this.tenantPool.resetAtMs - atMs);
    }

    const read = isRead(req.method, req.operationId);
    const burstWait = this.bucketFor(req.operationId, req.method, read).take(atMs);
    if (burstWait > 0) return this.reject('jira-burst-based', burstWait);

    if (!read && req.issueKey !== undefined) {
      const issueWait = this.issueCounterFor(req.issueKey, atMs).tryRecord(atMs);
      if (issueWait > 0) return this.reject('jira-per-issue-on-write', issueWait);
    }

    const points = pointCost(req.method, req.operationId, req.objectsReturned);
    this.pool.charge(points, this.installation);
    this.tenantPool?.charge(points, this.installation);
    this.requests += 1;
    return { allowed: true, points, headers: this.quotaHeaders() };
  }

  /** Points this site charged in the current clock hour and requests admitted since the limiter was created. */
  snapshot(): { pointsThisHour: number; requests: number } {
    return { pointsThisHour: this.pool.spentBy(this.installation), requests: this.requests };
  }

  // Burst limits are per endpoint and HTTP method (GET/POST 100/s, PUT/DELETE 50/s; forge-platform §5). We key
  // the bucket by operation and classify by read/write, so POST searches share the read rate.
  private bucketFor(operationId: string, method: string, read: boolean): TokenBucket {
    const key = `${method.toUpperCase()} ${operationId}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const rate = read ? this.burst.read : this.burst.write;
      bucket = new TokenBucket(rate, rate);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private issueCounterFor(issueKey: string, atMs: number): SlidingWindowCounter {
    for (const [key, counter] of this.issueWrites) if (counter.isIdle(atMs)) this.issueWrites.delete(key);
    let counter = this.issueWrites.get(issueKey);
    if (!counter) {
      counter = new SlidingWindowCounter([
        { limit: this.perIssue.per2s, ms: 2_000 },
        { limit: this.perIssue.per30s, ms: 30_000 },
      ]);
      this.issueWrites.set(issueKey, counter);
    }
    return counter;
  }

  private reject(reason: RateLimitReason, waitMs: number): ChargeResult {
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    return {
      allowed: false,
      retryAfterSeconds,
      reason,
      headers: {
        ...this.quotaHeaders(),
        'Retry-After': String(retryAfterSeconds),
        'RateLimit-Reason': reason,
      },
    };
  }

  // X-RateLimit-Reset is an ISO-8601 instant at minute precision, e.g. `2026-03-26T16:00Z` (guide §9).
  private quotaHeaders(): Record<string, string> {
    const limit = this.pool.hourlyPoints;
    const remaining = Math.max(0, limit - this.pool.pointsThisHour);
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': new Date(this.pool.resetAtMs).toISOString().slice(0, 16) + 'Z',
    };
    if (remaining < limit * NEAR_LIMIT_SHARE) headers['X-RateLimit-NearLimit'] = 'true';
    return headers;
  }
}
