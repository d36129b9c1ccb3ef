import { z } from 'zod';
import type { ParkedItem, ParkedItemsView, RetryParkedItemResult } from '../../contract/admin-views';
import type { Bilingual } from '../../contract/common';
import { MAX_ATTEMPTS, type FailureClass } from '../../domain/parking';
import { auditParking } from '../shared/parking-audit';
import { PARKING_ID, type ParkingRecord } from '../shared/parking-lot';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { InvalidPayloadError, issueLines } from './invalid-payload-error';

/** Queued work in words, by its `type` (a Map: the type comes from stored data). */
const WORK_SUBJECTS = new Map<string, Bilingual>([
  ['sweep.project', { en: 'Sweep of a project', de: 'Lauf über ein Projekt' }],
  [
    'events.deliveryCompleted',
    { en: 'Delivery completed: hand its tickets on', de: 'Auslieferung abgeschlossen: Tickets weitergeben' },
  ],
  [
    'events.deliveryShipTicket',
    {
      en: 'Resolve or close tickets their Delivery shipped',
      de: 'Ausgelieferte Tickets lösen oder schließen',
    },
  ],
  [
    'events.deliveryAttach',
    { en: 'Collect waiting tickets into a Delivery', de: 'Wartende Tickets einer Auslieferung zuordnen' },
  ],
  [
    'events.deliveryTable',
    { en: 'Update a Delivery’s table', de: 'Tabelle einer Auslieferung aktualisieren' },
  ],
  ['rules.publish', { en: 'Publish the workflow rules', de: 'Workflow-Regeln veröffentlichen' }],
]);

const REASONS: Record<Exclude<FailureClass, 'rateLimited'>, Bilingual> = {
  definite: { en: 'It fails on its own', de: 'Es scheitert an sich selbst' },
  transient: { en: 'Jira kept failing for hours', de: 'Jira scheiterte über Stunden' },
  storage: {
    en: 'The app’s storage or queue failed',
    de: 'Der Speicher oder die Warteschlange der App scheiterte',
  },
};

function subjectOf(record: ParkingRecord): Bilingual {
  const subject = record.subject;
  if (subject.kind === 'ticket')
    return { en: `Timer step of ${subject.issueKey}`, de: `Timer-Schritt von ${subject.issueKey}` };
  return WORK_SUBJECTS.get(subject.workType) ?? { en: subject.workType, de: subject.workType };
}

function reasonOf(record: ParkingRecord): Bilingual {
  const words = record.failure === 'rateLimited' ? REASONS.transient : REASONS[record.failure];
  return { en: `${words.en} (${record.code})`, de: `${words.de} (${record.code})` };
}

function view(id: string, record: ParkingRecord): ParkedItem {
  const subject = record.subject;
  return {
    id,
    kind: subject.kind,
    issueKey: subject.kind === 'ticket' ? subject.issueKey : null,
    projectKey: subject.projectKey === '' ? null : subject.projectKey,
    subject: subjectOf(record),
    reason: reasonOf(record),
    attempts: record.attempts,
    firstFailedAt: record.firstFailedAt,
    lastFailedAt: record.lastFailedAt,
    parkedAt: record.parkedAt ?? record.lastFailedAt,
  };
}

/** The parked items, most recently parked first. Jira administrators only. */
export async function getParkedItems(payload: unknown, deps: AdminDeps): Promise<ParkedItemsView> {
  await requireJiraAdmin(deps);
  const parsed = z.strictObject({}).safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const parked = await deps.app.parking.parked();
  return { items: parked.map(({ id, record }) => view(id, record)), maxAttempts: MAX_ATTEMPTS };
}

const retryPayload = z.strictObject({ id: z.string().regex(PARKING_ID, 'is not a parked item id') });

/**
 * Takes one item out of the parking: a ticket is swept again by the next hourly sweep; a work item is pushed
 * onto the queue again (before its record goes, so a failure in between loses nothing). Exactly once either
 * way: the ledger still holds every step and every work item's claims. Audited (`unparked`, source admin).
 * Jira administrators only.
 */
export async function retryParkedItem(payload: unknown, deps: AdminDeps): Promise<RetryParkedItemResult> {
  await requireJiraAdmin(deps);
  const parsed = retryPayload.safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const { id } = parsed.data;
  const record = await deps.app.parking.get(id);
  if (record?.state !== 'parked') return { retried: false };
  if (record.subject.kind === 'work') await deps.app.queue.push([{ body: record.subject.body }]);
  await deps.app.parking.clear(id);
  await auditParking(deps.app.audit, record, 'unparked', deps.now);
  deps.app.log.info('parking.retried', { id, kind: record.subject.kind });
  return { retried: true };
}
