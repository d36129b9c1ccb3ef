import type { IssueLinkRef } from '../../domain/ticket';
import { isRecord } from './is-record';

/**
 * Readers for Jira field values in their REST read shapes. Each returns `undefined` for an empty or unexpected
 * value, so a site whose field has a different type degrades to "not set" instead of failing the event.
 */

const record = (value: unknown): Record<string, unknown> | undefined => (isRecord(value) ? value : undefined);

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The one reader for a field's value as text, used by events, sweep and panel alike: a text or date field, a
 * number, a select option (`{ value }`), a version or named bean (`{ name }`), or the first of a multi-value
 * field. Trimmed; `undefined` when empty, so "not set" reads the same everywhere (the panel shows it as `null`).
 *
 * @example
 * textValue({ value: ' Yes ' }); // 'Yes'
 * textValue([{ name: '2.4.0' }]); // '2.4.0'
 * textValue(''); // undefined
 */
export function textValue(value: unknown): string | undefined {
  if (typeof value === 'string') return nonEmpty(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return textValue(value[0]);
  const r = record(value);
  return r ? (nonEmpty(r.value) ?? nonEmpty(r.name)) : undefined;
}

/**
 * A date picker value `YYYY-MM-DD`; `undefined` when empty or not a date.
 *
 * @example
 * dateValue('2026-12-15'); // '2026-12-15'
 * dateValue('soon'); // undefined
 */
export function dateValue(value: unknown): string | undefined {
  const text = textValue(value);
  return text !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
}

/** Jira writes `2026-11-27T10:00:00.000+0000`, which `Date.parse` does not accept without the colon. */
export function parseJiraTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * A Jira date-time as an ISO instant; `undefined` when absent or unreadable.
 *
 * @example
 * instantOf('2026-11-27T10:00:00.000+0100'); // '2026-11-27T09:00:00.000Z'
 */
export function instantOf(value: unknown): string | undefined {
  const ms = parseJiraTime(value);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** `{ id, name }` beans (status, issue type, priority, security level). */
export function namedRef(value: unknown): { id: string; name: string } | undefined {
  const r = record(value);
  const id = r?.id;
  const name = r?.name;
  return typeof id === 'string' && typeof name === 'string' ? { id, name } : undefined;
}

/** A user reference's account id. */
export function accountIdOf(value: unknown): string | undefined {
  return nonEmpty(record(value)?.accountId);
}

/** A user reference's account type (`atlassian`, `customer`, `app`), when Jira gave it. */
export function accountTypeOf(value: unknown): string | undefined {
  return nonEmpty(record(value)?.accountType);
}

/**
 * The JSM organizations field: `[{ id, name }]`. The field's REST shape is not in Jira's published schema, so an
 * id sent as a number is read as its text.
 */
export function organizationsOf(value: unknown): { id: string; name: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const r = record(item);
    const id = typeof r?.id === 'number' ? String(r.id) : r?.id;
    const name = r?.name;
    return typeof id === 'string' && typeof name === 'string' ? [{ id, name }] : [];
  });
}

/** The JSM request type field (`vp-origin`): `{ requestType: { name } }`. */
export function requestTypeName(value: unknown): string | undefined {
  return nonEmpty(record(record(value)?.requestType)?.name);
}

/** Parses `fields.issuelinks`; each element carries only the other side (jira-rest-api §5). */
export function issueLinksOf(value: unknown): IssueLinkRef[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): IssueLinkRef[] => {
    const link = record(item);
    const typeName = nonEmpty(record(link?.type)?.name);
    const outwardIssue = record(link?.outwardIssue);
    const other = outwardIssue ?? record(link?.inwardIssue);
    const id = link?.id;
    if (!link || typeof id !== 'string' || !typeName || !other) return [];
    const otherId = other.id;
    const otherKey = other.key;
    if (typeof otherId !== 'string' || typeof otherKey !== 'string') return [];
    const fields = record(other.fields);
    const summary = nonEmpty(fields?.summary);
    const status = namedRef(fields?.status)?.name;
    const type = namedRef(fields?.issuetype)?.name;
    return [
      {
        id,
        typeName,
        // `outwardIssue` present means the other issue is the destination, so this issue is the source.
        direction: outwardIssue ? 'outward' : 'inward',
        otherId,
        otherKey,
        ...(summary !== undefined ? { otherSummary: summary } : {}),
        ...(status !== undefined ? { otherStatusName: status } : {}),
        ...(type !== undefined ? { otherTypeName: type } : {}),
      },
    ];
  });
}
