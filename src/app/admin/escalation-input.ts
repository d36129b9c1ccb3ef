import type { ProcessSettings } from '../../contract/settings';
import type { Settings } from '../../domain/config';
import { splitPeople, type SectionResult } from './section-result';

type Escalation = ProcessSettings['escalation'];
type StoredLevel = Settings['escalation']['levels'][number];

/** The page's ladder as five lists of people, in level order; level 2 holds both team leads. */
function peopleByLevel(e: Escalation): string[][] {
  return [
    splitPeople(e.personalContact),
    [...splitPeople(e.teamLeadInternational), ...splitPeople(e.teamLeadDach)],
    splitPeople(e.departmentHead),
    splitPeople(e.customerServicesHead),
    splitPeople(e.board),
  ];
}

/** Level 2 has one team lead per region group (guide §4); the group names stay as stored. */
function byGroup(e: Escalation, stored: StoredLevel | undefined) {
  const group = (name: 'dach' | 'international', listed: string[]) => {
    const groupLabel = stored?.byGroup?.[name].label;
    return groupLabel ? { label: groupLabel, people: listed } : { people: listed };
  };
  return {
    international: group('international', splitPeople(e.teamLeadInternational)),
    dach: group('dach', splitPeople(e.teamLeadDach)),
  };
}

/**
 * The page's escalation section as the domain's `escalation`. `base` supplies what the page does not carry:
 * the names of a stored ladder's levels it shows no box for and the level-2 group names.
 */
export function escalationInput(e: Escalation, base: Settings): SectionResult {
  const levels = peopleByLevel(e).map((people, i) => {
    const stored = base.escalation.levels.find((l) => l.level === i + 1);
    const label = e.labels[i] ?? stored?.label;
    const level = {
      level: i + 1,
      label: label ? { de: label.de, en: label.en } : { en: `Level ${i + 1}`, de: `Stufe ${i + 1}` },
      people,
    };
    return i === 1 ? { ...level, byGroup: byGroup(e, stored) } : level;
  });
  const regionGroups = e.regionGroups
    .filter((g) => g.region.trim() !== '')
    .map((g) => [g.region.trim(), g.group] as const);
  return {
    fragment: {
      escalation: {
        levels,
        waitHoursBetweenLevels: e.waitHoursBetweenLevels,
        regionGroups: Object.fromEntries(regionGroups),
      },
    },
  };
}
