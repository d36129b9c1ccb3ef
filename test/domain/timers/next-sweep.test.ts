import { nextSweepAt } from '../../../src/domain/timers/next-sweep';

const HOUR = 3_600_000;

describe('nextSweepAt: the last run plus whole intervals, the first after now', () => {
  it.each([
    ['just after the last run', '2026-11-27T08:17:00Z', '2026-11-27T08:20:00Z', '2026-11-27T09:17:00.000Z'],
    ['later in the hour', '2026-11-27T08:17:00Z', '2026-11-27T09:00:00Z', '2026-11-27T09:17:00.000Z'],
    [
      'exactly at the next run: the one after',
      '2026-11-27T08:17:00Z',
      '2026-11-27T09:17:00Z',
      '2026-11-27T10:17:00.000Z',
    ],
    [
      'runs were missed: the same minute, later',
      '2026-11-27T08:17:00Z',
      '2026-11-27T12:40:00Z',
      '2026-11-27T13:17:00.000Z',
    ],
    [
      'a run marker from the future (clock skew)',
      '2026-11-27T08:17:00Z',
      '2026-11-27T08:00:00Z',
      '2026-11-27T09:17:00.000Z',
    ],
  ])('%s', (_case, last, now, expected) => {
    expect(nextSweepAt(new Date(last), HOUR, new Date(now))?.toISOString()).toBe(expected);
  });

  it('is unknown without a run', () => {
    expect(nextSweepAt(null, HOUR, new Date('2026-11-27T08:00:00Z'))).toBeNull();
  });
});
