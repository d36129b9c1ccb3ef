import type { Kind } from '../kinds';
import { PRIORITY_CATALOGUE, type Priority } from './priority-catalogue';

/**
 * Whether `priority` contradicts the guide's table for `kind` (guide §3.1, PROCESS.md §5): P1/P2 are availability
 * priorities of a Non-Software Defect, so they do not fit a Software Defect. Only a Software Defect can mismatch;
 * a missing priority never does.
 *
 * @example
 * priorityMismatch('softwareDefect', 'P1'); // true
 * priorityMismatch('nonSoftwareDefect', 'P1'); // false
 */
export function priorityMismatch(kind: Kind | undefined, priority: Priority | undefined): boolean {
  if (kind !== 'softwareDefect' || priority === undefined) return false;
  const kinds: readonly Kind[] = PRIORITY_CATALOGUE[priority].kinds;
  return !kinds.includes(kind);
}
