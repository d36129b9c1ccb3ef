/**
 * JQL date values, all in UTC (the simulator's site time zone):
 * - relative durations `-14d`, `-4w`, `2h`, `"-1d 2h"`: units y, M (months), w, d, h, m (minutes); a sign on the
 *   first term applies to the unsigned terms after it, so `"-1d 2h"` is 26 hours ago;
 * - absolute `"2026-11-27"`, `"2026/11/27"`, `"2026-11-27 10:00"`, `"2026/11/27 10:00"`;
 * - functions `now()`, `startOfDay/Week/Month/Year([inc])`, `endOfDay/Week/Month/Year([inc])`, where `inc` is
 *   `±n` in the function's own unit or `±n<unit>` (`startOfDay("-1")` is yesterday 00:00).
 */
const TERM = /([+-]?)(\d+)([yMwdhm])/g;
const RELATIVE = /^\s*[+-]?\d+[yMwdhm](\s*[+-]?\d+[yMwdhm])*\s*$/;
const ABSOLUTE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;

type Unit = 'y' | 'M' | 'w' | 'd' | 'h' | 'm';

function addUnit(date: Date, amount: number, unit: Unit): Date {
  const d = new Date(date.getTime());
  if (unit === 'y') d.setUTCFullYear(d.getUTCFullYear() + amount);
  else if (unit === 'M') d.setUTCMonth(d.getUTCMonth() + amount);
  else if (unit === 'w') d.setUTCDate(d.getUTCDate() + 7 * amount);
  else if (unit === 'd') d.setUTCDate(d.getUTCDate() + amount);
  else if (unit === 'h') d.setUTCHours(d.getUTCHours() + amount);
  else d.setUTCMinutes(d.getUTCMinutes() + amount);
  return d;
}

/** `now` moved by a relative duration, or undefined when `text` is not one. */
export function parseRelativeDate(text: string, now: Date): Date | undefined {
  if (!RELATIVE.test(text)) return undefined;
  let at = now;
  let sign = 1;
  for (const [, s, n, unit] of text.matchAll(TERM)) {
    if (s === '-') sign = -1;
    else if (s === '+') sign = 1;
    at = addUnit(at, sign * Number(n), unit as Unit);
  }
  return at;
}

/** An absolute JQL date (UTC), or undefined when `text` is not one. */
function parseAbsoluteDate(text: string): Date | undefined {
  const m = ABSOLUTE.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0)));
}

/** A JQL date operand (relative or absolute), or undefined. */
export function parseJqlDate(text: string, now: Date): Date | undefined {
  return parseRelativeDate(text, now) ?? parseAbsoluteDate(text);
}

/** A stored date value (Date, epoch ms, ISO string incl. Jira's `+0000` offsets) as an instant. */
export function toInstant(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const absolute = parseAbsoluteDate(value);
  if (absolute) return absolute.getTime();
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : ms;
}

const PERIOD_FUNCTIONS: Record<string, { unit: Unit; edge: 'start' | 'end' }> = {
  startofday: { unit: 'd', edge: 'start' },
  endofday: { unit: 'd', edge: 'end' },
  startofweek: { unit: 'w', edge: 'start' },
  endofweek: { unit: 'w', edge: 'end' },
  startofmonth: { unit: 'M', edge: 'start' },
  endofmonth: { unit: 'M', edge: 'end' },
  startofyear: { unit: 'y', edge: 'start' },
  endofyear: { unit: 'y', edge: 'end' },
};

/** Names (lower case) of the date functions this module evaluates. */
export const DATE_FUNCTIONS: ReadonlySet<string> = new Set(['now', ...Object.keys(PERIOD_FUNCTIONS)]);

function startOf(date: Date, unit: Unit): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  // Jira's default week starts on Sunday.
  if (unit === 'w') d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  if (unit === 'M') d.setUTCDate(1);
  if (unit === 'y') d.setUTCMonth(0, 1);
  return d;
}

/** Evaluates a date function (`name` case-insensitive) at `now`; undefined for other functions. */
export function evaluateDateFunction(name: string, args: string[], now: Date): Date | undefined {
  const lower = name.toLowerCase();
  if (lower === 'now') return now;
  const period = PERIOD_FUNCTIONS[lower];
  if (!period) return undefined;
  let base = now;
  const inc = args[0]?.trim();
  if (inc) {
    const m = /^([+-]?)(\d+)([yMwdhm])?$/.exec(inc);
    if (m)
      base = addUnit(now, (m[1] === '-' ? -1 : 1) * Number(m[2]), (m[3] as Unit | undefined) ?? period.unit);
  }
  const start = startOf(base, period.unit);
  if (period.edge === 'start') return start;
  return new Date(addUnit(start, 1, period.unit).getTime() - 1);
}
