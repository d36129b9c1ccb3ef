import type { Field } from '@atlaskit/jql-ast';

/**
 * The name string handed to `resolveField` for a parsed field:
 * - plain and quoted names without quotes, as written: `status`, `issuetype`, `Delivery version`, `processNextDue`;
 * - custom field ids as written: `cf[10100]`;
 * - entity properties as `issue.property[<key>].<path>` with the key unquoted and the path dot-joined:
 *   `issue.property[jsm-process-state].nextDueAt` (also for `issue.property["jsm-process-state"].nextDueAt`).
 */
export function fieldNameOf(field: Field): string {
  const property = field.properties?.[0];
  if (!property) return field.value;
  const key = property.key?.value ?? '';
  const path = (property.path ?? [])
    .map((p) => p.value.replace(/^\./, ''))
    .filter((p) => p !== '')
    .join('.');
  return path === '' ? `${field.value}[${key}]` : `${field.value}[${key}].${path}`;
}
