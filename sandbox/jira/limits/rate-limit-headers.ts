import type { QuotaPool } from './quota-pool';

/** "Returns `true` when less than 20% of capacity remains" (`X-RateLimit-NearLimit`, Jira "Rate limiting"). */
const NEAR_LIMIT_SHARE = 0.2;

/** A quota pool as the `Beta-RateLimit*` headers name it. */
export interface NamedPool {
  policy: 'global-app-quota' | 'tenant-app-quota';
  pool: QuotaPool;
}

/** Seconds from `atMs` to the end of the pool's clock hour (at least 1 once the hour has begun). */
function secondsToReset(pool: QuotaPool, atMs: number): number {
  return Math.max(0, Math.ceil((pool.resetAtMs - atMs) / 1000));
}

function remaining(pool: QuotaPool): number {
  return Math.max(0, pool.hourlyPoints - pool.pointsThisHour);
}

function near(pool: QuotaPool): boolean {
  return remaining(pool) < pool.hourlyPoints * NEAR_LIMIT_SHARE;
}

/**
 * The points-quota headers of every answer, as Jira's "Rate limiting" page documents them (the beta headers of
 * the IETF RateLimit draft): `Beta-RateLimit-Policy: "global-app-quota";q=65000;w=3600` names each pool, and
 * `Beta-RateLimit: "global-app-quota";t=3200` the seconds until it resets. `r` (remaining points) is "optionally
 * included. If absent, your app is well within its limits": it is sent only once less than 20 % is left, and
 * `X-RateLimit-NearLimit: true` with it.
 */
export function quotaHeaders(pools: readonly NamedPool[], atMs: number): Record<string, string> {
  const headers: Record<string, string> = {
    'Beta-RateLimit-Policy': pools.map((p) => `"${p.policy}";q=${p.pool.hourlyPoints};w=3600`).join(','),
    'Beta-RateLimit': pools
      .map((p) => {
        const r = near(p.pool) ? `;r=${remaining(p.pool)}` : '';
        return `"${p.policy}"${r};t=${secondsToReset(p.pool, atMs)}`;
      })
      .join(','),
  };
  if (pools.some((p) => near(p.pool))) headers['X-RateLimit-NearLimit'] = 'true';
  return headers;
}

/**
 * `X-RateLimit-Limit` / `X-RateLimit-Remaining`: "maximum request rate for current scope" and "remaining capacity
 * in current window" — the per-second bucket of the endpoint the request used (sites report them on ordinary
 * answers, e.g. `X-RateLimit-Limit: 350`, `X-RateLimit-Remaining: 349`), or the refusing limit on a 429.
 */
export function scopeHeaders(limit: number, left: number): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': String(Math.max(0, Math.floor(left))),
  };
}

/**
 * A 429's own headers: `Retry-After` (seconds), `RateLimit-Reason`, and `X-RateLimit-Reset`, "the timestamp … when
 * the rate limit will reset, calculated as the request timestamp plus the Retry-After period … yyyy-MM-ddTHH:mmZ"
 * (rounded up to the minute, so it is never before the real reset).
 */
export function refusalHeaders(
  reason: string,
  retryAfterSeconds: number,
  atMs: number,
): Record<string, string> {
  const resetMs = Math.ceil((atMs + retryAfterSeconds * 1000) / 60_000) * 60_000;
  return {
    'Retry-After': String(retryAfterSeconds),
    'RateLimit-Reason': reason,
    'X-RateLimit-Reset': new Date(resetMs).toISOString().slice(0, 16) + 'Z',
  };
}
