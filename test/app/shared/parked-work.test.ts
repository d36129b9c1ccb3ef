import type { WorkOutcome } from '../../../src/app/deps';
import type { EventDeps } from '../../../src/app/events/event-deps';
import { JiraHttpError, RateLimitedError, UpstreamError } from '../../../src/app/ports/jira-errors';
import { StorageError } from '../../../src/app/ports/platform-errors';
import { AuditLog } from '../../../src/app/shared/audit-log';
import { runWorkItem, type WorkDelivery } from '../../../src/app/shared/parked-work';
import { ParkingLot, parkingId, type ParkingRecord } from '../../../src/app/shared/parking-lot';
import { MemoryStore } from '../../support/memory-store';

const HOUR = 3_600_000;
const START = Date.parse('2026-11-27T09:00:00.000Z');
const BODY = { type: 'events.deliveryTable', deliveryId: '10001', projectKey: 'SD' };

/** A store whose `fails` picks the calls that throw a storage error. */
class FailingStore extends MemoryStore {
  fails: (operation: string, key: string) => boolean = () => false;
  override async set<T>(key: string, value: T): Promise<void> {
    if (this.fails('set', key)) throw new StorageError('set', 'refused');
    return super.set(key, value);
  }
  override async delete(key: string): Promise<void> {
    if (this.fails('delete', key)) throw new StorageError('delete', 'refused');
    return super.delete(key);
  }
}

/** Work deps over a store, on a clock the test moves (`at`); records what is logged. */
function workDeps(store = new FailingStore()) {
  const clock = { at: START, now: () => new Date(clock.at) };
  const logged: { event: string; fields: Record<string, unknown> }[] = [];
  const record = (event: string, fields: Record<string, unknown>) => logged.push({ event, fields });
  const deps = {
    store,
    clock,
    parking: new ParkingLot(store),
    audit: new AuditLog(store),
    log: { info: record, warn: record, error: record },
  } as unknown as EventDeps;
  const id = parkingId({ kind: 'work', projectKey: 'SD', workType: BODY.type, body: BODY });
  return {
    deps,
    store,
    clock,
    logged,
    record: () => deps.parking.get(id),
    parkedAudits: async () =>
      (await deps.audit.forProject('SD')).entries.filter((e) => e.action === 'parked').map((e) => e.detail),
  };
}

const delivery = (retryCount: number, body: WorkDelivery['body'] = BODY): WorkDelivery => ({
  body,
  retryCount,
});
const failing = (error: Error) => async (): Promise<WorkOutcome> => {
  throw error;
};
const done = async (): Promise<WorkOutcome> => ({ kind: 'done' });
const forbidden = () => new JiraHttpError('getIssue', 403, '{}');

describe('runWorkItem: queued work that keeps failing is parked, never retried forever', () => {
  it('a definite failure is thrown (the platform retries it) and counted; the fifth parks it, audited once', async () => {
    const w = workDeps();
    for (let retry = 0; retry < 4; retry++) {
      await expect(runWorkItem(failing(forbidden()), delivery(retry), w.deps)).rejects.toBeInstanceOf(
        JiraHttpError,
      );
      w.clock.at += HOUR;
    }
    expect(await w.record()).toMatchObject({
      state: 'failing',
      attempts: 4,
      code: 'getIssue: HTTP 403',
      subject: { kind: 'work', projectKey: 'SD', workType: BODY.type, body: BODY },
    });
    // Parked: reported done, so the platform drops it from its retries.
    expect(await runWorkItem(failing(forbidden()), delivery(4), w.deps)).toEqual({ kind: 'done' });
    expect(await w.record()).toMatchObject({ state: 'parked', attempts: 5 });
    expect(w.logged).toEqual([
      { event: 'work.parked', fields: { type: BODY.type, reason: 'getIssue: HTTP 403', attempts: 5 } },
    ]);
    // A duplicate delivery failing after the parking is dropped too, and not audited twice.
    expect(await runWorkItem(failing(forbidden()), delivery(5), w.deps)).toEqual({ kind: 'done' });
    expect(await w.parkedAudits()).toEqual(['definite']);
    expect(w.logged).toHaveLength(1);
  });

  it('a rate limit is delivered again after Retry-After and never counted', async () => {
    const w = workDeps();
    const limited = new RateLimitedError('getIssue', 240, 'budget');
    expect(await runWorkItem(failing(limited), delivery(3), w.deps)).toEqual({
      kind: 'retry',
      afterSeconds: 240,
      reason: 'rateLimited',
    });
    expect(await w.record()).toBeUndefined();
  });

  it.each([
    [0, 60],
    [1, 120],
    [3, 480],
  ])(
    'a Jira outage after %i earlier deliveries is delivered again %i s later, and counted',
    async (retry, seconds) => {
      const w = workDeps();
      const outcome = await runWorkItem(
        failing(new UpstreamError('getIssue', 'HTTP 503')),
        delivery(retry),
        w.deps,
      );
      expect(outcome).toEqual({ kind: 'retry', afterSeconds: seconds, reason: 'upstream' });
      expect(await w.record()).toMatchObject({ state: 'failing', attempts: 1, failure: 'transient' });
    },
  );

  it('transient failures park only after twelve hours of them (inside the queue’s day of retention)', async () => {
    const w = workDeps();
    const outage = () => failing(new UpstreamError('getIssue', 'HTTP 503'));
    for (let retry = 0; retry < 5; retry++) {
      expect((await runWorkItem(outage(), delivery(retry), w.deps)).kind).toBe('retry');
      w.clock.at += HOUR;
    }
    w.clock.at = START + 12 * HOUR;
    expect(await runWorkItem(outage(), delivery(5), w.deps)).toEqual({ kind: 'done' });
    expect(await w.parkedAudits()).toEqual(['transient']);
  });

  it('a retried delivery that succeeds ends the streak; a first delivery does not touch the parking lot', async () => {
    const w = workDeps();
    await expect(runWorkItem(failing(forbidden()), delivery(0), w.deps)).rejects.toThrow();
    expect(await runWorkItem(done, delivery(0), w.deps)).toEqual({ kind: 'done' });
    expect(await w.record()).toMatchObject({ attempts: 1 });
    expect(await runWorkItem(done, delivery(1), w.deps)).toEqual({ kind: 'done' });
    expect(await w.record()).toBeUndefined();
  });

  it('storage refusing to forget the streak after a success does not fail the item', async () => {
    const w = workDeps();
    await expect(runWorkItem(failing(forbidden()), delivery(0), w.deps)).rejects.toThrow();
    w.store.fails = (operation) => operation === 'delete';
    expect(await runWorkItem(done, delivery(1), w.deps)).toEqual({ kind: 'done' });
  });

  it('storage refusing the count is logged and leaves the item to the platform’s retries', async () => {
    const w = workDeps();
    w.store.fails = (operation, key) => operation === 'set' && key.startsWith('park:');
    const error = forbidden();
    await expect(runWorkItem(failing(error), delivery(0), w.deps)).rejects.toBe(error);
    expect(w.logged).toEqual([
      { event: 'work.parkingFailed', fields: { type: 'work', error: 'storage set' } },
    ]);
    expect(await w.record()).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['a project key not of Jira’s shape', 'sd; drop'],
    ['a project key that is no string', ['SD']],
    ['no project key', undefined],
  ])('work with %s is recorded as site-wide work', async (_, projectKey) => {
    const w = workDeps();
    const body = { type: 'rules.publish', ...(projectKey === undefined ? {} : { projectKey }) };
    await expect(runWorkItem(failing(forbidden()), delivery(0, body), w.deps)).rejects.toThrow();
    const record = await w.deps.parking.get(
      parkingId({ kind: 'work', projectKey: '', workType: 'rules.publish', body }),
    );
    expect((record as ParkingRecord).subject).toEqual({
      kind: 'work',
      projectKey: '',
      workType: 'rules.publish',
      body,
    });
  });
});
