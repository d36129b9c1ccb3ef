import { TZDate } from '@date-fns/tz';
import { addDays as addLocalDays, format, getISODay, startOfDay } from 'date-fns';
import { publicHolidayDates } from './holiday-regions';

/** The calendar part of a project configuration. */
export interface CalendarConfig {
  readonly mode: 'calendar' | 'working';
  readonly timeZone: string;
  readonly holidayRegion?: string | undefined;
  /** Extra non-working local dates `yyyy-MM-dd` (company holidays). */
  readonly extraHolidays: readonly string[];
  /** ISO weekdays worked, Monday = 1 … Sunday = 7. */
  readonly workingDays: readonly number[];
}

// A year has at most a few dozen holidays; no real calendar has a gap of a year without a working day.
const MAX_SCAN_DAYS = 366;

function local(date: Date, timeZone: string): TZDate {
  return new TZDate(date.getTime(), timeZone);
}

/**
 * The local calendar date of `date` in `timeZone`.
 *
 * @example
 * localDateKey(new Date('2026-03-28T23:30:00Z'), 'Europe/Berlin'); // '2026-03-29'
 * @internal Exported for the tests that check it directly.
 */
export function localDateKey(date: Date, timeZone: string): string {
  return format(local(date, timeZone), 'yyyy-MM-dd');
}

/**
 * Whether `date` falls, in the calendar's time zone, on a configured weekday that is neither a public holiday
 * of `holidayRegion` nor an extra holiday.
 *
 * @example
 * isWorkingDay(new Date('2026-06-04T10:00:00Z'), { ...cal, holidayRegion: 'DE-SL' }); // false (Fronleichnam)
 */
export function isWorkingDay(date: Date, calendar: CalendarConfig): boolean {
  const zoned = local(date, calendar.timeZone);
  if (!calendar.workingDays.includes(getISODay(zoned))) return false;
  const key = format(zoned, 'yyyy-MM-dd');
  if (calendar.extraHolidays.includes(key)) return false;
  if (calendar.holidayRegion === undefined) return true;
  return !publicHolidayDates(calendar.holidayRegion, zoned.getFullYear()).has(key);
}

/**
 * `date` itself when it is on a working day, otherwise the same local wall time on the next working day.
 *
 * @example
 * rollToWorkingDay(saturday10am, cal); // Monday 10:00 local (or later if Monday is a holiday)
 * @internal Exported for the tests that check it directly.
 */
export function rollToWorkingDay(date: Date, calendar: CalendarConfig): Date {
  let candidate = local(date, calendar.timeZone);
  for (let i = 0; i < MAX_SCAN_DAYS && !isWorkingDay(candidate, calendar); i += 1) {
    candidate = addLocalDays(candidate, 1);
  }
  return new Date(candidate.getTime());
}

/**
 * Local midnight starting the first working day after the local day of `date`.
 *
 * @example
 * nextWorkingDay(new Date('2026-12-24T12:00:00Z'), cal); // 2026-12-28T00:00 Europe/Berlin (after Christmas)
 */
export function nextWorkingDay(date: Date, calendar: CalendarConfig): Date {
  const nextMidnight = addLocalDays(startOfDay(local(date, calendar.timeZone)), 1);
  return rollToWorkingDay(nextMidnight, calendar);
}

/**
 * `start` plus `days` days at the same local wall time in the calendar's time zone, so a 10-day step across a
 * DST change keeps 09:00 as 09:00. In `working` mode a result on a non-working day moves to the next working
 * day at the same wall time (PROCESS.md §4: calendar days unless a site configures working days).
 *
 * @example
 * addDays(new Date('2026-03-20T08:00:00Z'), 10, cal); // 2026-03-30T07:00:00Z (09:00 Berlin, now CEST)
 */
export function addDays(start: Date, days: number, calendar: CalendarConfig): Date {
  const due = new Date(addLocalDays(local(start, calendar.timeZone), days).getTime());
  return calendar.mode === 'working' ? rollToWorkingDay(due, calendar) : due;
}
