/**
 * When a work item that keeps failing is set aside ("parked") instead of being tried again: a ticket the sweep
 * cannot handle, or a queued work item. A parked item is skipped by later sweeps and dropped from the queue's
 * retries until an admin retries it, so it never holds back the others nor retries forever.
 *
 * What failed decides how patient the app is:
 * - `rateLimited`: Jira's budget for the whole site is spent. Nothing the item did; never counted, never parked.
 * - `transient`: Jira failed or answered 409 after the client's own retries (an outage, a conflict chain). Such
 *   chains pass: parked only after {@link MAX_ATTEMPTS} failures in a row spread over at least
 *   {@link TRANSIENT_PATIENCE_MS}, still inside the Forge queue's 24-hour retention, so a long outage parks the
 *   item for an admin instead of the platform dropping it.
 * - `definite`: the item's own failure (Jira refused it, its data breaks a rule, a defect): parked after
 *   {@link MAX_ATTEMPTS} failures in a row.
 * - `storage`: the app's storage or queue failed while handling the item: as `definite`.
 */
export type FailureClass = 'rateLimited' | 'transient' | 'definite' | 'storage';

/** Consecutive failed attempts after which an item is parked. */
export const MAX_ATTEMPTS = 5;

/** How long transient failures must have lasted, in a row, before they park an item. */
const TRANSIENT_PATIENCE_MS = 12 * 3_600_000;

/** An item's failures in a row so far (a success clears them). */
export interface FailureStreak {
  /** Counted failures in a row, this one included. */
  readonly attempts: number;
  /** ISO instant of the first failure of the streak. */
  readonly firstFailedAt: string;
  /** ISO instant of the latest failure. */
  readonly lastFailedAt: string;
}

export type FailureVerdict = 'retry' | 'park';

/**
 * The streak after one more failure of `failure` at `now`, and whether the item is parked.
 *
 * @example
 * afterFailure({ attempts: 4, firstFailedAt: '2026-11-29T06:00:00Z', lastFailedAt: '2026-11-29T09:00:00Z' },
 *   'definite', new Date('2026-11-29T10:00:00Z'));
 * // { streak: { attempts: 5, firstFailedAt: '2026-11-29T06:00:00Z', lastFailedAt: '2026-11-29T10:00:00.000Z' },
 * //   verdict: 'park' }
 */
export function afterFailure(
  previous: FailureStreak | undefined,
  failure: FailureClass,
  now: Date,
): { streak: FailureStreak | undefined; verdict: FailureVerdict } {
  if (failure === 'rateLimited') return { streak: previous, verdict: 'retry' };
  const at = now.toISOString();
  const streak: FailureStreak = {
    attempts: (previous?.attempts ?? 0) + 1,
    firstFailedAt: previous?.firstFailedAt ?? at,
    lastFailedAt: at,
  };
  return { streak, verdict: parks(streak, failure, now) ? 'park' : 'retry' };
}

function parks(streak: FailureStreak, failure: Exclude<FailureClass, 'rateLimited'>, now: Date): boolean {
  if (streak.attempts < MAX_ATTEMPTS) return false;
  if (failure !== 'transient') return true;
  return now.getTime() - Date.parse(streak.firstFailedAt) >= TRANSIENT_PATIENCE_MS;
}
