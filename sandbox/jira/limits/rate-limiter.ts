import { DEFAULT_POINT_WEIGHTS, isRead, pointCost, type PointWeights } from './point-cost';
import { QuotaPool } from './quota-pool';
import { type NamedPool, quotaHeaders, refusalHeaders, scopeHeaders } from './rate-limit-headers';
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
  /** Points per kind of object and fixed prices per operation (default: `DEFAULT_POINT_WEIGHTS`). */
  pointWeights?: Partial<PointWeights>;
}

/** One request as the simulator sees it after serving it (objects returned are known by then). */
export interface ChargeRequest {
  operationId: string;
  method: string;
  issueKey?: string;
  objectsReturned: number;
  /** Identity and access objects returned or evaluated (2 points each by default). */
  accessObjects?: number;
  /** Objects an expansion embedded (changelog histories). */
  expandedObjects?: number;
  /** The site clock's time of the request — never real time. */
  at: Date;
}

export type RateLimitReason =
  'jira-quota-global-based' | 'jira-quota-tenant-based' | 'jira-burst-based' | 'jira-per-issue-on-write';

export type ChargeResult =
  | { allowed: true; points: number; headers: Record<string, string> }
  | { allowed: false; retryAfterSeconds: number; reason: RateLimitReason; headers: Record<string, string> };

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
  private readonly weights: PointWeights;
  private requests = 0;
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly issueWrites = new Map<string, SlidingWindowCounter>();

  constructor(cfg: LimitConfig = {}) {
    this.pool = cfg.pool ?? new QuotaPool(cfg.hourlyPoints ?? 65_000);
    this.installation = cfg.installation ?? 'site';
    this.tenantPool = cfg.tenantPool;
    this.burst = cfg.burstPerSecond ?? { read: 100, write: 50 };
    this.perIssue = cfg.perIssueWrites ?? { per2s: 20, per30s: 100 };
    this.weights = { ...DEFAULT_POINT_WEIGHTS, ...cfg.pointWeights };
  }

  /**
   * Admits or rejects one request and, when admitted, charges its points.
   * Every answer carries the quota headers (`Beta-RateLimit-Policy`, `Beta-RateLimit`, `X-RateLimit-NearLimit` near
   * the limit) and the scope's `X-RateLimit-Limit`/`-Remaining`; rejections add `Retry-After`, `RateLimit-Reason`
   * and `X-RateLimit-Reset` (`rate-limit-headers.ts`).
   */
  charge(req: ChargeRequest): ChargeResult {
    const atMs = req.at.getTime();
    this.pool.roll(atMs);
    this.tenantPool?.roll(atMs);

    // Quota: occasional overage is tolerated (the cost of a read is only known afterwards), so a request is
    // refused once the hour's budget is already spent — by any installation sharing the pool — until the window
    // resets at the next clock hour.
    if (this.pool.exhausted) {
      return this.reject('jira-quota-global-based', this.pool.resetAtMs - atMs, atMs, this.pool.hourlyPoints);
    }
    if (this.tenantPool?.exhausted) {
      const tenant = this.tenantPool;
      return this.reject('jira-quota-tenant-based', tenant.resetAtMs - atMs, atMs, tenant.hourlyPoints);
    }

    const read = isRead(req.method, req.operationId);
    const bucket = this.bucketFor(req.operationId, req.method, read);
    const burstWait = bucket.take(atMs);
    if (burstWait > 0) return this.reject('jira-burst-based', burstWait, atMs, bucket.capacity);

    if (!read && req.issueKey !== undefined) {
      const issueWait = this.issueCounterFor(req.issueKey, atMs).tryRecord(atMs);
      if (issueWait > 0) return this.reject('jira-per-issue-on-write', issueWait, atMs, this.perIssue.per2s);
    }

    const points = pointCost(
      req.method,
      req.operationId,
      {
        objects: req.objectsReturned,
        accessObjects: req.accessObjects ?? 0,
        expandedObjects: req.expandedObjects ?? 0,
      },
      this.weights,
    );
    this.pool.charge(points, this.installation);
    this.tenantPool?.charge(points, this.installation);
    this.requests += 1;
    return {
      allowed: true,
      points,
      headers: { ...scopeHeaders(bucket.capacity, bucket.left), ...quotaHeaders(this.namedPools(), atMs) },
    };
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

  private reject(reason: RateLimitReason, waitMs: number, atMs: number, scopeLimit: number): ChargeResult {
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    return {
      allowed: false,
      retryAfterSeconds,
      reason,
      headers: {
        ...scopeHeaders(scopeLimit, 0),
        ...quotaHeaders(this.namedPools(), atMs),
        ...refusalHeaders(reason, retryAfterSeconds, atMs),
      },
    };
  }

  private namedPools(): NamedPool[] {
    const pools: NamedPool[] = [{ policy: 'global-app-quota', pool: this.pool }];
    if (this.tenantPool) pools.push({ policy: 'tenant-app-quota', pool: this.tenantPool });
    return pools;
  }
}
