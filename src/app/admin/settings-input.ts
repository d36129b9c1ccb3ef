import type { ProcessSettings, SettingsSection } from '../../contract/settings';
import type { Settings } from '../../domain/config';
import { deepMerge } from '../../domain/config/deep-merge';
import { isRecord } from '../shared/is-record';
import { MESSAGE_KEYS } from '../../domain/texts/message-keys';
import { regionsInput } from './regions-input';
import { namesInput } from './names-input';
import { escalationInput } from './escalation-input';
import { splitPeople, type Fragment, type SectionResult } from './section-result';

type Translators = {
  [S in SettingsSection]: (value: ProcessSettings[S], base: Settings) => SectionResult;
};

function timersInput(t: ProcessSettings['timers']): SectionResult {
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
          ...(t.estimateNoticeBeforeDays === null ? {} : { noticeBeforeDays: t.estimateNoticeBeforeDays }),
        },
      },
      calendar: { mode: t.dayCounting },
    },
  };
}

function calendarInput(c: ProcessSettings['calendar']): SectionResult {
  const country = c.holidayCountry.trim();
  const region = c.holidayRegion?.trim();
  return {
    fragment: {
      calendar: {
        timeZone: c.timeZone,
        holidayRegion: country === '' ? null : region ? `${country}-${region}` : country,
        workingDays: c.workingDays,
        extraHolidays: c.extraHolidays,
      },
    },
  };
}

/** An empty minutes box (null) means no target for that clock. */
function serviceTargetsInput(targets: ProcessSettings['serviceTargets']): SectionResult {
  const priorities = Object.entries(targets).map(([p, t]) => [
    p,
    {
      ...(t.responseMinutes === null ? {} : { responseMinutes: t.responseMinutes }),
      ...(t.restorationMinutes === null ? {} : { restorationMinutes: t.restorationMinutes }),
    },
  ]);
  return { fragment: { priorities: Object.fromEntries(priorities) } };
}

/** The domain requires a target for Opsgenie and webhooks; an empty box means "not set", not "". */
function onCallInput(onCall: ProcessSettings['onCall']): SectionResult {
  const target = onCall.target.trim();
  return {
    fragment: {
      onCall: onCall.mode === 'none' || target === '' ? { mode: onCall.mode } : { mode: onCall.mode, target },
    },
  };
}

/** Each page section's translation into the domain's configuration input. */
const TRANSLATORS: Translators = {
  names: namesInput,
  timers: timersInput,
  texts: (texts) => ({
    fragment: { texts: Object.fromEntries(MESSAGE_KEYS.map((k) => [k, { ...texts[k] }])) },
  }),
  calendar: calendarInput,
  regions: regionsInput,
  serviceTargets: serviceTargetsInput,
  onCall: onCallInput,
  escalation: escalationInput,
  dryRun: (dryRun) => ({ fragment: { automation: { dryRun } } }),
  pointsBudgetPerHour: (budget) => ({ fragment: { automation: { pointsBudgetPerHour: budget } } }),
};

/**
 * One section of the admin page's settings as (part of) the domain's configuration input. `base` supplies what
 * the contract does not carry (the levels of a stored ladder beyond what the page shows).
 */
export function sectionInput<S extends SettingsSection>(
  section: S,
  value: ProcessSettings[S],
  base: Settings,
): SectionResult {
  const translate = TRANSLATORS[section] as (value: ProcessSettings[S], base: Settings) => SectionResult;
  return translate(value, base);
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
 * an optional setting the fragment leaves out is removed (see {@link CLEARED_WHEN_ABSENT}). No holiday country is
 * stored as a `null` holiday region, which a merge keeps and which, in a project's override, replaces the site's.
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
