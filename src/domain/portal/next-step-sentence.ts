import { formatParam } from '../texts/render-message';
import type { Language } from '../texts/message-keys';
import type { NextStep } from './next-step';

/** An ISO instant, or a `YYYY-MM-DD` date read as that day (an estimated delivery date has no time). */
function day(value: string, language: Language, timeZone: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return formatParam(
    { date: dateOnly ? `${value}T12:00:00Z` : value, ...(dateOnly ? { timeZone: 'UTC' } : {}) },
    language,
    timeZone,
  );
}

type Sentences = {
  [K in NextStep['kind']]: (step: Extract<NextStep, { kind: K }>, d: (v: string) => string) => string;
};

const EN: Sentences = {
  answerNeeded: (s, d) =>
    s.remindersSent > 0
      ? `We need your answer: reminder ${s.remindersSent} of ${s.remindersTotal}. Without a reply this request closes on ${d(s.closesAt)}.`
      : `We need your answer. Without a reply this request closes on ${d(s.closesAt)}.`,
  resolved: (s, d) => `Resolved: closes on ${d(s.closesAt)} unless you reply.`,
  fixBuilt: (s, d) => {
    const planned = s.plannedDate ? ` (planned ${d(s.plannedDate)})` : '';
    return s.version.kind === 'patch'
      ? `Fix built: ships with version ${s.version.text} in your next delivery${planned}.`
      : `Fix built for your system only: ships with your next delivery, whatever its version${planned}.`;
  },
  estimateValid: (s, d) =>
    `Estimate valid until ${d(s.validUntil)}. To go ahead, order it through your account manager.`,
  estimateExpired: () => 'The estimate has expired. You can request a new estimate.',
  deliveryPlanned: (s, d) =>
    s.plannedDate
      ? `This delivery is planned for ${d(s.plannedDate)}; the date is an estimate, and we announce any change here.`
      : 'This delivery is planned; we announce its date here.',
  deliveryDone: () => 'This delivery is complete: its tickets are resolved and ready for you to test.',
  closed: () => 'This request is closed. For a new question, please raise a new request.',
  withSupport: () => 'Our support team is working on your request; we will contact you here.',
};

const DE: Sentences = {
  answerNeeded: (s, d) =>
    s.remindersSent > 0
      ? `Wir brauchen Ihre Antwort: Erinnerung ${s.remindersSent} von ${s.remindersTotal}. Ohne Antwort wird diese Anfrage am ${d(s.closesAt)} geschlossen.`
      : `Wir brauchen Ihre Antwort. Ohne Antwort wird diese Anfrage am ${d(s.closesAt)} geschlossen.`,
  resolved: (s, d) => `Gelöst: wird am ${d(s.closesAt)} geschlossen, wenn Sie nicht antworten.`,
  fixBuilt: (s, d) => {
    const planned = s.plannedDate ? ` (geplant am ${d(s.plannedDate)})` : '';
    return s.version.kind === 'patch'
      ? `Korrektur erstellt: wird mit Version ${s.version.text} in Ihrer nächsten Auslieferung ausgeliefert${planned}.`
      : `Korrektur nur für Ihr System erstellt: wird mit Ihrer nächsten Auslieferung ausgeliefert, unabhängig von deren Version${planned}.`;
  },
  estimateValid: (s, d) =>
    `Aufwandsschätzung gültig bis ${d(s.validUntil)}. Beauftragen Sie sie über Ihren Account Manager.`,
  estimateExpired: () => 'Die Aufwandsschätzung ist abgelaufen. Sie können eine neue Schätzung anfordern.',
  deliveryPlanned: (s, d) =>
    s.plannedDate
      ? `Diese Auslieferung ist für den ${d(s.plannedDate)} geplant; das Datum ist eine Schätzung, Änderungen kündigen wir hier an.`
      : 'Diese Auslieferung ist geplant; ihr Datum kündigen wir hier an.',
  deliveryDone: () =>
    'Diese Auslieferung ist abgeschlossen: ihre Tickets sind gelöst und bereit für Ihren Test.',
  closed: () => 'Diese Anfrage ist geschlossen. Für eine neue Frage erstellen Sie bitte eine neue Anfrage.',
  withSupport: () => 'Unser Support-Team bearbeitet Ihre Anfrage; wir melden uns hier bei Ihnen.',
};

/**
 * The one sentence the portal shows for a request's next step: what happens, when, and who acts.
 *
 * @example
 * nextStepSentence({ kind: 'resolved', closesAt: '2027-01-18T09:00:00Z' }, 'en', 'Europe/Berlin');
 * // 'Resolved: closes on 18 January 2027 unless you reply.'
 */
export function nextStepSentence(step: NextStep, language: Language, timeZone: string): string {
  const table = language === 'de' ? DE : EN;
  const render = table[step.kind] as (s: NextStep, d: (v: string) => string) => string;
  return render(step, (value) => day(value, language, timeZone));
}
