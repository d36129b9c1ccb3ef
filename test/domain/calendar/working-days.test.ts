import { isWorkingDay, nextWorkingDay, type CalendarConfig } from '../../../src/domain/calendar';
import { addDays, localDateKey, rollToWorkingDay } from '../../../src/domain/calendar/working-days';
import {
  isKnownHolidayRegion,
  publicHolidayDates,
  SITE_HOLIDAY_REGIONS,
} from '../../../src/domain/calendar/holiday-regions';

const berlin: CalendarConfig = {
  mode: 'calendar',
  timeZone: 'Europe/Berlin',
  holidayRegion: 'DE-SL',
  extraHolidays: [],
  workingDays: [1, 2, 3, 4, 5],
};
const working: CalendarConfig = { ...berlin, mode: 'working' };

describe('addDays keeps the local wall time across DST (Europe/Berlin)', () => {
  it.each([
    // Last Sunday of March 2026 is the 29th: 09:00 CET (08:00Z) + 10 days = 09:00 CEST (07:00Z).
    ['spring forward', '2026-03-20T08:00:00Z', 10, '2026-03-30T07:00:00.000Z'],
    // Last Sunday of October 2026 is the 25th: 09:00 CEST (07:00Z) + 10 days = 09:00 CET (08:00Z).
    ['fall back', '2026-10-20T07:00:00Z', 10, '2026-10-30T08:00:00.000Z'],
    ['across the switch night itself', '2026-03-28T23:30:00Z', 1, '2026-03-29T22:30:00.000Z'],
    ['no DST in between', '2026-01-05T08:00:00Z', 40, '2026-02-14T08:00:00.000Z'],
    ['16 weeks from winter into summer', '2026-02-02T10:00:00Z', 112, '2026-05-25T09:00:00.000Z'],
  ])('%s', (_name, start, days, expected) => {
    expect(addDays(new Date(start), days, berlin).toISOString()).toBe(expected);
  });

  it('counts plain calendar days over weekends and holidays in calendar mode', () => {
    // 2026-05-25 + 10 days = Thursday 2026-06-04, Corpus Christi in Saarland: kept in calendar mode.
    expect(addDays(new Date('2026-05-25T08:00:00Z'), 10, berlin).toISOString()).toBe(
      '2026-06-04T08:00:00.000Z',
    );
  });

  it('moves a due time on a holiday to the next working day at the same wall time in working mode', () => {
    expect(addDays(new Date('2026-05-25T08:00:00Z'), 10, working).toISOString()).toBe(
      '2026-06-05T08:00:00.000Z',
    );
  });

  it('moves a due time on a Saturday to Monday in working mode', () => {
    expect(addDays(new Date('2026-11-18T13:00:00Z'), 10, working).toISOString()).toBe(
      '2026-11-30T13:00:00.000Z',
    );
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['a Friday', '2026-11-27T12:00:00Z', berlin, true],
    ['a Saturday', '2026-11-28T12:00:00Z', berlin, false],
    ['Corpus Christi in Saarland', '2026-06-04T12:00:00Z', berlin, false],
    [
      'Corpus Christi without a holiday region',
      '2026-06-04T12:00:00Z',
      { ...berlin, holidayRegion: undefined },
      true,
    ],
    ['an extra company holiday', '2026-12-24T12:00:00Z', { ...berlin, extraHolidays: ['2026-12-24'] }, false],
    ['Friday 23:30Z is already Saturday in Berlin', '2026-11-27T23:30:00Z', berlin, false],
    [
      'Sunday when Sunday is configured as worked',
      '2026-11-29T12:00:00Z',
      { ...berlin, workingDays: [7] },
      true,
    ],
    [
      'Melbourne Cup day',
      '2026-11-03T01:00:00Z',
      { ...berlin, timeZone: 'Australia/Melbourne', holidayRegion: 'AU-VIC' },
      false,
    ],
  ] as const)('%s', (_name, at, calendar, expected) => {
    expect(isWorkingDay(new Date(at), calendar)).toBe(expected);
  });
});

describe('nextWorkingDay and rollToWorkingDay', () => {
  it('skips Christmas and the weekend after Christmas Eve', () => {
    expect(nextWorkingDay(new Date('2026-12-24T12:00:00Z'), berlin).toISOString()).toBe(
      '2026-12-27T23:00:00.000Z',
    );
  });

  it('is the next day on an ordinary weekday', () => {
    expect(localDateKey(nextWorkingDay(new Date('2026-11-25T12:00:00Z'), berlin), 'Europe/Berlin')).toBe(
      '2026-11-26',
    );
  });

  it('keeps a working day as it is', () => {
    const friday = new Date('2026-11-27T12:00:00Z');
    expect(rollToWorkingDay(friday, berlin)).toEqual(friday);
  });

  it('gives up after 366 days on a calendar without a working day, at the same local wall time', () => {
    const never = { ...berlin, workingDays: [] };
    // Friday 27 November 2026 13:00 Berlin (CET); 366 days later is Sunday 28 November 2027, again CET.
    expect(rollToWorkingDay(new Date('2026-11-27T12:00:00Z'), never).toISOString()).toBe(
      '2027-11-28T12:00:00.000Z',
    );
  });
});

describe('holiday regions', () => {
  it.each(SITE_HOLIDAY_REGIONS)('knows the site region %s', (region) => {
    expect(isKnownHolidayRegion(region)).toBe(true);
    expect(publicHolidayDates(region, 2026).has('2026-12-25')).toBe(true);
  });

  it.each(['XX', 'DE-XX', 'germany', '', 'DE-SL-1'])('rejects %j', (region) => {
    expect(isKnownHolidayRegion(region)).toBe(false);
  });

  it('caches the holidays per region and year', () => {
    expect(publicHolidayDates('DE-SL', 2027)).toBe(publicHolidayDates('DE-SL', 2027));
  });
});
