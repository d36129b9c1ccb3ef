import type { SettingsError } from '../../../src/contract/resolvers';
import type { AdminMessages } from './messages';
import type { FieldEntry } from './fields';
import type { AdminEnvironment } from './admin-context';

/** What a sentence needs: the catalogue, the number format and the language. */
type Wording = Pick<AdminEnvironment, 'm' | 'fmt' | 'language'>;
type Rule = NonNullable<SettingsError['rule']>;
type Sentences = { [K in Rule['kind']]: (rule: Rule & { kind: K }) => string };

/** Every rule's sentence in the page's language, with its figures in the user's number format. */
function sentences({ m, fmt, language }: Wording): Sentences {
  const v = m.validation;
  const list = (items: string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  return {
    tooSmall: (r) => v.tooSmall(r.limit),
    tooBig: (r) => v.tooBig(r.limit),
    empty: () => v.empty,
    invalid: () => v.invalid,
    httpsUrl: () => v.httpsUrl,
    egress: (r) => v.egress(r.hosts),
    closeBeforeLastReminder: (r) =>
      v.closeBeforeLastReminder(r.reminders, r.everyDays, r.lastReminderDay, r.closeDay),
    noticeBeforeEstimate: (r) => v.noticeBeforeEstimate(r.noticeDays, r.validWeeks),
    nobodyToNotify: () => v.nobodyToNotify,
    nameTwice: (r) => v.nameTwice(r.name, list(r.keys)),
    unknownHolidayRegion: (r) => v.unknownHolidayRegion(r.region),
    weekdayTwice: () => v.weekdayTwice,
    unknownRegion: (r) => v.unknownRegion(r.region),
    targetRequired: () => v.targetRequired,
    levelOrder: (r) => v.levelOrder(r.level),
    textTooLong: (r) => v.textTooLong(fmt.number(r.length), fmt.number(r.max)),
    unknownPlaceholders: (r) => v.unknownPlaceholders(list(r.names.map((n) => `{${n}}`))),
    rowUnnamed: () => v.rowUnnamed,
    rowTwice: (r) => v.rowTwice(r.name),
    regionOrLanguage: () => v.regionOrLanguage,
    regionFromOrganization: (r) => v.regionFromOrganization(r.field),
  };
}

/**
 * What is wrong with a field, in the user's language: the rule the server names with its figures, else the
 * server's sentence without the setting's path in front.
 */
export function problemText(wording: Wording, error: SettingsError): string {
  const rule = error.rule;
  if (rule) {
    const say = sentences(wording)[rule.kind] as (r: Rule) => string;
    return say(rule);
  }
  const prefix = `${error.path}: `;
  return error.path !== '' && error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message;
}

/** The field's label as the summary names it; a row of a table adds its number ("Time zone, row 2"). */
export function fieldName(m: AdminMessages, path: string, field: FieldEntry | undefined): string | null {
  if (!field) return null;
  const row = /\.(\d+)\.[^.]+$/.exec(path)?.[1];
  return row === undefined ? field.label : m.validation.row(field.label, Number(row) + 1);
}
