/**
 * A JQL string literal: Jira accepts double quotes with `\"` and `\\` escapes.
 *
 * @example
 * jqlString('Say "hi"'); // '"Say \\"hi\\""'
 */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * `cf[10002]` for `customfield_10002`: the JQL clause of a custom field by its id, whatever its name.
 *
 * @example
 * customFieldClause('customfield_10002'); // 'cf[10002]'
 * customFieldClause('priority'); // undefined
 */
export function customFieldClause(fieldId: string): string | undefined {
  const number = /^customfield_(\d+)$/.exec(fieldId)?.[1];
  return number === undefined ? undefined : `cf[${number}]`;
}

/**
 * JSM's clause for requests raised by e-mail. Jira exposes the channel only to JQL: no field or documented property
 * carries it.
 */
export const EMAIL_CHANNEL_CLAUSE = '"request-channel-type" = email';
