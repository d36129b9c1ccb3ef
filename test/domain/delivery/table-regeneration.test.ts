import {
  staleTableMarks,
  tableRunFor,
  tableScheduleFor,
  TABLE_DELAY_SECONDS,
  TABLE_MARK_STALE_SECONDS,
  type TableMark,
} from '../../../src/domain/delivery/table-regeneration';

const NOW = new Date('2026-11-30T10:00:00Z');
const markAt = (secondsAgo: number, token = 'a'): TableMark => ({
  token,
  at: new Date(NOW.getTime() - secondsAgo * 1000).toISOString(),
  projectKey: 'SD',
});

describe('tableScheduleFor: a change of a Delivery’s links', () => {
  it.each([
    ['no mark', undefined, 'schedule'],
    ['a mark written just now', markAt(0), 'coalesce'],
    ['a mark as old as the window (its regeneration is due)', markAt(TABLE_DELAY_SECONDS), 'coalesce'],
    ['a mark one second short of stale', markAt(TABLE_MARK_STALE_SECONDS - 1), 'coalesce'],
    ['a stale mark (its regeneration lost)', markAt(TABLE_MARK_STALE_SECONDS), 'schedule'],
  ] as const)('%s: %s', (_name, mark, expected) => {
    expect(tableScheduleFor(mark, NOW)).toBe(expected);
  });

  it('a lost regeneration is noticed within minutes after the window', () => {
    expect(TABLE_MARK_STALE_SECONDS).toBeGreaterThan(TABLE_DELAY_SECONDS);
    expect(TABLE_MARK_STALE_SECONDS).toBeLessThanOrEqual(TABLE_DELAY_SECONDS + 600);
  });
});

describe('tableRunFor: a queued regeneration (token "a") and the mark it finds', () => {
  it.each([
    ['its own mark', markAt(120, 'a'), 'clear'],
    ['no mark', undefined, 'regenerate'],
    ['another regeneration’s mark', markAt(10, 'b'), 'skip'],
    ['another regeneration’s stale mark', markAt(TABLE_MARK_STALE_SECONDS + 60, 'b'), 'skip'],
  ] as const)('%s: %s', (_name, mark, expected) => {
    expect(tableRunFor(mark, 'a')).toBe(expected);
  });
});

describe('staleTableMarks', () => {
  it('keeps exactly the marks at or past the stale age', () => {
    const entries = [
      { id: 'fresh', mark: markAt(0) },
      { id: 'due', mark: markAt(TABLE_DELAY_SECONDS + 1) },
      { id: 'stale', mark: markAt(TABLE_MARK_STALE_SECONDS) },
      { id: 'old', mark: markAt(86_400) },
    ];
    expect(staleTableMarks(entries, NOW).map((e) => e.id)).toEqual(['stale', 'old']);
  });
});
