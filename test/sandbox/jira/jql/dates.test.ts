import { parseJqlDate, toInstant } from '../../../../sandbox/jira/jql';

const now = new Date('2026-11-27T10:00:00Z');
const iso = (d: Date | undefined) => d?.toISOString();

describe('JQL date values (UTC)', () => {
  it.each([
    ['-14d', '2026-11-13T10:00:00.000Z'],
    ['-4w', '2026-10-30T10:00:00.000Z'],
    ['2h', '2026-11-27T12:00:00.000Z'],
    ['+30m', '2026-11-27T10:30:00.000Z'],
    ['-1M', '2026-10-27T10:00:00.000Z'],
    ['-1d 2h', '2026-11-26T08:00:00.000Z'],
    ['-1d +2h', '2026-11-26T12:00:00.000Z'],
    ['2026-11-27', '2026-11-27T00:00:00.000Z'],
    ['2026/11/27 10:05', '2026-11-27T10:05:00.000Z'],
  ])('%s → %s', (text, expected) => {
    expect(iso(parseJqlDate(text, now))).toBe(expected);
  });

  it('rejects other text', () => {
    expect(parseJqlDate('yesterday', now)).toBeUndefined();
    expect(parseJqlDate('14', now)).toBeUndefined();
  });

  it('reads stored values as instants, including Jira offsets without a colon', () => {
    expect(toInstant('2026-11-27T11:00:00.000+0100')).toBe(Date.parse('2026-11-27T10:00:00Z'));
    expect(toInstant('2026-11-27T10:00:00Z')).toBe(Date.parse('2026-11-27T10:00:00Z'));
    expect(toInstant('not a date')).toBeUndefined();
  });
});
