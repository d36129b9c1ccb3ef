import {
  EVENT_WRITER,
  markStateWrite,
  readStateWrite,
  writtenSince,
  type StateWriteMarker,
} from '../../../src/app/shared/state-write-marker';
import { ExpiringStore, MemoryStore } from '../../support/memory-store';

const BASIS = '2026-11-27T09:00:00.000Z';

describe('state-write markers: who announced the last write of a ticket’s state, per ticket and channel', () => {
  it.each<[string, boolean, StateWriteMarker | undefined, string | undefined]>([
    ['no marker', false, undefined, BASIS],
    [
      'an event’s marker after the basis',
      true,
      { updatedAt: '2026-11-27T09:00:01.000Z', writer: EVENT_WRITER },
      BASIS,
    ],
    ['an event’s marker of the basis itself', false, { updatedAt: BASIS, writer: EVENT_WRITER }, BASIS],
    [
      'an event’s marker before the basis',
      false,
      { updatedAt: '2026-11-27T08:59:59.000Z', writer: EVENT_WRITER },
      BASIS,
    ],
    [
      'any foreign marker when the decision had no state',
      true,
      { updatedAt: '2026-11-27T08:00:00.000Z', writer: 'k' },
      undefined,
    ],
    [
      'the writer’s own marker, however new',
      false,
      { updatedAt: '2026-11-27T10:00:00.000Z', writer: 'self' },
      BASIS,
    ],
    [
      'the same instant in another offset',
      false,
      { updatedAt: '2026-11-27T10:00:00.000+01:00', writer: EVENT_WRITER },
      BASIS,
    ],
  ])('%s: written since → %s', (_, expected, marker, basis) => {
    expect(writtenSince(marker, basis, 'self')).toBe(expected);
  });

  it('keeps one marker per ticket and channel, under the keys the KVS figures and the race tests read', async () => {
    const store = new MemoryStore();
    await markStateWrite(store, '10001', '2026-11-27T09:00:00.000Z', EVENT_WRITER);
    await markStateWrite(
      store,
      '10001',
      '2026-11-27T09:05:00.000Z',
      '10001:clarification:1:reminder1',
      'sweep',
    );
    await markStateWrite(store, '10002', '2026-11-27T09:10:00.000Z', EVENT_WRITER);
    expect([...store.data.keys()].sort()).toEqual([
      'statewrite:10001',
      'statewrite:10001:sweep',
      'statewrite:10002',
    ]);
    expect(await readStateWrite(store, '10001')).toEqual({
      updatedAt: '2026-11-27T09:00:00.000Z',
      writer: EVENT_WRITER,
    });
    expect(await readStateWrite(store, '10001', 'sweep')).toEqual({
      updatedAt: '2026-11-27T09:05:00.000Z',
      writer: '10001:clarification:1:reminder1',
    });
    expect(await readStateWrite(store, '10002', 'sweep')).toBeUndefined();
    expect(await readStateWrite(store, '10003')).toBeUndefined();
  });

  it('reads an unreadable marker as none', async () => {
    const store = new MemoryStore();
    await store.set('statewrite:10001', { updatedAt: 'yesterday', writer: EVENT_WRITER });
    await store.set('statewrite:10001:sweep', { updatedAt: BASIS });
    expect(await readStateWrite(store, '10001')).toBeUndefined();
    expect(await readStateWrite(store, '10001', 'sweep')).toBeUndefined();
  });

  it('keeps a marker 60 days: past the longest gap between two steps of a timer a reply restarts (50 days)', async () => {
    const store = new ExpiringStore();
    await markStateWrite(store, '10001', BASIS, EVENT_WRITER);
    await markStateWrite(store, '10001', BASIS, 'k', 'sweep');
    store.advanceDays(59);
    expect(await readStateWrite(store, '10001')).toBeDefined();
    expect(await readStateWrite(store, '10001', 'sweep')).toBeDefined();
    store.advanceDays(1);
    expect(await readStateWrite(store, '10001')).toBeUndefined();
    expect(await readStateWrite(store, '10001', 'sweep')).toBeUndefined();
  });
});
