import type { Settings } from './config/settings-schema';
import { KINDS, type Kind } from './kinds';
import { PRIORITIES, type Priority } from './priorities/priority-catalogue';
import { STATUSES, type StatusKey } from './statuses';

/**
 * One mapping between the site's Jira names and the logical keys of PROCESS.md (kinds, statuses, priorities,
 * select options). Jira compares status, type and priority names case-insensitively and ignores surrounding
 * blanks; so does the app.
 */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The logical key (kind, status, priority, …) whose configured Jira name equals `name`. Jira compares status,
 * type and priority names case-insensitively and ignores surrounding blanks; so does the app. `null` when no
 * key is configured with that name (the ticket or status is outside the process).
 *
 * @example
 * keyByName(cfg.names.statuses, STATUSES, 'resolved '); // 'resolved'
 */
export function keyByName<K extends string>(
  names: Readonly<Record<K, string>>,
  keys: readonly K[],
  name: string | null | undefined,
): K | null {
  if (name === null || name === undefined) return null;
  return keys.find((key) => sameName(names[key], name)) ?? null;
}

/** The names a mapping reads: the project's configured Jira names (`names.*`). */
type Names = Pick<Settings, 'names'>;

/** The logical kind of a Jira issue type name, `undefined` for types the app does not manage. */
export function kindOfTypeName(config: Names, typeName: string | null | undefined): Kind | undefined {
  return keyByName(config.names.kinds, KINDS, typeName) ?? undefined;
}

/** The logical status of a Jira status name, `undefined` for statuses outside the process. */
export function statusOfName(config: Names, statusName: string | null | undefined): StatusKey | undefined {
  return keyByName(config.names.statuses, STATUSES, statusName) ?? undefined;
}

/** The guide priority (P1..P4) of a Jira priority name, `undefined` for names the site did not map. */
export function priorityOfName(config: Names, priorityName: string | null | undefined): Priority | undefined {
  return keyByName(config.names.priorities, PRIORITIES, priorityName) ?? undefined;
}

/**
 * Whether a select value equals the configured option (`names.fieldValues`), e.g. Yes / Production, compared
 * as Jira compares names.
 *
 * @example
 * isOption(cfg, ' production', 'production'); // true with the default names
 */
export function isOption(
  config: Names,
  value: string | null | undefined,
  option: keyof Settings['names']['fieldValues'],
): boolean {
  return value !== undefined && value !== null && sameName(config.names.fieldValues[option], value);
}
