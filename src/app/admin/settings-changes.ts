import type { SettingChange } from '../shared/audit-log';
import { isRecord } from '../shared/is-record';

/** A changed text is shown up to this many characters. */
const TEXT_LIMIT = 60;

/** No value: a setting left out or cleared, or an empty table (which holds no row to compare). */
function isNothing(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** One value as the activity shows it: text shortened, lists joined, nothing as "—". */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value) && value.every((v) => !isRecord(v) && !Array.isArray(v)))
    return shorten(value.map(String).join(', ') || '—');
  if (typeof value === 'string') return shorten(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return shorten(JSON.stringify(value));
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > TEXT_LIMIT ? `${flat.slice(0, TEXT_LIMIT - 1)}…` : flat;
}

/**
 * Leaves are values; a list of plain values is one leaf (working days, managed projects), and so is an empty list.
 */
function leaves(value: unknown, path: string, into: Map<string, unknown>): void {
  if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, into);
  } else if (Array.isArray(value) && value.some((v) => isRecord(v) || Array.isArray(v))) {
    value.forEach((inner, i) => leaves(inner, `${path}.${i}`, into));
  } else {
    into.set(path, value);
  }
}

/**
 * Every setting that differs between two views of the settings, by its path on the admin page (the paths the
 * save's errors use, e.g. `timers.resolvedAutoCloseDays`, `regions.regions.1.timeZone`), in the order of
 * `after` and then the removed ones, with both values as short text. A table that gets its first row or loses its
 * last is listed by its rows' fields only: its emptiness on the other side is no change of its own.
 *
 * @example
 * settingChanges({ timers: { resolvedAutoCloseDays: 50 } }, { timers: { resolvedAutoCloseDays: 10 } });
 * // [{ path: 'timers.resolvedAutoCloseDays', from: '50', to: '10' }]
 */
export function settingChanges(before: unknown, after: unknown): SettingChange[] {
  const old = new Map<string, unknown>();
  const next = new Map<string, unknown>();
  leaves(before, '', old);
  leaves(after, '', next);
  const paths = [...next.keys(), ...[...old.keys()].filter((p) => !next.has(p))];
  return paths.flatMap((path) => {
    const [before, after] = [old.get(path), next.get(path)];
    if (JSON.stringify(before) === JSON.stringify(after) || (isNothing(before) && isNothing(after)))
      return [];
    return [{ path, from: shown(before), to: shown(after) }];
  });
}
