import type { IsoDate, IsoDateTime } from '../../../src/contract/resolvers';
import { pickLanguage } from './language';

/** Locale-aware formatting of the contract's ISO instants and millisecond durations. */
export interface Formatters {
  /** `27 Nov 2026, 09:30` (en-GB) / `Nov 27, 2026, 9:30 AM` (en-US) / `27.11.2026, 09:30` in the user's zone. */
  dateTime(iso: IsoDateTime): string;
  /** `27 Nov 2026` / `Nov 27, 2026` / `27.11.2026` for an instant or a plain `YYYY-MM-DD` (that calendar day). */
  date(iso: IsoDate): string;
  /** Day and time without the year, for a line that must stay short: `29 Nov, 18:20` / `Nov 29, 6:20 PM`. */
  dayTime(iso: IsoDateTime): string;
  /** Day without the year: `9 Dec` / `Dec 9` / `9. Dez.`. */
  day(iso: IsoDateTime): string;
  /** A duration in words, two units at most: `3 days, 4 hours` / `3 Tage und 4 Stunden` (sign dropped). */
  duration(ms: number): string;
  /** `in 3 days` / `in 3 Tagen`, `2 hours ago` / `vor 2 Stunden`, relative to `now`. */
  relative(iso: IsoDateTime, now: IsoDateTime): string;
  /** A count with the locale's grouping: `1,234` / `1.234`. */
  number(value: number): string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Formatters for a Forge locale (`en-US`, `en_GB`, `de-DE`) and IANA time zone (from `view.getContext()`):
 * numbers and dates follow the locale itself (en-US is not en-GB); an unknown zone falls back to the browser's.
 * Texts stay in the two process languages, so a locale other than German or English formats as en-GB.
 */
export function createFormatters(locale: string, timeZone: string | undefined): Formatters {
  const tag = formatLocale(locale);
  const zone = isValidZone(timeZone) ? timeZone : undefined;
  const dateTimeFormat = new Intl.DateTimeFormat(tag, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  });
  const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: zone });
  const calendarDayFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const timeFormat = new Intl.DateTimeFormat(tag, { timeStyle: 'short', timeZone: zone });
  const dayFormat = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: zone });
  const relativeFormat = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  const unit = (name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(tag, { style: 'unit', unit: name, unitDisplay: 'long' });
  const units = { day: unit('day'), hour: unit('hour'), minute: unit('minute') };
  const list = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
  const numberFormat = new Intl.NumberFormat(tag);

  return {
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
    date: (iso) =>
      /^\d{4}-\d{2}-\d{2}$/.test(iso)
        ? calendarDayFormat.format(new Date(`${iso}T00:00:00Z`))
        : dateFormat.format(new Date(iso)),
    dayTime: (iso) => `${dayFormat.format(new Date(iso))}, ${timeFormat.format(new Date(iso))}`,
    day: (iso) => dayFormat.format(new Date(iso)),
    duration: (ms) => {
      const abs = Math.abs(ms);
      if (abs < MINUTE) return relativeLessThanMinute(tag);
      const days = Math.floor(abs / DAY);
      const hours = Math.floor((abs % DAY) / HOUR);
      const minutes = Math.floor((abs % HOUR) / MINUTE);
      const parts =
        days > 0
          ? [units.day.format(days), ...(hours > 0 ? [units.hour.format(hours)] : [])]
          : hours > 0
            ? [units.hour.format(hours), ...(minutes > 0 ? [units.minute.format(minutes)] : [])]
            : [units.minute.format(minutes)];
      return list.format(parts);
    },
    relative: (iso, now) => {
      const diff = new Date(iso).getTime() - new Date(now).getTime();
      const abs = Math.abs(diff);
      if (abs >= DAY) return relativeFormat.format(Math.round(diff / DAY), 'day');
      if (abs >= HOUR) return relativeFormat.format(Math.round(diff / HOUR), 'hour');
      return relativeFormat.format(Math.round(diff / MINUTE), 'minute');
    },
    number: (value) => numberFormat.format(value),
  };
}

/** The BCP 47 tag to format with: the user's own locale for German and English, en-GB for any other. */
function formatLocale(locale: string): string {
  const tag = locale.replace('_', '-');
  const language = pickLanguage(tag);
  if (!tag.toLowerCase().startsWith(language)) return 'en-GB';
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag])[0] ?? (language === 'de' ? 'de-DE' : 'en-GB');
  } catch {
    return language === 'de' ? 'de-DE' : 'en-GB';
  }
}

function relativeLessThanMinute(tag: string): string {
  return pickLanguage(tag) === 'de' ? 'weniger als 1 Minute' : 'less than 1 minute';
}

function isValidZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
