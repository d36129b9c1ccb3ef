/**
 * What a Jira 429 holds back, by its `RateLimit-Reason` (Atlassian, "Rate limiting", 2026):
 * - `jira-quota-global-based` / `jira-quota-tenant-based`: the app's hourly points pool is spent. Every further
 *   request of the installation would get 429 until the pool resets at the top of the UTC hour, so every Jira
 *   call of the installation waits until then (or until `Retry-After`, when that is later).
 * - A 429 without a reason (a gateway answer) is treated like the quota: the strictest reading.
 * - `jira-burst-based`: the per-second bucket of one endpoint is empty; only that endpoint waits `Retry-After`.
 * - `jira-per-issue-on-write`: too many writes to one issue; only writes to that issue wait `Retry-After`.
 * - Any other reason holds back the endpoint that answered it, for `Retry-After`.
 */
export type RateLimitScope = 'installation' | 'endpoint' | 'issue';

export interface RateLimitHold {
  scope: RateLimitScope;
  /** The first instant at which calls in the scope may be made again. */
  until: Date;
}

export interface RateLimitAnswer {
  reason: string | undefined;
  /** `Retry-After` in seconds, when Jira sent one. */
  retryAfterSeconds: number | undefined;
  /** The issue a write was addressed to, when it was one. */
  issue: string | undefined;
}

const HOUR_MS = 3_600_000;
/** Jira's burst buckets refill within a second or two; without `Retry-After` wait this long. */
const DEFAULT_WAIT_SECONDS = 5;

/**
 * The hold a 429 places on further calls.
 *
 * @example
 * rateLimitHold({ reason: 'jira-quota-global-based', retryAfterSeconds: 60, issue: undefined },
 *   new Date('2026-11-29T10:20:00Z'));
 * // { scope: 'installation', until: 2026-11-29T11:00:00Z }
 */
export function rateLimitHold(answer: RateLimitAnswer, now: Date): RateLimitHold {
  const afterRetry = new Date(now.getTime() + (answer.retryAfterSeconds ?? DEFAULT_WAIT_SECONDS) * 1000);
  const reason = answer.reason?.trim() ?? '';
  if (reason === '' || reason === 'jira-quota-global-based' || reason === 'jira-quota-tenant-based') {
    const nextHour = new Date((Math.floor(now.getTime() / HOUR_MS) + 1) * HOUR_MS);
    return { scope: 'installation', until: afterRetry > nextHour ? afterRetry : nextHour };
  }
  if (reason === 'jira-per-issue-on-write' && answer.issue !== undefined) {
    return { scope: 'issue', until: afterRetry };
  }
  return { scope: 'endpoint', until: afterRetry };
}
