import type { z } from 'zod';
import { isKnownHolidayRegion } from '../calendar/holiday-regions';
import { hasOwnKey } from '../own-property';
import { webhookUrlProblem, type WebhookRule } from '../service/on-call-webhook';
import { MESSAGE_KEYS } from '../texts/message-keys';
import { unknownPlaceholders } from '../texts/placeholders';
import { filledLength, JIRA_COMMENT_MAX } from '../texts/text-limits';
import type { namesSchema } from './names-schema';
import type { calendarSchema, timersSchema } from './timers-schema';
import type { textsSchema } from './texts-schema';
import type { escalationSchema, onCallSchema, regionsSchema } from './service-schema';

interface CheckedSettings {
  names: z.output<typeof namesSchema>;
  timers: z.output<typeof timersSchema>;
  calendar: z.output<typeof calendarSchema>;
  texts: z.output<typeof textsSchema>;
  regions: z.output<typeof regionsSchema>;
  onCall: z.output<typeof onCallSchema>;
  escalation: z.output<typeof escalationSchema>;
}

/**
 * Which rule between settings a value broke, with the figures its sentence names, so a page can say it in the
 * user's language. The `message` stays the English sentence for logs and API callers.
 */
export type ConsistencyRule =
  | {
      kind: 'closeBeforeLastReminder';
      reminders: number;
      everyDays: number;
      lastReminderDay: number;
      closeDay: number;
    }
  | { kind: 'noticeBeforeEstimate'; noticeDays: number; validWeeks: number }
  | { kind: 'nobodyToNotify' }
  | { kind: 'nameTwice'; name: string; keys: string[] }
  | { kind: 'unknownHolidayRegion'; region: string }
  | { kind: 'weekdayTwice' }
  | { kind: 'unknownRegion'; region: string }
  | { kind: 'targetRequired'; mode: string }
  | { kind: 'levelOrder'; level: number }
  | { kind: 'textTooLong'; length: number; max: number }
  | { kind: 'unknownPlaceholders'; names: string[] };

/** A contradiction on `path`, with the rule the page words in the user's language (see `parseConfig`). */
type Issue = { path: (string | number)[]; message: string; rule: ConsistencyRule | WebhookRule };

/** Groups of keys mapped to the same name; Jira compares status and type names case-insensitively. */
function duplicates(names: Record<string, string>): [string, string[]][] {
  const byName = new Map<string, [string, string[]]>();
  for (const [key, name] of Object.entries(names)) {
    const normal = name.trim().toLowerCase();
    const [shown, keys] = byName.get(normal) ?? [name, []];
    byName.set(normal, [shown, [...keys, key]]);
  }
  return [...byName.values()].filter(([, keys]) => keys.length > 1);
}

function* timerIssues(s: CheckedSettings): Generator<Issue> {
  const c = s.timers.clarification;
  const lastReminder = c.reminderCount * c.reminderIntervalDays;
  if (lastReminder >= c.closeAfterDays) {
    yield {
      path: ['timers', 'clarification', 'closeAfterDays'],
      message:
        `${c.reminderCount} reminders every ${c.reminderIntervalDays} days end on day ${lastReminder}, ` +
        `so closing on day ${c.closeAfterDays} would come before or with the last reminder`,
      rule: {
        kind: 'closeBeforeLastReminder',
        reminders: c.reminderCount,
        everyDays: c.reminderIntervalDays,
        lastReminderDay: lastReminder,
        closeDay: c.closeAfterDays,
      },
    };
  }
  const e = s.timers.estimate;
  if (e.noticeBeforeDays !== undefined && e.noticeBeforeDays >= e.validWeeks * 7) {
    yield {
      path: ['timers', 'estimate', 'noticeBeforeDays'],
      message: `a notice ${e.noticeBeforeDays} days before expiry would come before the estimate is made (valid ${e.validWeeks} weeks)`,
      rule: { kind: 'noticeBeforeEstimate', noticeDays: e.noticeBeforeDays, validWeeks: e.validWeeks },
    };
  }
}

function* renewalIssues(s: CheckedSettings): Generator<Issue> {
  const renewal = s.timers.estimate.renewal;
  if (renewal.mode === 'accountManagerNote' && renewal.accountManagers.length === 0) {
    yield {
      path: ['timers', 'estimate', 'renewal', 'accountManagers'],
      message: 'lists nobody, so a note to the account managers would reach no one',
      rule: { kind: 'nobodyToNotify' },
    };
  }
}

function* nameIssues(s: CheckedSettings): Generator<Issue> {
  const { yes, no, production, nonProduction } = s.names.fieldValues;
  for (const [group, names] of [
    ['kinds', s.names.kinds],
    ['statuses', s.names.statuses],
    // Two guide priorities on one Jira priority would make P1..P4 ambiguous (PROCESS.md §5).
    ['priorities', s.names.priorities],
    // The option pairs the app tells apart (Confidential? Yes/No, Affected system Production/Non-Production).
    ['fieldValues', { yes, no }],
    ['fieldValues', { production, nonProduction }],
  ] as const) {
    for (const [name, keys] of duplicates(names)) {
      yield {
        path: ['names', group, keys[1] ?? ''],
        message: `the name "${name}" is used for ${keys.join(' and ')}; each must map to its own Jira name`,
        rule: { kind: 'nameTwice', name, keys },
      };
    }
  }
}

function* calendarIssues(s: CheckedSettings): Generator<Issue> {
  const { holidayRegion } = s.calendar;
  if (holidayRegion !== undefined && !isKnownHolidayRegion(holidayRegion)) {
    yield {
      path: ['calendar', 'holidayRegion'],
      message: `"${holidayRegion}" is not a known holiday region`,
      rule: { kind: 'unknownHolidayRegion', region: holidayRegion },
    };
  }
  if (new Set(s.calendar.workingDays).size !== s.calendar.workingDays.length) {
    yield {
      path: ['calendar', 'workingDays'],
      message: 'lists a weekday twice',
      rule: { kind: 'weekdayTwice' },
    };
  }
}

function* regionIssues(s: CheckedSettings): Generator<Issue> {
  const { regions, organizations, defaultRegion } = s.regions;
  if (!hasOwnKey(regions, defaultRegion)) {
    yield {
      path: ['regions', 'defaultRegion'],
      message: `"${defaultRegion}" is not one of the configured regions`,
      rule: { kind: 'unknownRegion', region: defaultRegion },
    };
  }
  for (const [organization, region] of Object.entries(organizations)) {
    if (!hasOwnKey(regions, region)) {
      yield {
        path: ['regions', 'organizations', organization],
        message: `region "${region}" is not one of the configured regions`,
        rule: { kind: 'unknownRegion', region },
      };
    }
  }
  for (const [id, region] of Object.entries(regions)) {
    if (!isKnownHolidayRegion(region.holidayRegion)) {
      yield {
        path: ['regions', 'regions', id, 'holidayRegion'],
        message: `"${region.holidayRegion}" is not a known holiday region`,
        rule: { kind: 'unknownHolidayRegion', region: region.holidayRegion },
      };
    }
  }
}

function* serviceIssues(s: CheckedSettings): Generator<Issue> {
  if (s.onCall.mode !== 'none' && s.onCall.target === undefined) {
    yield {
      path: ['onCall', 'target'],
      message: `is required when on-call mode is "${s.onCall.mode}"`,
      rule: { kind: 'targetRequired', mode: s.onCall.mode },
    };
  }
  const webhook =
    s.onCall.mode === 'webhook' && s.onCall.target !== undefined
      ? webhookUrlProblem(s.onCall.target)
      : undefined;
  if (webhook) yield { path: ['onCall', 'target'], ...webhook };
  for (const [index, level] of s.escalation.levels.entries()) {
    if (level.level !== index + 1) {
      yield {
        path: ['escalation', 'levels', index, 'level'],
        message: `must be ${index + 1}: levels are listed in order 1, 2, 3 … without gaps`,
        rule: { kind: 'levelOrder', level: index + 1 },
      };
    }
  }
}

function* textIssues(s: CheckedSettings): Generator<Issue> {
  for (const key of MESSAGE_KEYS) {
    for (const language of ['de', 'en'] as const) {
      const text = s.texts[key][language];
      const filled = filledLength(text);
      if (filled > JIRA_COMMENT_MAX) {
        yield {
          path: ['texts', key, language],
          message: `is ${filled.toLocaleString('en')} characters long with its placeholders filled; Jira comments hold at most ${JIRA_COMMENT_MAX.toLocaleString('en')}`,
          rule: { kind: 'textTooLong', length: filled, max: JIRA_COMMENT_MAX },
        };
      }
      const unknown = unknownPlaceholders(key, text);
      if (unknown.length > 0) {
        yield {
          path: ['texts', key, language],
          message: `uses unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `{${u}}`).join(', ')}`,
          rule: { kind: 'unknownPlaceholders', names: unknown },
        };
      }
    }
  }
}

/**
 * Cross-field rules a schema per field cannot express. Each contradiction is reported on the field an admin
 * would change to fix it; any issue rejects the configuration as a whole.
 */
export function checkSettingsConsistency(settings: CheckedSettings, ctx: z.RefinementCtx): void {
  for (const rule of [
    timerIssues,
    renewalIssues,
    nameIssues,
    calendarIssues,
    regionIssues,
    serviceIssues,
    textIssues,
  ]) {
    for (const issue of rule(settings)) {
      ctx.addIssue({
        code: 'custom',
        path: issue.path,
        message: issue.message,
        input: undefined,
        params: { rule: issue.rule },
      });
    }
  }
}
