import { afterFailure, MAX_ATTEMPTS, type FailureStreak } from '../../src/domain/parking';

const NOW = new Date('2026-11-29T12:00:00Z');
const HOUR = 3_600_000;

/** A streak of `attempts` failures, the first `hoursAgo` before NOW. */
function streak(attempts: number, hoursAgo: number): FailureStreak {
  return {
    attempts,
    firstFailedAt: new Date(NOW.getTime() - hoursAgo * HOUR).toISOString(),
    lastFailedAt: new Date(NOW.getTime() - HOUR).toISOString(),
  };
}

describe('afterFailure: retry or park', () => {
  test('the bound is five attempts', () => expect(MAX_ATTEMPTS).toBe(5));

  test.each([
    // previous attempts (undefined = none), first failure hours ago, class → verdict
    [undefined, 0, 'definite', 'retry'],
    [1, 1, 'definite', 'retry'],
    [3, 3, 'definite', 'retry'],
    [4, 4, 'definite', 'park'],
    [9, 9, 'definite', 'park'],
    [undefined, 0, 'storage', 'retry'],
    [3, 3, 'storage', 'retry'],
    [4, 0.1, 'storage', 'park'],
    // Transient chains pass: five in a row are not enough until they lasted twelve hours.
    [4, 4, 'transient', 'retry'],
    [10, 11.9, 'transient', 'retry'],
    [4, 12, 'transient', 'park'],
    [3, 20, 'transient', 'retry'],
    // A rate limit is the site's, not the item's: never parks, however long.
    [4, 4, 'rateLimited', 'retry'],
    [40, 30, 'rateLimited', 'retry'],
  ] as const)('%s earlier failures over %s h, then %s → %s', (attempts, hoursAgo, failure, verdict) => {
    const previous = attempts === undefined ? undefined : streak(attempts, hoursAgo);
    expect(afterFailure(previous, failure, NOW).verdict).toBe(verdict);
  });

  test('a first failure starts the streak at now', () => {
    expect(afterFailure(undefined, 'definite', NOW).streak).toEqual({
      attempts: 1,
      firstFailedAt: NOW.toISOString(),
      lastFailedAt: NOW.toISOString(),
    });
  });

  test('a further failure counts one more and keeps the first failure time', () => {
    const previous = streak(2, 5);
    expect(afterFailure(previous, 'transient', NOW).streak).toEqual({
      attempts: 3,
      firstFailedAt: previous.firstFailedAt,
      lastFailedAt: NOW.toISOString(),
    });
  });

  test('a rate limit leaves the streak as it was', () => {
    const previous = streak(3, 5);
    expect(afterFailure(previous, 'rateLimited', NOW).streak).toBe(previous);
    expect(afterFailure(undefined, 'rateLimited', NOW).streak).toBeUndefined();
  });
});
