import type { ProjectConfig } from '../../domain/config';
import { KINDS, type Kind } from '../../domain/kinds';
import { STATUSES, type StatusKey } from '../../domain/statuses';
import { keyByName } from '../shared/key-by-name';

/**
 * Maps Jira status and issue type names back to the logical keys of PROCESS.md §2–3 with the project's
 * configured names (`names.statuses`, `names.kinds`). Unknown names map to `undefined`: the ticket is not
 * part of the support process and the sweep leaves it alone.
 */
export interface JiraNames {
  statusKey(statusName: string): StatusKey | undefined;
  kind(issueTypeName: string): Kind | undefined;
}

/**
 * The reverse name maps of one project configuration (case-insensitive, as Jira compares names).
 *
 * @example
 * jiraNames(cfg).statusKey('clarification required / on hold'); // 'clarification'
 */
export function jiraNames(cfg: Pick<ProjectConfig, 'names'>): JiraNames {
  return {
    statusKey: (name) => keyByName(cfg.names.statuses, STATUSES, name) ?? undefined,
    kind: (name) => keyByName(cfg.names.kinds, KINDS, name) ?? undefined,
  };
}
