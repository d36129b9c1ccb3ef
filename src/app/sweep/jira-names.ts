import type { ProjectConfig } from '../../domain/config';
import { KINDS, type Kind } from '../../domain/kinds';
import { STATUSES, type StatusKey } from '../../domain/statuses';

/** Jira compares status and issue type names case-insensitively; so does the app. */
function normal(name: string): string {
  return name.trim().toLowerCase();
}

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
 * Builds the reverse name maps of one project configuration.
 *
 * @example
 * jiraNames(cfg).statusKey('clarification required / on hold'); // 'clarification'
 */
export function jiraNames(cfg: Pick<ProjectConfig, 'names'>): JiraNames {
  const statuses = new Map(STATUSES.map((key) => [normal(cfg.names.statuses[key]), key]));
  const kinds = new Map(KINDS.map((key) => [normal(cfg.names.kinds[key]), key]));
  return {
    statusKey: (name) => statuses.get(normal(name)),
    kind: (name) => kinds.get(normal(name)),
  };
}
