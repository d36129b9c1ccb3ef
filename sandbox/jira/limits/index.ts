/**
 * Rate limits of the local Jira site — Atlassian's points-based model for Forge apps.
 *
 * Point model and sources:
 * - Cost: every request costs 1 point; reads add 1 point per object returned (a search returning 50 issues costs
 *   51), 2 per identity or access object; writes cost only the base point. Source:
 *   https://developer.atlassian.com/cloud/jira/platform/rate-limiting/ ("Each request starts with a base cost of 1
 *   point… Write requests are charged only the base cost"), guide §9. Weights where the docs are silent (expanded
 *   changelogs, permission checks) take the strictest reading and are configurable (`point-cost.ts`).
 * - Hourly quota: 65,000 points per hour (Tier 1 global pool per app), fixed window on the clock hour; the
 *   `X-RateLimit-Reset` header names the next hour. Source: guide §9 (Atlassian staff, CDAC thread 97828).
 * - Burst: token bucket per endpoint and method class, 100 req/s for reads (GET and POST searches), 50 req/s for
 *   writes. Source: forge-platform §5 (GET/POST 100/s, PUT/DELETE 50/s).
 * - Per-issue writes: 20 per 2 s and 100 per 30 s on one issue. Source: forge-platform §5, guide §9.
 * - Headers of every answer: `Beta-RateLimit-Policy` and `Beta-RateLimit` for the points pools (`r` only once
 *   under 20 % is left, with `X-RateLimit-NearLimit: true`), `X-RateLimit-Limit`/`-Remaining` for the endpoint's
 *   per-second bucket. A 429 adds `Retry-After` (seconds), `RateLimit-Reason` (`jira-quota-global-based`,
 *   `jira-quota-tenant-based` when a per-tenant pool is configured, `jira-burst-based`, `jira-per-issue-on-write`)
 *   and `X-RateLimit-Reset` (request time + Retry-After). See `rate-limit-headers.ts`.
 * - One pool for every installation: sites given the same `QuotaPool` (`LimitConfig.pool`) share the hour's
 *   points, so one installation's spending makes every other installation's requests 429 until the hour resets.
 * - A 429 without any reason (a gateway's answer): the fault injector's storms (`sandbox/jira/faults.ts`).
 * Time comes only from each request's `at` (the site clock), so tests are deterministic.
 */
export { QuotaPool } from './quota-pool';
export { RateLimiter } from './rate-limiter';
export type { LimitConfig } from './rate-limiter';
export { pointCost } from './point-cost';
