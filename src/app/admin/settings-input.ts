import type { ProcessSettings, SettingsSection } from '../../contract/settings';
import type { Settings } from '../../domain/config';
import { deepMerge } from '../../domain/config/deep-merge';
import { isRecord } from '../shared/is-record';
import { MESSAGE_KEYS } from '../../domain/texts/message-keys';
import { regionsInput } from './regions-input';
import { REGION_SOURCE_FIELD } from './settings-view';

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
 * the contract does not carry (the escalation ladder's labels).
 */
export function sectionInput<S extends SettingsSection>(
  section: S,
  value: ProcessSettings[S],
  base: Settings,
): { fragment: Fragment } | { problems: FieldProblem[] } {
  const v = value;
  switch (section) {
    case 'names': {
      const names = v as ProcessSettings['names'];
      if (names.fields.region.trim().toLowerCase() !== REGION_SOURCE_FIELD.toLowerCase()) {
        return {
          problems: [
            {
              path: 'names.fields.region',
              message: `names.fields.region: the region comes from the ticket's JSM organization (field "${REGION_SOURCE_FIELD}"); map organizations to regions instead`,
            },
          ],
        };
      }
      const { region: _region, ...fields } = names.fields;
      return {
        fragment: {
          names: {
            kinds: names.kinds,
            statuses: names.statuses,
            fields,
            deliveryLinkType: { name: names.deliveryLinkType },
          },
        },
      };
    }
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
            estimate: { validWeeks: t.estimateValidityWeeks },
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
        const existing = base.escalation.levels.find((l) => l.level === i + 1);
        return {
          level: i + 1,
          label: existing?.label ?? { en: `Level ${i + 1}`, de: `Stufe ${i + 1}` },
          people: list,
        };
      });
      return { fragment: { escalation: { levels } } };
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
];

/**
 * Applies a fragment onto a configuration input. Tables (regions, organizations, languages) and the on-call
 * choice replace what is stored instead of being merged into it, so a removed row or target stays removed.
 */
export function applyFragment(input: unknown, fragment: Fragment): Record<string, unknown> {
  const merged = deepMerge(isRecord(input) ? input : {}, fragment) as Record<string, unknown>;
  for (const [key, inner] of REPLACED_RECORDS) {
    const value = fragment[key];
    if (!isRecord(value)) continue;
    if (inner === undefined) merged[key] = value;
    else if (isRecord(value[inner]) && isRecord(merged[key]))
      merged[key] = { ...merged[key], [inner]: value[inner] };
  }
  return merged;
}
