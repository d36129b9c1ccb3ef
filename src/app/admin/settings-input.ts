import type { ProcessSettings, SettingsSection } from '../../contract/settings';
import type { Settings } from '../../domain/config';
import { deepMerge } from '../../domain/config/deep-merge';
import { isRecord } from '../shared/is-record';
import { MESSAGE_KEYS } from '../../domain/texts/message-keys';
import { regionsInput } from './regions-input';
import { namesInput } from './names-input';

/** A problem found while translating the admin page's settings, with the contract path of the field. */
export interface FieldProblem {
  path: string;
  message: string;
}

type Fragment = Record<string, unknown>;

const splitPeople = (text: string) =>
  text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');

/**
 * One section of the admin page's settings as (part of) the domain's configuration input. `base` supplies what
 * the contract does not carry (the levels of a stored ladder beyond what the page shows).
 */
export function sectionInput<S extends SettingsSection>(
  section: S,
  value: ProcessSettings[S],
  base: Settings,
): { fragment: Fragment } | { problems: FieldProblem[] } {
  const v = value;
  switch (section) {
    case 'names':
      return namesInput(v as ProcessSettings['names']);
    case 'timers': {
      const t = v as ProcessSettings['timers'];
      return {
        fragment: {
          timers: {
            clarification: {
              reminderCount: t.clarificationReminderCount,
              reminderIntervalDays: t.clarificationReminderIntervalDays,
              closeAfterDays: t.clarificationAutoCloseDays,
            },
            resolved: { closeAfterDays: t.resolvedAutoCloseDays },
            // An empty box (null) means no notice: the key is left out and cleared by applyFragment.
            estimate: {
              validWeeks: t.estimateValidityWeeks,
              renewal: {
                mode: t.estimateRenewal.mode,
                accountManagers: splitPeople(t.estimateRenewal.accountManagers),
                linkType: t.estimateRenewal.linkType,
              },
              ...(t.estimateNoticeBeforeDays === null
                ? {}
                : { noticeBeforeDays: t.estimateNoticeBeforeDays }),
            },
          },
          calendar: { mode: t.dayCounting },
        },
      };
    }
    case 'texts': {
      const texts = v as ProcessSettings['texts'];
      return {
        fragment: {
          texts: Object.fromEntries(MESSAGE_KEYS.map((k) => [k, { ...texts[k] }])),
        },
      };
    }
    case 'calendar': {
      const c = v as ProcessSettings['calendar'];
      const country = c.holidayCountry.trim();
      const region = c.holidayRegion?.trim();
      return {
        fragment: {
          calendar: {
            timeZone: c.timeZone,
            holidayRegion: country === '' ? undefined : region ? `${country}-${region}` : country,
            workingDays: c.workingDays,
            extraHolidays: c.extraHolidays,
          },
        },
      };
    }
    case 'regions':
      return regionsInput(v as ProcessSettings['regions']);
    case 'serviceTargets': {
      const targets = v as ProcessSettings['serviceTargets'];
      return {
        fragment: {
          priorities: Object.fromEntries(
            Object.entries(targets).map(([p, t]) => [
              p,
              {
                ...(t.responseMinutes === null ? {} : { responseMinutes: t.responseMinutes }),
                ...(t.restorationMinutes === null ? {} : { restorationMinutes: t.restorationMinutes }),
              },
            ]),
          ),
        },
      };
    }
    case 'onCall': {
      const onCall = v as ProcessSettings['onCall'];
      const target = onCall.target.trim();
      // The domain requires a target for Opsgenie and webhooks; an empty box means "not set", not "".
      return {
        fragment: {
          onCall:
            onCall.mode === 'none' || target === '' ? { mode: onCall.mode } : { mode: onCall.mode, target },
        },
      };
    }
    case 'escalation': {
      const e = v as ProcessSettings['escalation'];
      const people = [
        splitPeople(e.personalContact),
        [...splitPeople(e.teamLeadInternational), ...splitPeople(e.teamLeadDach)],
        splitPeople(e.departmentHead),
        splitPeople(e.customerServicesHead),
        splitPeople(e.board),
      ];
      const levels = people.map((list, i) => {
        const stored = base.escalation.levels.find((l) => l.level === i + 1);
        const label = e.labels[i] ?? stored?.label;
        const level = {
          level: i + 1,
          label: label ? { de: label.de, en: label.en } : { en: `Level ${i + 1}`, de: `Stufe ${i + 1}` },
          people: list,
        };
        if (i !== 1) return level;
        // Level 2 has one team lead per region group (guide §4); the group names stay as stored.
        const group = (name: 'dach' | 'international', listed: string[]) => {
          const groupLabel = stored?.byGroup?.[name].label;
          return groupLabel ? { label: groupLabel, people: listed } : { people: listed };
        };
        return {
          ...level,
          byGroup: {
            international: group('international', splitPeople(e.teamLeadInternational)),
            dach: group('dach', splitPeople(e.teamLeadDach)),
          },
        };
      });
      return {
        fragment: {
          escalation: {
            levels,
            waitHoursBetweenLevels: e.waitHoursBetweenLevels,
            regionGroups: Object.fromEntries(
              e.regionGroups.filter((g) => g.region.trim() !== '').map((g) => [g.region.trim(), g.group]),
            ),
          },
        },
      };
    }
    case 'dryRun':
      return { fragment: { automation: { dryRun: v } } };
    case 'pointsBudgetPerHour':
      return { fragment: { automation: { pointsBudgetPerHour: v } } };
  }
  return { fragment: {} };
}

/** Domain records the admin edits as whole tables: a row removed on the page is removed from the record. */
const REPLACED_RECORDS: readonly (readonly [string, string?])[] = [
  ['regions', 'regions'],
  ['regions', 'organizations'],
  ['languageByOrganization'],
  ['onCall'],
  ['escalation', 'regionGroups'],
];

/**
 * Optional settings the page clears by leaving them out of its fragment: when the fragment carries the
 * parent object without the key, the stored value is removed (a merge alone would keep it).
 */
const CLEARED_WHEN_ABSENT: readonly (readonly [string, string, string])[] = [
  ['timers', 'estimate', 'noticeBeforeDays'],
];

/**
 * Applies a fragment onto a configuration input. Tables (regions, organizations, languages) and the on-call
 * choice replace what is stored instead of being merged into it, so a removed row or target stays removed;
 * an optional setting the fragment leaves out is removed (see {@link CLEARED_WHEN_ABSENT}).
 */
export function applyFragment(input: unknown, fragment: Fragment): Record<string, unknown> {
  const merged = deepMerge(isRecord(input) ? input : {}, fragment) as Record<string, unknown>;
  for (const [key, inner, leaf] of CLEARED_WHEN_ABSENT) {
    const given = fragment[key];
    const stored = merged[key];
    if (!isRecord(given) || !isRecord(given[inner]) || leaf in given[inner]) continue;
    if (!isRecord(stored) || !isRecord(stored[inner])) continue;
    const { [leaf]: _cleared, ...rest } = stored[inner];
    merged[key] = { ...stored, [inner]: rest };
  }
  for (const [key, inner] of REPLACED_RECORDS) {
    const value = fragment[key];
    if (!isRecord(value)) continue;
    if (inner === undefined) merged[key] = value;
    else if (isRecord(value[inner]) && isRecord(merged[key]))
      merged[key] = { ...merged[key], [inner]: value[inner] };
  }
  return merged;
}
