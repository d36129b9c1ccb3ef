import { configForProject, parseConfig } from '../../../src/domain/config';
import { languageFor, MessageRenderError, renderMessage } from '../../../src/domain/texts';
import { DEFAULT_TEXTS } from '../../../src/domain/texts/default-texts';
import { formatParam } from '../../../src/domain/texts/render-message';
import {
  MESSAGE_KEYS,
  MESSAGE_PLACEHOLDERS,
  type MessageParams,
} from '../../../src/domain/texts/message-keys';
import { placeholdersIn } from '../../../src/domain/texts/placeholders';

function cfgOf(input: unknown = {}) {
  const result = parseConfig(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return configForProject(result.config, 'SUP');
}
const cfg = cfgOf();

describe('default texts', () => {
  it.each(MESSAGE_KEYS)('%s uses only its own placeholders in both languages', (key) => {
    for (const language of ['de', 'en'] as const) {
      const used = placeholdersIn(DEFAULT_TEXTS[key][language]);
      expect(used.filter((p) => !(MESSAGE_PLACEHOLDERS[key] as readonly string[]).includes(p))).toEqual([]);
    }
  });

  it.each(MESSAGE_KEYS)('%s renders completely in both languages', (key) => {
    const params = Object.fromEntries(MESSAGE_PLACEHOLDERS[key].map((name) => [name, `<${name}>`]));
    for (const language of ['de', 'en'] as const) {
      const text = renderMessage(cfg, key, language, params);
      expect(text).not.toMatch(/[{}]/);
      for (const name of placeholdersIn(DEFAULT_TEXTS[key][language])) expect(text).toContain(`<${name}>`);
    }
  });

  it('deliveryResolved names the Resolved auto-close days in both languages', () => {
    const params = { ticketKey: 'X-1', version: '14.21.3.1', closeAfterDays: 50 };
    expect(renderMessage(cfg, 'deliveryResolved', 'de', params)).toContain('nach 50 Tagen');
    expect(renderMessage(cfg, 'deliveryResolved', 'en', params)).toContain('after 50 days');
  });

  it('address customers formally in German', () => {
    expect(DEFAULT_TEXTS.clarificationReminder.de).toMatch(/\bSie\b/);
    expect(DEFAULT_TEXTS.clarificationReminder.de).not.toMatch(/\b(du|dein|dich)\b/i);
  });
});

describe('renderMessage', () => {
  const params: MessageParams = {
    ticketKey: 'SUP-1',
    reminderNumber: 2,
    reminderCount: 3,
    // 23:30Z on 6 Dec is already 7 Dec in Berlin.
    closeDate: { date: '2026-12-06T23:30:00Z' },
  };

  it.each([
    ['de', /Erinnerung 2 von 3.*am 07\.12\.2026 automatisch geschlossen/s],
    ['en', /reminder 2 of 3.*closed automatically on 7 December 2026\./s],
  ] as const)('renders the reminder in %s with the local date', (language, expected) => {
    expect(renderMessage(cfg, 'clarificationReminder', language, params)).toMatch(expected);
  });

  it('uses the project time zone for dates', () => {
    const london = cfgOf({ calendar: { timeZone: 'Europe/London' } });
    expect(renderMessage(london, 'clarificationReminder', 'en', params)).toMatch(/6 December 2026/);
  });

  it('formats a date in the time zone the value names', () => {
    expect(
      formatParam({ date: '2026-12-06T23:30:00Z', timeZone: 'Asia/Singapore' }, 'de', 'Europe/London'),
    ).toBe('07.12.2026');
  });

  it('picks the language of a localized value', () => {
    const text = renderMessage(cfg, 'transitionRefused', 'de', {
      ticketKey: 'SUP-1',
      from: 'Open',
      to: 'Closed',
      reason: { de: 'Nicht erlaubt.', en: 'Not allowed.' },
    });
    expect(text).toBe(
      'Der Statuswechsel von "Open" nach "Closed" ist im Workflow nicht vorgesehen: Nicht erlaubt.',
    );
  });

  it('uses site texts', () => {
    const custom = cfgOf({ texts: { deliveryResolved: { en: 'Shipped in {version}.' } } });
    expect(renderMessage(custom, 'deliveryResolved', 'en', { ticketKey: 'X-1', version: '14.21.3.1' })).toBe(
      'Shipped in 14.21.3.1.',
    );
  });

  it('throws a typed error when a used placeholder has no value', () => {
    expect(() => renderMessage(cfg, 'deliveryResolved', 'en', { ticketKey: 'X-1' })).toThrow(
      MessageRenderError,
    );
    expect(() => renderMessage(cfg, 'deliveryResolved', 'en', { ticketKey: 'X-1' })).toThrow(
      /missingParam \{version\}/,
    );
  });

  it.each([
    ['one value missing', { ticketKey: 'X-1', closeAfterDays: 50 }, ['version'], 'missingParam {version}'],
    [
      'two values missing',
      { ticketKey: 'X-1' },
      ['version', 'closeAfterDays'],
      'missingParam {version}, {closeAfterDays}',
    ],
  ])('names every placeholder without a value: %s', (_name, params, placeholders, problem) => {
    expect(() => renderMessage(cfg, 'deliveryResolved', 'en', params)).toThrow(
      expect.objectContaining({
        name: 'MessageRenderError',
        messageKey: 'deliveryResolved',
        placeholders,
        problem: 'missingParam',
        message: `Message deliveryResolved: ${problem}`,
      }),
    );
  });

  it('treats an unknown placeholder in a text that bypassed parseConfig as a config error', () => {
    const broken = { ...cfg, texts: { ...cfg.texts, onCallAlerted: { de: 'x', en: 'Call {phone}' } } };
    expect(() => renderMessage(broken, 'onCallAlerted', 'en', { ticketKey: 'X-1' })).toThrow(
      /unknownPlaceholder \{phone\}/,
    );
  });
});

describe('languageFor', () => {
  const mixed = cfgOf({ defaultLanguage: 'en', languageByOrganization: { 'Muster GmbH': 'de' } });
  it.each([
    ['Muster GmbH', 'de'],
    ['ACME Ltd', 'en'],
    [undefined, 'en'],
  ] as const)('%s → %s', (organization, language) => {
    expect(languageFor(mixed, organization)).toBe(language);
  });
});
