import type { ProjectConfig } from '../../domain/config';
import { KINDS, type Kind } from '../../domain/kinds';
import { PRIORITIES, type Priority } from '../../domain/priorities/priority-catalogue';
import { STATUSES, type StatusKey } from '../../domain/statuses';
import { keyByName } from '../shared/key-by-name';

// Jira compares status, type and priority names case-insensitively; so does the configuration check.
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The logical kind of a Jira issue type name, `undefined` for types the app does not manage. */
export function kindOfTypeName(config: ProjectConfig, typeName: string | undefined): Kind | undefined {
  return keyByName(config.names.kinds, KINDS, typeName) ?? undefined;
}

/** The logical status of a Jira status name, `undefined` for statuses outside the process. */
export function statusOfName(config: ProjectConfig, statusName: string | undefined): StatusKey | undefined {
  return keyByName(config.names.statuses, STATUSES, statusName) ?? undefined;
}

/** The guide priority (P1..P4) of a Jira priority name. */
export function priorityOfName(
  config: ProjectConfig,
  priorityName: string | undefined,
): Priority | undefined {
  return keyByName(config.names.priorities, PRIORITIES, priorityName) ?? undefined;
}

/** Whether a select value equals the configured option (`names.fieldValues`), e.g. Yes / Production. */
export function isOption(
  config: ProjectConfig,
  value: string | undefined,
  option: keyof ProjectConfig['names']['fieldValues'],
): boolean {
  return value !== undefined && same(config.names.fieldValues[option], value);
}
