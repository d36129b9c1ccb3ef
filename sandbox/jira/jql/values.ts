import { toInstant } from './dates';
import type { JqlFieldRef } from './types';

/** How two values of a field compare: as instants, numbers, or case-insensitive text. */
export type CompareMode = 'date' | 'number' | 'text';

const DATE_SYSTEM_FIELDS = new Set([
  'created',
  'updated',
  'resolutiondate',
  'resolved',
  'duedate',
  'lastviewed',
  'statuscategorychangedate',
]);

/** The compare mode a field's type implies (system date fields, date custom fields, typed property values). */
export function modeOf(ref: JqlFieldRef): CompareMode | undefined {
  if (ref.kind === 'property')
    return ref.type === 'date' ? 'date' : ref.type === 'number' ? 'number' : 'text';
  if (ref.kind === 'custom') {
    const type = ref.type.toLowerCase();
    if (type === 'date' || type === 'datetime') return 'date';
    if (type === 'number') return 'number';
    return undefined;
  }
  return DATE_SYSTEM_FIELDS.has(ref.id.toLowerCase()) ? 'date' : undefined;
}

const OBJECT_KEYS = ['name', 'key', 'value', 'id', 'accountId', 'displayName'] as const;

/**
 * The scalar values a field value offers to comparisons. Arrays (labels, multi-selects) offer every element;
 * Jira objects (status, project, user, option) offer their name, key, value, id, accountId and display name,
 * so `status = "Waiting for customer"`, `project = SD` and `project = 10000` all match.
 * Empty: undefined, null, '' and [].
 */
export function scalarsOf(value: unknown): Array<string | number | Date> {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.flatMap(scalarsOf);
  if (value instanceof Date || typeof value === 'number' || typeof value === 'string') return [value];
  if (typeof value === 'boolean') return [String(value)];
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return OBJECT_KEYS.flatMap((k) => (record[k] === undefined ? [] : scalarsOf(record[k])));
  }
  return [];
}

/** The single value ORDER BY sorts on: first element of arrays, `name`/`value`/`key`/`displayName` of objects. */
export function sortScalarOf(value: unknown): string | number | Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return sortScalarOf(value[0]);
  if (value instanceof Date || typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const r = value as Record<string, unknown>;
    return sortScalarOf(r.name ?? r.value ?? r.key ?? r.displayName ?? r.id ?? r.accountId);
  }
  return undefined;
}

const ISSUE_KEY = /^([A-Za-z][A-Za-z0-9_]*)-(\d+)$/;

function asNumber(v: string | number | Date): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/**
 * Three-way comparison of two scalars under `mode` (undefined mode: numbers when both are numeric, issue keys by
 * project then number — `SD-9` before `SD-10` — else case-insensitive text, as Jira compares names).
 * Returns undefined when the values are not comparable (e.g. a text against a date field).
 */
export function compareScalars(
  a: string | number | Date,
  b: string | number | Date,
  mode: CompareMode | undefined,
): number | undefined {
  if (mode === 'date' || a instanceof Date || b instanceof Date) {
    const x = toInstant(a);
    const y = toInstant(b);
    return x === undefined || y === undefined ? undefined : Math.sign(x - y);
  }
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return Math.sign(x - y);
  if (mode === 'number') return undefined;
  const sa = String(a).toLowerCase();
  const sb = String(b).toLowerCase();
  const ka = ISSUE_KEY.exec(sa);
  const kb = ISSUE_KEY.exec(sb);
  if (ka && kb && ka[1] === kb[1]) return Math.sign(Number(ka[2]) - Number(kb[2]));
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * The number a scalar compares by under a date or number mode (epoch ms for dates), or undefined when it does
 * not compare. For two values that `compareScalars` orders, their keys order the same way — for the values
 * date and number fields hold (Dates, numbers) — so sorted indexes may answer range terms by key.
 */
export function comparableKey(value: string | number | Date, mode: 'date' | 'number'): number | undefined {
  const key = mode === 'date' || value instanceof Date ? toInstant(value) : asNumber(value);
  return key === undefined || Number.isNaN(key) ? undefined : key;
}
