import type { PriorityView } from '../../contract/panel-view';
import type { Kind } from '../../domain/kinds';
import {
  PRIORITISED_KINDS,
  PRIORITY_CATALOGUE,
  type Priority,
} from '../../domain/priorities/priority-catalogue';

/**
 * Priority with category and meaning (guide §3.1). Priorities apply to the two defect kinds only; P1/P2 are
 * system-availability priorities of a Non-Software Defect, so on an open Software Defect they are a mismatch.
 *
 * @example
 * priorityView('softwareDefect', 'P1'); // { state: 'set', level: 'P1', mismatch: true, … }
 */
export function priorityView(kind: Kind, level: Priority | null, done = false): PriorityView {
  if (!(PRIORITISED_KINDS as readonly Kind[]).includes(kind)) return { state: 'notApplicable' };
  if (level === null) return { state: 'notSet' };
  const info = PRIORITY_CATALOGUE[level];
  return {
    state: 'set',
    level,
    label: { en: info.severity.en, de: info.severity.de },
    category: info.category,
    meaning: { en: info.meaning.en, de: info.meaning.de },
    // A done ticket raises no alarms: the mismatch matters while someone can still change the priority.
    mismatch: !done && !(info.kinds as readonly Kind[]).includes(kind),
  };
}
