import type { Settings } from '../config/settings-schema';
import type { Kind } from '../kinds';
import { PRIORITISED_KINDS, PRIORITY_CATALOGUE, PRIORITIES, type Priority } from './priority-catalogue';

/**
 * Whether `priority` contradicts the guide's table for `kind`: P1/P2 are availability priorities of a
 * Non-Software Defect, so they do not fit a Software Defect (guide §3.1). Kinds without priorities (and an
 * unknown priority) never mismatch.
 *
 * @example
 * priorityMismatch('softwareDefect', 'P1'); // true
 * priorityMismatch('nonSoftwareDefect', 'P1'); // false
 */
export function priorityMismatch(kind: Kind, priority: Priority | undefined): boolean {
  if (priority === undefined || !(PRIORITISED_KINDS as readonly Kind[]).includes(kind)) return false;
  const kinds: readonly Kind[] = PRIORITY_CATALOGUE[priority].kinds;
  return !kinds.includes(kind);
}

/**
 * The guide priority a Jira priority name stands for (`names.priorities`, compared case-insensitively).
 *
 * @example
 * priorityFromName(cfg, 'p1'); // 'P1' with the default names (case-insensitive)
 */
export function priorityFromName(
  cfg: Pick<Settings, 'names'>,
  jiraName: string | undefined,
): Priority | undefined {
  if (jiraName === undefined) return undefined;
  const wanted = jiraName.trim().toLowerCase();
  return PRIORITIES.find((p) => cfg.names.priorities[p].toLowerCase() === wanted);
}
