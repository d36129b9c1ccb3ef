import type { Kind } from '../kinds';
import type { Localized } from '../texts/message-keys';

/** The guide's four priorities (guide §3.1 table). */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;

/** One guide priority. */
export type Priority = (typeof PRIORITIES)[number];

/** What a priority means and to which kinds it applies. */
export interface PriorityInfo {
  readonly category: 'systemAvailability' | 'softwareUsability';
  readonly severity: Localized;
  readonly meaning: Localized;
  readonly kinds: readonly Kind[];
}

/**
 * The priority table of guide §3.1 (PROCESS.md §5). P1/P2 are availability priorities of a Non-Software
 * Defect; P3/P4 apply to both defect kinds.
 */
export const PRIORITY_CATALOGUE = {
  P1: {
    category: 'systemAvailability',
    severity: { de: 'kritischer Fehler', en: 'critical' },
    meaning: {
      de: 'Auf die Systemumgebung kann nicht zugegriffen werden, oder Probleme mit der Systemumgebung verhindern ihre Nutzung.',
      en: 'The system environment cannot be reached, or problems with it prevent its use.',
    },
    kinds: ['nonSoftwareDefect'],
  },
  P2: {
    category: 'systemAvailability',
    severity: { de: 'kritischer Fehler', en: 'critical' },
    meaning: {
      de: 'Störung, die einen Ausfall des gesamten Systems oder wesentlicher Teile davon verursacht, so dass eine Nutzung ganz oder nahezu vollständig unmöglich ist; eine sofortige Abhilfe ist unumgänglich.',
      en: 'A fault takes down the whole system or essential parts; use is impossible or nearly so; immediate remedy is unavoidable.',
    },
    kinds: ['nonSoftwareDefect'],
  },
  P3: {
    category: 'softwareUsability',
    severity: { de: 'wesentlicher Fehler', en: 'major' },
    meaning: {
      de: 'Die Nutzung ist so beeinträchtigt, dass vernünftiges Arbeiten nicht mehr oder nur mit unverhältnismäßig großem Aufwand möglich ist; eine vorübergehende Umgehung existiert.',
      en: 'Use is impaired so much that sensible work is impossible or disproportionately hard; a temporary workaround exists.',
    },
    kinds: ['softwareDefect', 'nonSoftwareDefect'],
  },
  P4: {
    category: 'softwareUsability',
    severity: { de: 'leichter Fehler', en: 'minor' },
    meaning: {
      de: 'Sonstige Störung, die die Nutzung nicht oder nur unwesentlich beeinträchtigt.',
      en: 'Any other fault that impairs use not at all or only slightly.',
    },
    kinds: ['softwareDefect', 'nonSoftwareDefect'],
  },
} as const satisfies Record<Priority, PriorityInfo>;

/** Kinds that carry a priority at all (guide §3.1: "Priorities apply to Software Defect and Non-Software Defect"). */
export const PRIORITISED_KINDS = ['softwareDefect', 'nonSoftwareDefect'] as const satisfies readonly Kind[];
