import { rateLimitHold } from '../../src/domain/rate-limit-hold';

const NOW = new Date('2026-11-29T10:20:00Z');

describe('rateLimitHold', () => {
  test.each([
    // reason, Retry-After, issue → scope, until
    ['jira-quota-global-based', 60, undefined, 'installation', '2026-11-29T11:00:00.000Z'],
    ['jira-quota-tenant-based', 60, undefined, 'installation', '2026-11-29T11:00:00.000Z'],
    ['jira-quota-global-based', 7200, undefined, 'installation', '2026-11-29T12:20:00.000Z'],
    [undefined, undefined, undefined, 'installation', '2026-11-29T11:00:00.000Z'],
    ['', 30, 'SD-1', 'installation', '2026-11-29T11:00:00.000Z'],
    ['jira-burst-based', 2, undefined, 'endpoint', '2026-11-29T10:20:02.000Z'],
    ['jira-burst-based', undefined, 'SD-1', 'endpoint', '2026-11-29T10:20:05.000Z'],
    ['jira-per-issue-on-write', 3, 'SD-1', 'issue', '2026-11-29T10:20:03.000Z'],
    ['jira-per-issue-on-write', 3, undefined, 'endpoint', '2026-11-29T10:20:03.000Z'],
    ['some-new-reason', 10, 'SD-1', 'endpoint', '2026-11-29T10:20:10.000Z'],
    // A header value with the blanks HTTP allows around it names the same reason.
    [' jira-quota-tenant-based ', 60, undefined, 'installation', '2026-11-29T11:00:00.000Z'],
    ['  ', 30, undefined, 'installation', '2026-11-29T11:00:00.000Z'],
  ] as const)(
    '%s, Retry-After %s, issue %s → %s until %s',
    (reason, retryAfterSeconds, issue, scope, until) => {
      expect(rateLimitHold({ reason, retryAfterSeconds, issue }, NOW)).toEqual({
        scope,
        until: new Date(until),
      });
    },
  );

  test('a quota 429 just before the hour still waits for the reset, never less than Retry-After', () => {
    const hold = rateLimitHold(
      { reason: 'jira-quota-global-based', retryAfterSeconds: 90, issue: undefined },
      new Date('2026-11-29T10:59:30Z'),
    );
    expect(hold.until.toISOString()).toBe('2026-11-29T11:01:00.000Z');
  });
});
