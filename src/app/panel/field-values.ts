import { textValue } from '../shared/field-values';
import { isRecord } from '../shared/is-record';

/** Reading Jira field values in their REST shapes. */

/** A date picker value `YYYY-MM-DD`; `null` when empty or not a date. */
export function dateValue(value: unknown): string | null {
  const text = textValue(value) ?? null;
  return text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
}

/** Names of the JSM organizations a ticket is shared with (`sd-customer-organizations` field). */
export function organizationNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.name === 'string' ? [item.name] : [],
  );
}

/** `{ name }` of a status, priority, issue type or security level; `null` when absent. */
export function nameOf(value: unknown): string | null {
  return isRecord(value) && typeof value.name === 'string' ? value.name : null;
}
