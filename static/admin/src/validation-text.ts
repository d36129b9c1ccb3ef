import type { SettingsError } from '../../../src/contract/resolvers';
import type { AdminMessages } from './messages';
import type { FieldEntry } from './fields';

/**
 * What is wrong with a field, in the user's language: a plain limit from its rule, else the server's sentence
 * without the setting's path in front.
 */
export function problemText(m: AdminMessages, error: SettingsError): string {
  const rule = error.rule;
  if (rule?.kind === 'tooSmall') return m.validation.tooSmall(rule.limit);
  if (rule?.kind === 'tooBig') return m.validation.tooBig(rule.limit);
  if (rule?.kind === 'empty') return m.validation.empty;
  if (rule?.kind === 'invalid') return m.validation.invalid;
  if (rule?.kind === 'httpsUrl') return m.validation.httpsUrl;
  if (rule?.kind === 'egress') return m.validation.egress(rule.hosts);
  const prefix = `${error.path}: `;
  return error.path !== '' && error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message;
}

/** The field's label as the summary names it; a row of a table adds its number ("Time zone, row 2"). */
export function fieldName(m: AdminMessages, path: string, field: FieldEntry | undefined): string | null {
  if (!field) return null;
  const row = /\.(\d+)\.[^.]+$/.exec(path)?.[1];
  return row === undefined ? field.label : m.validation.row(field.label, Number(row) + 1);
}
