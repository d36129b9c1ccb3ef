import type { IsoDate, IsoDateTime, Language } from '../../../src/contract/resolvers';

/** Locale-aware formatting of the contract's ISO instants and millisecond durations. */
export interface Formatters {
  /** `27 Nov 2026, 09:30` / `27.11.2026, 09:30` in the user's time zone. */
  dateTime(iso: IsoDateTime): string;
  /** `27 Nov 2026` / `27.11.2026` for an instant or a plain `YYYY-MM-DD` (shown as that calendar day). */
  date(iso: IsoDate): string;
  /** A compact duration: `3 d 4 h`, `2 h 15 min`, `45 min`, `< 1 min` (sign dropped). */
  duration(ms: number): string;
  /** `in 3 days` / `in 3 Tagen`, `2 hours ago` / `vor 2 Stunden`, relative to `now`. */
  relative(iso: IsoDateTime, now: IsoDateTime): string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: Record<Language, { d: string; h: string; min: string; lessThanMinute: string }> = {
  en: { d: 'd', h: 'h', min: 'min', lessThanMinute: '< 1 min' },
  de: { d: 'T', h: 'Std.', min: 'Min.', lessThanMinute: '< 1 Min.' },
};

/**
 * Formatters for a language and IANA time zone (from `view.getContext()`); an unknown zone falls back to the
 * browser's.
 */
export function createFormatters(language: Language, timeZone: string | undefined): Formatters {
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  const zone = isValidZone(timeZone) ? timeZone : undefined;
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone });
  const calendarDayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const units = UNITS[language];

  return {
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
    date: (iso) =>
      /^\d{4}-\d{2}-\d{2}$/.test(iso)
        ? calendarDayFormat.format(new Date(`${iso}T00:00:00Z`))
        : dateFormat.format(new Date(iso)),
    duration: (ms) => {
      const abs = Math.abs(ms);
      if (abs < MINUTE) return units.lessThanMinute;
      const days = Math.floor(abs / DAY);
      const hours = Math.floor((abs % DAY) / HOUR);
      const minutes = Math.floor((abs % HOUR) / MINUTE);
      if (days > 0) return hours > 0 ? `${days} ${units.d} ${hours} ${units.h}` : `${days} ${units.d}`;
      if (hours > 0)
        return minutes > 0 ? `${hours} ${units.h} ${minutes} ${units.min}` : `${hours} ${units.h}`;
      return `${minutes} ${units.min}`;
    },
    relative: (iso, now) => {
      const diff = new Date(iso).getTime() - new Date(now).getTime();
      const abs = Math.abs(diff);
      if (abs >= DAY) return relativeFormat.format(Math.round(diff / DAY), 'day');
      if (abs >= HOUR) return relativeFormat.format(Math.round(diff / HOUR), 'hour');
      return relativeFormat.format(Math.round(diff / MINUTE), 'minute');
    },
  };
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
