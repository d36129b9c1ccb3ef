import type { Kind } from '../../../src/domain/kinds';
import {
  deliveryVersionOf,
  estimateExpired,
  nextStep,
  type NextStep,
} from '../../../src/domain/portal/next-step';
import { nextStepSentence } from '../../../src/domain/portal/next-step-sentence';
import { portalLanguage } from '../../../src/domain/portal/portal-language';
import type { StatusKey } from '../../../src/domain/statuses';
import { at, DAY, entered, projectConfig, T0 } from '../timers/timer-fixtures';

const cfg = projectConfig();
const facts = (
  kind: Kind,
  status: StatusKey | null,
  extra: Partial<Parameters<typeof nextStep>[0]> = {},
) => ({
  kind,
  status,
  state: status ? entered(kind, status) : undefined,
  version: null,
  plannedDate: null,
  estimateExpired: false,
  ...extra,
});

describe('nextStep: what happens next and who acts (guide §2.2.5, §3.2.3, §3.3)', () => {
  it.each<[string, ReturnType<typeof facts>, NextStep]>([
    [
      'clarification, no reminder yet',
      facts('supportRequest', 'clarification'),
      { kind: 'answerNeeded', remindersSent: 0, remindersTotal: 3, closesAt: at(40).toISOString() },
    ],
    [
      'clarification after reminder 2',
      facts('supportRequest', 'clarification', {
        state: { ...entered('supportRequest', 'clarification'), stepsDone: 2 },
      }),
      { kind: 'answerNeeded', remindersSent: 2, remindersTotal: 3, closesAt: at(40).toISOString() },
    ],
    ['resolved', facts('softwareDefect', 'resolved'), { kind: 'resolved', closesAt: at(50).toISOString() }],
    [
      'estimate available',
      facts('customisation', 'estimationAvailable'),
      // 16 weeks later at the same local time: 09:00 CEST after the switch to summer time.
      { kind: 'estimateValid', validUntil: '2026-04-27T07:00:00.000Z' },
    ],
    [
      'estimate expired',
      facts('customisation', 'estimationAvailable', { estimateExpired: true }),
      { kind: 'estimateExpired' },
    ],
    [
      'fix built with a patch version',
      facts('softwareDefect', 'deliveryPending', {
        version: { kind: 'patch', text: '14.21.3.1' },
        plannedDate: '2027-01-12',
      }),
      {
        kind: 'fixBuilt',
        version: { kind: 'patch', text: '14.21.3.1' },
        plannedDate: '2027-01-12',
      },
    ],
    [
      'delivery pending without a version',
      facts('softwareDefect', 'deliveryPending'),
      { kind: 'withSupport' },
    ],
    ['in progress', facts('softwareDefect', 'inProgress'), { kind: 'withSupport' }],
    ['closed', facts('supportRequest', 'closed'), { kind: 'closed' }],
    [
      'closed after the estimate expired',
      facts('customisation', 'closed', { estimateExpired: true }),
      { kind: 'estimateExpired' },
    ],
    [
      'planned delivery',
      facts('delivery', 'planned', { plannedDate: '2027-01-12' }),
      { kind: 'deliveryPlanned', plannedDate: '2027-01-12' },
    ],
    ['delivered', facts('delivery', 'delivered'), { kind: 'deliveryDone' }],
  ])('%s', (_name, input, expected) => {
    expect(nextStep(input, cfg)).toEqual(expected);
  });
});

describe('nextStepSentence', () => {
  it.each<[NextStep, string, string]>([
    [
      { kind: 'answerNeeded', remindersSent: 2, remindersTotal: 3, closesAt: '2026-12-09T08:00:00Z' },
      'We need your answer: reminder 2 of 3. Without a reply this request closes on 9 December 2026.',
      'Wir brauchen Ihre Antwort: Erinnerung 2 von 3. Ohne Antwort wird diese Anfrage am 09.12.2026 geschlossen.',
    ],
    [
      { kind: 'resolved', closesAt: '2027-01-18T08:00:00Z' },
      'Resolved: closes on 18 January 2027 unless you reply.',
      'Gelöst: wird am 18.01.2027 geschlossen, wenn Sie nicht antworten.',
    ],
    [
      {
        kind: 'fixBuilt',
        version: { kind: 'patch', text: '14.21.3.1' },
        plannedDate: '2027-01-12',
      },
      'Fix built: ships with version 14.21.3.1 in your next delivery (planned 12 January 2027).',
      'Korrektur erstellt: wird mit Version 14.21.3.1 in Ihrer nächsten Auslieferung ausgeliefert (geplant am 12.01.2027).',
    ],
    [
      { kind: 'fixBuilt', version: { kind: 'custom' }, plannedDate: null },
      'Fix built for your system only: ships with your next delivery, whatever its version.',
      'Korrektur nur für Ihr System erstellt: wird mit Ihrer nächsten Auslieferung ausgeliefert, unabhängig von deren Version.',
    ],
    [
      { kind: 'estimateValid', validUntil: '2026-06-12T08:00:00Z' },
      'Estimate valid until 12 June 2026. To go ahead, order it through your account manager.',
      'Aufwandsschätzung gültig bis 12.06.2026. Beauftragen Sie sie über Ihren Account Manager.',
    ],
  ])('%j', (step, english, german) => {
    expect(nextStepSentence(step, 'en', 'Europe/Berlin')).toBe(english);
    expect(nextStepSentence(step, 'de', 'Europe/Berlin')).toBe(german);
  });

  it('shows an estimated delivery date as that calendar day in every time zone', () => {
    const step: NextStep = { kind: 'deliveryPlanned', plannedDate: '2027-01-12' };
    expect(nextStepSentence(step, 'en', 'Pacific/Auckland')).toContain('12 January 2027');
    expect(nextStepSentence(step, 'en', 'America/Los_Angeles')).toContain('12 January 2027');
  });
});

describe('estimateExpired', () => {
  const waiting = entered('customisation', 'estimationAvailable');
  it.each<[string, StatusKey, typeof waiting, Date, boolean]>([
    ['valid', 'estimationAvailable', waiting, at(111), false],
    ['past validity, not swept yet', 'estimationAvailable', waiting, at(112), true],
    [
      'closed by the expiry',
      'closed',
      { ...waiting, timer: 'none', done: ['10001:estimate:1:expire'] },
      at(113),
      true,
    ],
    ['closed after delivery', 'closed', { ...waiting, timer: 'none', done: [] }, at(113), false],
  ])('%s', (_name, status, state, now, expected) => {
    expect(estimateExpired('customisation', status, state, now, cfg)).toBe(expected);
  });

  it('never applies to other kinds', () => {
    expect(
      estimateExpired('softwareDefect', 'closed', { ...waiting, done: ['x:estimate:1:expire'] }, T0, cfg),
    ).toBe(false);
    expect(DAY).toBeGreaterThan(0);
  });
});

describe('portalLanguage', () => {
  const languages = projectConfig({ languageByOrganization: { 'Globex Ltd': 'en', 'Acme GmbH': 'de' } });
  it.each<[string[], string | undefined, string]>([
    [['Globex Ltd'], 'de-DE', 'en'],
    [['Acme GmbH'], 'en-US', 'de'],
    [['Initech'], 'en-US', 'en'],
    [['Initech'], 'de_AT', 'de'],
    [[], 'fr-FR', 'de'],
    [['constructor'], undefined, 'de'],
  ])('%j with locale %s → %s', (organizations, locale, expected) => {
    expect(portalLanguage(languages, organizations, locale)).toBe(expected);
  });
});

describe('nextStep: the states that do not match their status, and the boundaries', () => {
  const expiring = entered('customisation', 'estimationAvailable');
  it.each<[string, ReturnType<typeof facts>, NextStep]>([
    [
      'a Delivery whose status is outside the configuration',
      facts('delivery', null, { plannedDate: '2027-01-12' }),
      { kind: 'deliveryPlanned', plannedDate: '2027-01-12' },
    ],
    ['installed Delivery', facts('delivery', 'installationCompleted'), { kind: 'deliveryDone' }],
    [
      'clarification after more reminders than now configured: the reminders sent count, the close follows the last',
      facts('supportRequest', 'clarification', {
        state: { ...entered('supportRequest', 'clarification'), stepsDone: 4 },
      }),
      { kind: 'answerNeeded', remindersSent: 4, remindersTotal: 4, closesAt: '2026-02-14T08:00:00.000Z' },
    ],
    [
      'clarification status without a clarification timer (the sweep has not started it)',
      facts('supportRequest', 'clarification', { state: entered('supportRequest', 'open') }),
      { kind: 'withSupport' },
    ],
    [
      'resolved status without a Resolved timer',
      facts('softwareDefect', 'resolved', { state: entered('softwareDefect', 'inProgress') }),
      { kind: 'withSupport' },
    ],
    [
      'estimate available without an estimate timer',
      facts('customisation', 'estimationAvailable', { state: entered('customisation', 'open') }),
      { kind: 'withSupport' },
    ],
    [
      'estimate available, no state at all',
      facts('customisation', 'estimationAvailable', { state: undefined }),
      { kind: 'withSupport' },
    ],
    [
      'fix built for the customer only (custom version), no planned date',
      facts('consultingRequest', 'deliveryPending', { version: { kind: 'custom' } }),
      { kind: 'fixBuilt', version: { kind: 'custom' }, plannedDate: null },
    ],
    [
      'a version on a ticket not in Delivery Pending',
      facts('softwareDefect', 'inProgress', { version: { kind: 'patch', text: '14.21.3.1' } }),
      { kind: 'withSupport' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(nextStep(input, cfg)).toEqual(expected);
  });

  it('an estimate with an expiry notice configured is valid until the expiry, not the notice', () => {
    const withNotice = projectConfig({ timers: { estimate: { noticeBeforeDays: 14 } } });
    const state = entered('customisation', 'estimationAvailable', T0, withNotice);
    expect(nextStep(facts('customisation', 'estimationAvailable', { state }), withNotice)).toEqual({
      kind: 'estimateValid',
      validUntil: '2026-04-27T07:00:00.000Z',
    });
  });

  it.each<[string, StatusKey, typeof expiring | undefined, Date, boolean]>([
    [
      'at the very instant of the expiry',
      'estimationAvailable',
      expiring,
      new Date('2026-04-27T07:00:00.000Z'),
      true,
    ],
    ['a millisecond before it', 'estimationAvailable', expiring, new Date('2026-04-27T06:59:59.999Z'), false],
    ['no state', 'estimationAvailable', undefined, at(200), false],
    ['another status', 'inProgress', expiring, at(200), false],
    [
      'estimate available without an estimate timer',
      'estimationAvailable',
      { ...expiring, timer: 'none' },
      at(200),
      false,
    ],
    [
      'closed by the expiry of cycle 12',
      'closed',
      { ...expiring, timer: 'none', done: ['10001:estimate:12:expire'] },
      at(200),
      true,
    ],
    [
      'closed after only the expiry notice',
      'closed',
      { ...expiring, timer: 'none', done: ['10001:estimate:1:expiryNotice'] },
      at(200),
      false,
    ],
  ])('estimateExpired: %s → %s', (_name, status, state, now, expected) => {
    expect(estimateExpired('customisation', status, state, now, cfg)).toBe(expected);
  });
});

describe('nextStepSentence: every step in both languages', () => {
  it.each<[NextStep, string, string]>([
    [
      { kind: 'answerNeeded', remindersSent: 0, remindersTotal: 3, closesAt: '2026-12-09T08:00:00Z' },
      'We need your answer. Without a reply this request closes on 9 December 2026.',
      'Wir brauchen Ihre Antwort. Ohne Antwort wird diese Anfrage am 09.12.2026 geschlossen.',
    ],
    [
      { kind: 'fixBuilt', version: { kind: 'custom' }, plannedDate: '2027-01-12' },
      'Fix built for your system only: ships with your next delivery, whatever its version (planned 12 January 2027).',
      'Korrektur nur für Ihr System erstellt: wird mit Ihrer nächsten Auslieferung ausgeliefert, unabhängig von deren Version (geplant am 12.01.2027).',
    ],
    [
      { kind: 'fixBuilt', version: { kind: 'patch', text: '14.21.3.1' }, plannedDate: null },
      'Fix built: ships with version 14.21.3.1 in your next delivery.',
      'Korrektur erstellt: wird mit Version 14.21.3.1 in Ihrer nächsten Auslieferung ausgeliefert.',
    ],
    [
      { kind: 'estimateExpired' },
      'The estimate has expired. You can request a new estimate.',
      'Die Aufwandsschätzung ist abgelaufen. Sie können eine neue Schätzung anfordern.',
    ],
    [
      { kind: 'deliveryPlanned', plannedDate: '2027-01-12' },
      'This delivery is planned for 12 January 2027; the date is an estimate, and we announce any change here.',
      'Diese Auslieferung ist für den 12.01.2027 geplant; das Datum ist eine Schätzung, Änderungen kündigen wir hier an.',
    ],
    [
      { kind: 'deliveryPlanned', plannedDate: null },
      'This delivery is planned; we announce its date here.',
      'Diese Auslieferung ist geplant; ihr Datum kündigen wir hier an.',
    ],
    [
      { kind: 'deliveryDone' },
      'This delivery is complete: its tickets are resolved and ready for you to test.',
      'Diese Auslieferung ist abgeschlossen: ihre Tickets sind gelöst und bereit für Ihren Test.',
    ],
    [
      { kind: 'closed' },
      'This request is closed. For a new question, please raise a new request.',
      'Diese Anfrage ist geschlossen. Für eine neue Frage erstellen Sie bitte eine neue Anfrage.',
    ],
    [
      { kind: 'withSupport' },
      'Our support team is working on your request; we will contact you here.',
      'Unser Support-Team bearbeitet Ihre Anfrage; wir melden uns hier bei Ihnen.',
    ],
  ])('%j', (step, english, german) => {
    expect(nextStepSentence(step, 'en', 'Europe/Berlin')).toBe(english);
    expect(nextStepSentence(step, 'de', 'Europe/Berlin')).toBe(german);
  });

  it('shows an instant on the day it falls on in the customer’s time zone', () => {
    const step: NextStep = { kind: 'resolved', closesAt: '2027-01-17T23:30:00Z' };
    expect(nextStepSentence(step, 'en', 'Europe/Berlin')).toContain('18 January 2027');
    expect(nextStepSentence(step, 'en', 'UTC')).toContain('17 January 2027');
  });
});

describe('portalLanguage: the locale in any letter case', () => {
  it.each<[string, string]>([
    ['DE-CH', 'de'],
    ['EN', 'en'],
  ])('%s → %s', (locale, expected) => {
    // The site's default is the other language, so only the locale can give the answer.
    const defaultLanguage = expected === 'de' ? 'en' : 'de';
    expect(portalLanguage(projectConfig({ defaultLanguage }), [], locale)).toBe(expected);
  });
});

describe('deliveryVersionOf: a Delivery version as the customer reads it (guide §3.1.1)', () => {
  it.each<[string | null, string, ReturnType<typeof deliveryVersionOf>]>([
    [null, 'CUSTOM', null],
    ['', 'CUSTOM', null],
    ['   ', 'CUSTOM', null],
    ['CUSTOM', 'CUSTOM', { kind: 'custom' }],
    [' custom ', 'CUSTOM', { kind: 'custom' }],
    ['Kundenspezifisch', ' kundenspezifisch ', { kind: 'custom' }],
    [' 14.21.3.1 ', 'CUSTOM', { kind: 'patch', text: '14.21.3.1' }],
    ['CUSTOM-2', 'CUSTOM', { kind: 'patch', text: 'CUSTOM-2' }],
  ])('%j with the custom value %j → %j', (raw, customValue, expected) => {
    expect(deliveryVersionOf(raw, customValue)).toEqual(expected);
  });
});

describe('nextStep: a state still from the status before (the event that moved the ticket not handled yet)', () => {
  const from = (kind: Kind, status: StatusKey) => entered(kind, status);
  it.each<[string, ReturnType<typeof facts>]>([
    [
      'Open with the Clarification timer',
      facts('supportRequest', 'open', { state: from('supportRequest', 'clarification') }),
    ],
    [
      'Clarification with the Resolved timer',
      facts('softwareDefect', 'clarification', { state: from('softwareDefect', 'resolved') }),
    ],
    ['Clarification with no state', facts('supportRequest', 'clarification', { state: undefined })],
    [
      'In Progress with the Resolved timer',
      facts('softwareDefect', 'inProgress', { state: from('softwareDefect', 'resolved') }),
    ],
    [
      'Resolved with the Clarification timer',
      facts('softwareDefect', 'resolved', { state: from('softwareDefect', 'clarification') }),
    ],
    ['Resolved with no state', facts('softwareDefect', 'resolved', { state: undefined })],
    [
      'Ordered with the estimate timer',
      facts('customisation', 'ordered', { state: from('customisation', 'estimationAvailable') }),
    ],
  ])('%s: the support team acts', (_name, input) => {
    expect(nextStep(input, cfg)).toEqual({ kind: 'withSupport' });
  });

  it('estimateExpired: the expiry notice is not the expiry', () => {
    const withNotice = projectConfig({ timers: { estimate: { noticeBeforeDays: 14 } } });
    const state = entered('customisation', 'estimationAvailable', T0, withNotice);
    // After the notice (14 days before), before the expiry at 2026-04-27T07:00Z.
    const now = new Date('2026-04-20T07:00:00.000Z');
    expect(estimateExpired('customisation', 'estimationAvailable', state, now, withNotice)).toBe(false);
  });
});
