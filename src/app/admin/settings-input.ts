import type { ProcessSettings, SettingsSection } from '../../contract/settings';
import type { Settings } from '../../domain/config';
import { deepMerge } from '../../domain/config/deep-merge';
import { isRecord } from '../panel/field-values';
import { DOMAIN_MESSAGE_KEY } from './message-key-map';
import { CONTRACT_MESSAGE_KEYS } from './settings-payload-schema';
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
 * the contract does not carry (ladder labels, a region's time zone and holiday calendar).
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
          texts: Object.fromEntries(
            CONTRACT_MESSAGE_KEYS.map((k) => [DOMAIN_MESSAGE_KEY[k], { ...texts[k] }]),
          ),
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
    case 'regions': {
      const list = v as ProcessSettings['regions'];
      const problems = list.flatMap((r, i) =>
        r.region.trim() === ''
          ? [{ path: `regions.${i}.region`, message: `regions.${i}.region: must name the region` }]
          : list.findIndex((o) => o.region.trim() === r.region.trim()) !== i
            ? [{ path: `regions.${i}.region`, message: `regions.${i}.region: "${r.region}" is listed twice` }]
            : [],
      );
      if (problems.length > 0) return { problems };
      const regions = Object.fromEntries(
        list.map((r) => {
          const existing = base.regions.regions[r.region.trim()];
          return [
            r.region.trim(),
            {
              securityLevel: r.securityLevel,
              timeZone: existing?.timeZone ?? base.calendar.timeZone,
              holidayRegion: existing?.holidayRegion ?? base.calendar.holidayRegion ?? '',
            },
          ];
        }),
      );
      return { fragment: { regions: { regions } } };
    }
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
      if (onCall.type === 'none') return { fragment: { onCall: { mode: 'none' } } };
      return {
        problems: [
          {
            path: 'onCall',
            message: `onCall: alerting ${onCall.type === 'user' ? 'a Jira user' : 'an e-mail address'} is not supported; the on-call duty is reached through an Opsgenie team or a webhook`,
          },
        ],
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

/**
 * Applies a fragment onto a configuration input. Records that the admin edits as lists (the regions) replace
 * the stored record, so a region removed on the page is removed from the configuration.
 */
export function applyFragment(input: unknown, fragment: Fragment): Record<string, unknown> {
  const merged = deepMerge(isRecord(input) ? input : {}, fragment) as Record<string, unknown>;
  const regions = fragment.regions;
  if (isRecord(regions) && isRecord(regions.regions) && isRecord(merged.regions)) {
    merged.regions = { ...merged.regions, regions: regions.regions };
  }
  return merged;
}
