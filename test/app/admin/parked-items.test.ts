import { NotJiraAdminError } from '../../../src/app/admin/admin-access';
import { InvalidPayloadError } from '../../../src/app/admin/invalid-payload-error';
import { getParkedItems, retryParkedItem } from '../../../src/app/admin/parked-items';
import type { WorkItem } from '../../../src/app/ports';
import { QueueError } from '../../../src/app/ports/platform-errors';
import { parkingId, type ParkingRecord, type ParkingSubject } from '../../../src/app/shared/parking-lot';
import type { FailureClass } from '../../../src/domain/parking';
import type { MemoryStore } from '../../support/memory-store';
import { adminDeps } from './admin-fixture';

const TICKET: ParkingSubject = { kind: 'ticket', projectKey: 'SUP', issueId: '10001', issueKey: 'SUP-1' };
const SWEEP_WORK: ParkingSubject = {
  kind: 'work',
  projectKey: 'SUP',
  workType: 'sweep.project',
  body: { type: 'sweep.project', projectKey: 'SUP' },
};
const RULES_WORK: ParkingSubject = {
  kind: 'work',
  projectKey: '',
  workType: 'rules.publish',
  body: { type: 'rules.publish', basis: 'v7' },
};

/** Stores `subject`'s record as the parking lot keeps it: parked (at `parkedAt`) or still failing. */
async function park(
  store: MemoryStore,
  subject: ParkingSubject,
  options: { parkedAt?: string; state?: 'parked' | 'failing'; failure?: FailureClass; code?: string } = {},
): Promise<string> {
  const id = parkingId(subject);
  const record: ParkingRecord = {
    subject,
    state: options.state ?? 'parked',
    failure: options.failure ?? 'definite',
    code: options.code ?? 'editIssue: HTTP 403',
    attempts: 5,
    firstFailedAt: '2026-11-26T09:00:00.000Z',
    lastFailedAt: '2026-11-27T08:00:00.000Z',
    ...(options.parkedAt ? { parkedAt: options.parkedAt } : {}),
  };
  await store.set(`park:${id}`, record);
  return id;
}

/** Admin deps whose queue and log record what they are given; `queueFails` makes every push throw. */
function parkedFixture(options: { admin?: boolean; queueFails?: boolean } = {}) {
  const fixture = adminDeps({ admin: options.admin ?? true });
  const pushed: WorkItem[] = [];
  const logged: { event: string; fields: unknown }[] = [];
  const record = (event: string, fields: unknown) => logged.push({ event, fields });
  fixture.deps.app.queue = {
    push: async (items: WorkItem[]) => {
      if (options.queueFails) throw new QueueError('refused');
      pushed.push(...items);
    },
  };
  fixture.deps.app.log = { info: record, warn: record, error: record };
  return { ...fixture, pushed, logged };
}

describe('parked items on the admin page: listed with their reason, retried exactly once', () => {
  it('lists the parked items only, most recently parked first, each in both languages', async () => {
    const { deps, store } = parkedFixture();
    const ticket = await park(store, TICKET, { parkedAt: '2026-11-27T08:00:00.000Z' });
    const sweep = await park(store, SWEEP_WORK, {
      parkedAt: '2026-11-27T08:30:00.000Z',
      failure: 'transient',
      code: 'search: HTTP 503',
    });
    await park(store, { ...TICKET, issueId: '10002', issueKey: 'SUP-2' }, { state: 'failing' });
    const view = await getParkedItems({}, deps);
    expect(view.maxAttempts).toBe(5);
    expect(view.items).toEqual([
      {
        id: sweep,
        kind: 'work',
        issueKey: null,
        projectKey: 'SUP',
        subject: { en: 'Sweep of a project', de: 'Lauf über ein Projekt' },
        reason: {
          en: 'Jira kept failing for hours (search: HTTP 503)',
          de: 'Jira scheiterte über Stunden (search: HTTP 503)',
        },
        attempts: 5,
        firstFailedAt: '2026-11-26T09:00:00.000Z',
        lastFailedAt: '2026-11-27T08:00:00.000Z',
        parkedAt: '2026-11-27T08:30:00.000Z',
      },
      {
        id: ticket,
        kind: 'ticket',
        issueKey: 'SUP-1',
        projectKey: 'SUP',
        subject: { en: 'Timer step of SUP-1', de: 'Timer-Schritt von SUP-1' },
        reason: {
          en: 'It fails on its own (editIssue: HTTP 403)',
          de: 'Es scheitert an sich selbst (editIssue: HTTP 403)',
        },
        attempts: 5,
        firstFailedAt: '2026-11-26T09:00:00.000Z',
        lastFailedAt: '2026-11-27T08:00:00.000Z',
        parkedAt: '2026-11-27T08:00:00.000Z',
      },
    ]);
  });

  it.each<[string, ParkingSubject, FailureClass, { en: string; de: string }, string]>([
    [
      'site-wide work, a storage failure',
      RULES_WORK,
      'storage',
      { en: 'Publish the workflow rules', de: 'Workflow-Regeln veröffentlichen' },
      'The app’s storage or queue failed (storage set)',
    ],
    [
      'work of an unknown type, a rate limit',
      { ...SWEEP_WORK, workType: 'later.kind', body: { type: 'later.kind' } },
      'rateLimited',
      { en: 'later.kind', de: 'later.kind' },
      'Jira kept failing for hours (storage set)',
    ],
    [
      'a Delivery completion',
      { ...SWEEP_WORK, workType: 'events.deliveryCompleted', body: { type: 'events.deliveryCompleted' } },
      'definite',
      {
        en: 'Delivery completed: hand its tickets on',
        de: 'Auslieferung abgeschlossen: Tickets weitergeben',
      },
      'It fails on its own (storage set)',
    ],
  ])('%s: named and explained', async (_, subject, failure, words, reason) => {
    const { deps, store } = parkedFixture();
    await park(store, subject, { failure, code: 'storage set' });
    const [item] = (await getParkedItems({}, deps)).items;
    expect(item?.subject).toEqual(words);
    expect(item?.reason.en).toBe(reason);
    expect(item?.projectKey).toBe(subject.projectKey === '' ? null : subject.projectKey);
    // A record without its parking time shows its last failure as the time it was parked.
    expect(item?.parkedAt).toBe('2026-11-27T08:00:00.000Z');
  });

  it('retrying a parked ticket forgets its failures, audits it and leaves the step to the next hourly sweep', async () => {
    const { deps, store, pushed, logged } = parkedFixture();
    const id = await park(store, TICKET, { parkedAt: '2026-11-27T08:00:00.000Z' });
    expect(await retryParkedItem({ id }, deps)).toEqual({ retried: true });
    expect(await deps.app.parking.get(id)).toBeUndefined();
    expect(pushed).toEqual([]);
    expect(await deps.app.audit.forIssue('10001')).toEqual([
      expect.objectContaining({ action: 'unparked', outcome: 'done', source: 'admin', issueKey: 'SUP-1' }),
    ]);
    expect(logged).toEqual([{ event: 'parking.retried', fields: { id, kind: 'ticket' } }]);
  });

  it('retrying parked work pushes its body onto the queue again, once; a second retry finds nothing parked', async () => {
    const { deps, store, pushed } = parkedFixture();
    const id = await park(store, SWEEP_WORK);
    expect(await retryParkedItem({ id }, deps)).toEqual({ retried: true });
    expect(await retryParkedItem({ id }, deps)).toEqual({ retried: false });
    expect(pushed).toEqual([{ body: { type: 'sweep.project', projectKey: 'SUP' } }]);
    expect(await deps.app.parking.get(id)).toBeUndefined();
  });

  it('a push the queue refuses keeps the item parked: nothing is lost, the admin can retry again', async () => {
    const { deps, store } = parkedFixture({ queueFails: true });
    const id = await park(store, SWEEP_WORK);
    await expect(retryParkedItem({ id }, deps)).rejects.toBeInstanceOf(QueueError);
    expect(await deps.app.parking.get(id)).toMatchObject({ state: 'parked' });
  });

  it('an item still failing (not parked) is not retried: its streak stays', async () => {
    const { deps, store, pushed } = parkedFixture();
    const id = await park(store, SWEEP_WORK, { state: 'failing' });
    expect(await retryParkedItem({ id }, deps)).toEqual({ retried: false });
    expect(pushed).toEqual([]);
    expect(await deps.app.parking.get(id)).toMatchObject({ state: 'failing' });
  });

  it.each([
    ['an id of another shape', { id: 'park:t:SUP:10001' }],
    ['no id', {}],
    ['a field more', { id: 't:SUP:10001', force: true }],
  ])('refuses %s before reading anything', async (_, payload) => {
    const { deps, store } = parkedFixture();
    await park(store, TICKET);
    await expect(retryParkedItem(payload, deps)).rejects.toBeInstanceOf(InvalidPayloadError);
    expect(await deps.app.parking.get(parkingId(TICKET))).toMatchObject({ state: 'parked' });
  });

  it('refuses a list payload with fields', async () => {
    const { deps } = parkedFixture();
    await expect(getParkedItems({ all: true }, deps)).rejects.toBeInstanceOf(InvalidPayloadError);
    await expect(getParkedItems(undefined, deps)).resolves.toEqual({ items: [], maxAttempts: 5 });
  });

  it('refuses a caller without Jira admin rights: nothing listed, nothing retried', async () => {
    const { deps, store, pushed } = parkedFixture({ admin: false });
    const id = await park(store, SWEEP_WORK);
    await expect(getParkedItems({}, deps)).rejects.toBeInstanceOf(NotJiraAdminError);
    await expect(retryParkedItem({ id }, deps)).rejects.toBeInstanceOf(NotJiraAdminError);
    expect(pushed).toEqual([]);
    expect(await deps.app.parking.get(id)).toMatchObject({ state: 'parked' });
  });
});
