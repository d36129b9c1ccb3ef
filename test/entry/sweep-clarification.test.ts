import { DAY, HOUR, startSweepSite, type LocalSite } from '../support/local-site';

const CLARIFICATION = 'Clarification required / On hold';
const MINUTE = 60_000;
const ENTERED = Date.parse('2026-11-02T08:30:00Z');
const day = (n: number, offsetMs = 0) => new Date(ENTERED + n * DAY + offsetMs);

describe('hourly sweep: Clarification required / On hold (PROCESS.md §4)', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
  });
  afterEach(() => s.close());

  it('reminds on days 10, 20 and 30 and closes on day 40: once each, never early, at most one sweep late', async () => {
    const key = await s.ticket('Software Defect', ['In Progress', CLARIFICATION]);
    for (const [n, reminder] of [
      [10, 1],
      [20, 2],
      [30, 3],
    ] as const) {
      s.jump(day(n, -2 * HOUR));
      await s.until(day(n, -MINUTE));
      expect(s.appCommentTexts(key)).toHaveLength(reminder - 1);
      await s.until(day(n, HOUR));
      expect(s.appCommentTexts(key)).toHaveLength(reminder);
      expect(s.appCommentTexts(key)[reminder - 1]).toContain(`Erinnerung ${reminder} von 3`);
      expect(s.appCommentTexts(key)[reminder - 1]).toContain('12.12.2026');
    }
    s.jump(day(40, -2 * HOUR));
    await s.until(day(40, -MINUTE));
    expect(s.status(key)).toBe(CLARIFICATION);
    await s.until(day(40, HOUR));
    expect(s.status(key)).toBe('Closed');
    expect(s.site.store.issue(key)?.resolutionId).not.toBeNull();
    expect(s.appCommentTexts(key)).toHaveLength(4);
    expect(s.appCommentTexts(key)[3]).toContain('innerhalb von 40 Tagen');
    await s.advance(6 * HOUR);
    expect(s.appCommentTexts(key)).toHaveLength(4);
    const done = s.audit().filter((e) => e.outcome === 'done' && e.action !== 'restamp');
    expect(done.map((e) => e.action).sort()).toEqual(['close', 'reminder', 'reminder', 'reminder']);
    // Details are machine codes; the time is the entry's own `at` (no ISO timestamps in the text).
    expect(done.map((e) => e.detail).sort()).toEqual(['close', 'reminder1', 'reminder2', 'reminder3']);
  });
});
