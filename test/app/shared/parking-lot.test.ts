import {
  ParkingLot,
  parkingId,
  type ParkingRecord,
  type ParkingSubject,
} from '../../../src/app/shared/parking-lot';
import { ExpiringStore, MemoryStore } from '../../support/memory-store';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const definite = { failure: 'definite', code: 'editIssue: HTTP 403' } as const;
const ticket = (n: number, projectKey = 'SUP'): ParkingSubject => ({
  kind: 'ticket',
  projectKey,
  issueId: String(10_000 + n),
  issueKey: `${projectKey}-${n}`,
});

/** A store that records its reads: `get` keys and `list` prefixes with their options. */
class CountingStore extends MemoryStore {
  readonly gets: string[] = [];
  readonly lists: { prefix: string; limit?: number }[] = [];
  override async get<T>(key: string): Promise<T | undefined> {
    this.gets.push(key);
    return super.get<T>(key);
  }
  override async list<T>(prefix: string, options: { limit?: number; cursor?: string } = {}) {
    this.lists.push({ prefix, ...(options.limit === undefined ? {} : { limit: options.limit }) });
    return super.list<T>(prefix, options);
  }
}

/** Stores a parked (or failing) record of `subject` directly, as an earlier run left it. */
async function stored(
  store: MemoryStore,
  subject: ParkingSubject,
  options: { state?: 'parked' | 'failing'; parkedAt?: string } = {},
): Promise<ParkingRecord> {
  const record: ParkingRecord = {
    subject,
    state: options.state ?? 'parked',
    ...definite,
    attempts: 5,
    firstFailedAt: '2026-11-26T09:00:00.000Z',
    lastFailedAt: '2026-11-27T08:00:00.000Z',
    ...(options.parkedAt ? { parkedAt: options.parkedAt } : {}),
  };
  await store.set(`park:${parkingId(subject)}`, record);
  return record;
}

describe('ParkingLot: failing and parked items in KVS', () => {
  it('counts a failure as a failing record without a parking time, kept 30 days', async () => {
    const store = new ExpiringStore();
    const lot = new ParkingLot(store);
    const recorded = await lot.recordFailure(ticket(1), definite, NOW);
    const record = {
      subject: ticket(1),
      state: 'failing',
      ...definite,
      attempts: 1,
      firstFailedAt: NOW.toISOString(),
      lastFailedAt: NOW.toISOString(),
    };
    expect(recorded).toEqual({ verdict: 'retry', record, newlyParked: false });
    expect(await lot.get(parkingId(ticket(1)))).toEqual(record);
    store.advanceDays(29);
    expect(await lot.get(parkingId(ticket(1)))).toEqual(record);
    store.advanceDays(1);
    expect(await lot.get(parkingId(ticket(1)))).toBeUndefined();
  });

  it('parks once the failures in a row reach five, with its parking time, kept a year', async () => {
    const store = new ExpiringStore();
    const lot = new ParkingLot(store);
    await stored(store, ticket(1), { state: 'failing' });
    const recorded = await lot.recordFailure(ticket(1), definite, NOW);
    expect(recorded).toMatchObject({
      verdict: 'park',
      newlyParked: true,
      record: { state: 'parked', attempts: 6, parkedAt: NOW.toISOString() },
    });
    store.advanceDays(364);
    expect(await lot.get(parkingId(ticket(1)))).toMatchObject({ state: 'parked' });
    store.advanceDays(1);
    expect(await lot.get(parkingId(ticket(1)))).toBeUndefined();
  });

  it('a rate limit is never counted: nothing is written, the record stays as it was', async () => {
    const store = new MemoryStore();
    const lot = new ParkingLot(store);
    const limited = { failure: 'rateLimited', code: 'editIssue: rate limited' } as const;
    expect(await lot.recordFailure(ticket(1), limited, NOW)).toEqual({
      verdict: 'retry',
      record: undefined,
      newlyParked: false,
    });
    expect(store.data.size).toBe(0);
    const before = await stored(store, ticket(2), { state: 'failing' });
    expect(await lot.recordFailure(ticket(2), limited, NOW)).toEqual({
      verdict: 'retry',
      record: before,
      newlyParked: false,
    });
    expect(await lot.get(parkingId(ticket(2)))).toEqual(before);
  });

  it('a rate limit does not renew a failing record’s 30 days', async () => {
    const store = new ExpiringStore();
    const lot = new ParkingLot(store);
    await lot.recordFailure(ticket(1), definite, NOW);
    store.advanceDays(29);
    await lot.recordFailure(ticket(1), { failure: 'rateLimited', code: 'editIssue: rate limited' }, NOW);
    store.advanceDays(1);
    expect(await lot.get(parkingId(ticket(1)))).toBeUndefined();
  });

  it('uses the record the caller already read (null: none) instead of reading it again', async () => {
    const store = new CountingStore();
    const lot = new ParkingLot(store);
    await stored(store, ticket(1), { state: 'failing' });
    const recorded = await lot.recordFailure(ticket(1), definite, NOW, null);
    expect(store.gets).toEqual([]);
    expect(recorded.record?.attempts).toBe(1);
    await lot.recordFailure(ticket(1), definite, NOW);
    expect(store.gets).toEqual([`park:${parkingId(ticket(1))}`]);
  });

  it('lists a project’s ticket records 100 to a KVS query, across pages', async () => {
    const store = new CountingStore();
    for (let n = 1; n <= 150; n++) await stored(store, ticket(n), { state: n % 2 ? 'parked' : 'failing' });
    await stored(store, ticket(1, 'OPS'));
    const records = await new ParkingLot(store).ticketsOf('SUP');
    expect(records.size).toBe(150);
    expect(records.get('10150')?.state).toBe('failing');
    expect(store.lists).toEqual([
      { prefix: 'park:t:SUP:', limit: 100 },
      { prefix: 'park:t:SUP:', limit: 100 },
    ]);
  });

  it('lists the parked items most recently parked first, a record without its parking time last', async () => {
    const store = new MemoryStore();
    await stored(store, ticket(1), { parkedAt: '2026-11-25T09:00:00.000Z' });
    await stored(store, ticket(2));
    await stored(store, ticket(3), { parkedAt: '2026-11-27T09:00:00.000Z' });
    await stored(store, ticket(4), { state: 'failing' });
    const parked = await new ParkingLot(store).parked();
    expect(parked.map((p) => p.record.subject)).toEqual([ticket(3), ticket(1), ticket(2)]);
    expect(parked[0]?.id).toBe(parkingId(ticket(3)));
  });

  it('reads at most `maxRecords` records for the parked list, 100 to a query', async () => {
    const store = new CountingStore();
    for (let n = 1; n <= 350; n++) await stored(store, ticket(n), { parkedAt: NOW.toISOString() });
    const parked = await new ParkingLot(store).parked(200);
    expect(parked).toHaveLength(200);
    expect(store.lists).toEqual([
      { prefix: 'park:', limit: 100 },
      { prefix: 'park:', limit: 100 },
    ]);
    expect(await new ParkingLot(store).parked()).toHaveLength(350);
  });

  it('forgets an item on clear', async () => {
    const store = new MemoryStore();
    await stored(store, ticket(1));
    const lot = new ParkingLot(store);
    await lot.clear(parkingId(ticket(1)));
    expect(await lot.get(parkingId(ticket(1)))).toBeUndefined();
  });
});
