import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { de as deLocale, enGB } from 'date-fns/locale';
import type { Settings } from '../config/settings-schema';
import { ownValue } from '../own-property';
import { placeholdersIn, substitutePlaceholders, unknownPlaceholders } from './placeholders';
import type { Language, MessageKey, MessageParam, MessageParams } from './message-keys';

/** Date patterns per language: German `27.11.2026`, English `27 November 2026`. */
const DATE_PATTERNS: Record<Language, string> = { de: 'dd.MM.yyyy', en: 'd MMMM yyyy' };

/** A placeholder the text uses is unknown to the message, or has no value: a configuration or caller bug. */
export class MessageRenderError extends Error {
  override readonly name = 'MessageRenderError';
  constructor(
    readonly messageKey: MessageKey,
    readonly placeholders: readonly string[],
    readonly problem: 'unknownPlaceholder' | 'missingParam',
  ) {
    super(`Message ${messageKey}: ${problem} ${placeholders.map((p) => `{${p}}`).join(', ')}`);
  }
}

/**
 * Formats one placeholder value: dates in the project time zone with the language's pattern, localized
 * values in the language, numbers and strings as they are.
 *
 * @example
 * formatParam({ date: '2026-12-06T23:30:00Z' }, 'de', 'Europe/Berlin'); // '07.12.2026'
 */
export function formatParam(value: MessageParam, language: Language, timeZone: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if ('date' in value) {
    return format(
      new TZDate(new Date(value.date).getTime(), value.timeZone ?? timeZone),
      DATE_PATTERNS[language],
      {
        locale: language === 'de' ? deLocale : enGB,
      },
    );
  }
  return value[language];
}

/**
 * The configured text for `messageKey` in `language` with its placeholders filled. Throws
 * {@link MessageRenderError} when the text uses a placeholder the message does not define (prevented by
 * `parseConfig`) or the caller passed no value for one it uses.
 *
 * @example
 * renderMessage(cfg, 'deliveryResolved', 'en', { ticketKey: 'SUP-7', version: '14.21.3.1' });
 * // 'Hello,\n\nthe solution has been delivered with version 14.21.3.1. …'
 */
export function renderMessage(
  cfg: Pick<Settings, 'texts' | 'calendar'>,
  messageKey: MessageKey,
  language: Language,
  params: MessageParams,
): string {
  const text = cfg.texts[messageKey][language];
  const unknown = unknownPlaceholders(messageKey, text);
  if (unknown.length > 0) throw new MessageRenderError(messageKey, unknown, 'unknownPlaceholder');
  const used = [...new Set(placeholdersIn(text))];
  const missing = used.filter((name) => params[name] === undefined);
  if (missing.length > 0) throw new MessageRenderError(messageKey, missing, 'missingParam');
  const values = Object.fromEntries(
    used.map((name) => [name, formatParam(params[name] as MessageParam, language, cfg.calendar.timeZone)]),
  );
  return substitutePlaceholders(text, values);
}

/**
 * The language a customer organization is answered in: its configured language, else the project default.
 *
 * @example
 * languageFor(cfg, 'ACME Ltd'); // 'en' when languageByOrganization maps it so
 */
export function languageFor(
  cfg: Pick<Settings, 'defaultLanguage' | 'languageByOrganization'>,
  organization: string | undefined,
): Language {
  return ownValue(cfg.languageByOrganization, organization) ?? cfg.defaultLanguage;
}
