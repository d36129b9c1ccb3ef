import type { SimIssue } from '../model/types';
import type { IndexedProperty } from './indexed-properties';

/** Dates stored as ISO instants or `yyyy-mm-dd`; property dates also as `yyyy-MM-dd HH:mm`. */
export function toDate(value: unknown): Date | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const date = new Date(
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(value)
      ? `${value.replace(' ', 'T')}Z`
      : value,
  );
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Reads one entity property of an issue as search sees it. */
export type PropertyReader = (issue: SimIssue, key: string) => unknown;

const LIVE: PropertyReader = (issue, key) => issue.properties[key];

/** The raw value at a dotted path inside an issue's entity property (undefined when absent). */
function propertyAt(issue: SimIssue, key: string, path: string, read: PropertyReader): unknown {
  let value: unknown = read(issue, key);
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The two forms Jira documents for a `date` value of a `jira:entityProperty` index: `YYYY-MM-DD` and
 * `YYYY-MM-DDThh:mm:ssTZ` (Forge manifest reference, "jira:entityProperty"). The docs say nothing of fractions
 * of a second or of other offsets, so the strictest reading is taken: seconds, then `Z` or `±hh:mm`.
 */
const DOCUMENTED_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$/;

/** A `date` property value as Jira indexes it; any other form is not indexed (null: no value for JQL). */
function indexedDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !DOCUMENTED_DATE.test(value)) return null;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * An indexed property value as JQL compares it: a Date for `date`, a number for `number` (NaN when not
 * numeric), the raw value otherwise; null when the issue has none. Search and the sorted indexes both read
 * values through here, so an index can never disagree with a full scan.
 */
export function indexedPropertyValue(
  issue: SimIssue,
  property: Pick<IndexedProperty, 'propertyKey' | 'path' | 'type'>,
  read: PropertyReader = LIVE,
): unknown {
  const value = propertyAt(issue, property.propertyKey, property.path, read);
  if (value === undefined || value === null) return null;
  return property.type === 'date' ? indexedDate(value) : property.type === 'number' ? Number(value) : value;
}
