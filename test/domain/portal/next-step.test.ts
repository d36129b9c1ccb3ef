import type { Kind } from '../../../src/domain/kinds';
import { estimateExpired, nextStep, type NextStep } from '../../../src/domain/portal/next-step';
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
