import type { JiraField } from '../ports/jira';
import { textValue } from '../shared/field-values';
import { isRecord } from '../shared/is-record';

/**
 * Reading Jira field values in their REST shapes. Sites name fields their own way, so the app finds a field's
 * id by its configured name; a name that matches no field (or several) yields `undefined`, which the panel
 * shows as "not set" and the admin health check reports.
 */

/** Field ids by configured role, for the roles whose name matches exactly one field (case-insensitive). */
export function fieldIdsByName<R extends string>(
  fields: readonly JiraField[],
  names: Readonly<Record<R, string>>,
): Partial<Record<R, string>> {
  const ids: Partial<Record<R, string>> = {};
  for (const role of Object.keys(names) as R[]) {
    const wanted = names[role].trim().toLowerCase();
    const matches = fields.filter((f) => f.name.trim().toLowerCase() === wanted);
    if (matches.length === 1 && matches[0]) ids[role] = matches[0].id;
  }
  return ids;
}

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
