import type { ProjectConfig } from '../../domain/config';
import { KINDS, type Kind } from '../../domain/kinds';
import { PRIORITIES, type Priority } from '../../domain/priorities/priority-catalogue';
import { STATUSES, type StatusKey } from '../../domain/statuses';

// Jira compares status, type and priority names case-insensitively; so does the configuration check.
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The logical kind of a Jira issue type name, `undefined` for types the app does not manage. */
export function kindOfTypeName(config: ProjectConfig, typeName: string | undefined): Kind | undefined {
  return typeName === undefined ? undefined : KINDS.find((k) => same(config.names.kinds[k], typeName));
}

/** The logical status of a Jira status name, `undefined` for statuses outside the process. */
export function statusOfName(config: ProjectConfig, statusName: string | undefined): StatusKey | undefined {
  return statusName === undefined
    ? undefined
    : STATUSES.find((s) => same(config.names.statuses[s], statusName));
}

/** The guide priority (P1..P4) of a Jira priority name. */
export function priorityOfName(
  config: ProjectConfig,
  priorityName: string | undefined,
): Priority | undefined {
  return priorityName === undefined
    ? undefined
    : PRIORITIES.find((p) => same(config.names.priorities[p], priorityName));
}

/** Whether a select value equals the configured option (`names.fieldValues`), e.g. Yes / Production. */
export function isOption(
  config: ProjectConfig,
  value: string | undefined,
  option: keyof ProjectConfig['names']['fieldValues'],
): boolean {
  return value !== undefined && same(config.names.fieldValues[option], value);
}
