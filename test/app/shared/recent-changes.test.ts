import { noteRecentChange, recentChanges } from '../../../src/app/shared/recent-changes';
import { ExpiringStore, MemoryStore } from '../../support/memory-store';

const t0 = new Date('2026-11-27T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
/** A change counts as recent for an hour. */
const WINDOW_MS = 60 * 60_000;

describe('recent changes: the ids a search reconciles', () => {
  it('lists the issues changed within the window, most recent first, per project and kind', async () => {
    const store = new MemoryStore();
    await noteRecentChange(store, 'SD', '10001', 'ticket', t0);
    await noteRecentChange(store, 'SD', '10002', 'ticket', at(1_000));
    await noteRecentChange(store, 'SD', '10004', 'delivery', at(1_500));
    await noteRecentChange(store, 'SDX', '10003', 'ticket', at(2_000));
    expect(await recentChanges(store, 'SD', at(3_000))).toEqual({
      deliveries: [10004],
      tickets: [10002, 10001],
      deliveryMark: `10004@${at(1_500).getTime()}`,
    });
    expect(await recentChanges(store, 'SDX', at(3_000))).toEqual({
      deliveries: [],
      tickets: [10003],
      deliveryMark: '',
    });
  });

  it('an entry without a kind counts as both', async () => {
    const store = new MemoryStore();
    await store.set('recent:SD:10001', { at: t0.toISOString() });
    expect(await recentChanges(store, 'SD', t0)).toEqual({
      deliveries: [10001],
      tickets: [10001],
      deliveryMark: `10001@${t0.getTime()}`,
    });
  });

  it('a change noted again counts from its latest time', async () => {
    const store = new MemoryStore();
    await noteRecentChange(store, 'SD', '10001', 'ticket', t0);
    await noteRecentChange(store, 'SD', '10002', 'ticket', at(1_000));
    await noteRecentChange(store, 'SD', '10001', 'ticket', at(2_000));
    expect((await recentChanges(store, 'SD', at(3_000))).tickets).toEqual([10001, 10002]);
  });

  it('drops changes older than the window and deletes their keys', async () => {
    const store = new MemoryStore();
    await noteRecentChange(store, 'SD', '10001', 'ticket', t0);
    await noteRecentChange(store, 'SD', '10002', 'ticket', at(1));
    expect((await recentChanges(store, 'SD', at(WINDOW_MS))).tickets).toEqual([10002]);
    expect((await store.list('recent:SD:')).entries.map((e) => e.key)).toEqual(['recent:SD:10002']);
  });

  it('lists every recent change, more than a search reconciles, across KVS pages, the most recent first', async () => {
    const store = new MemoryStore();
    for (let n = 0; n < 130; n++)
      await noteRecentChange(store, 'SD', String(10_000 + n), 'ticket', at(n * 1_000));
    const ids = (await recentChanges(store, 'SD', at(200_000))).tickets;
    expect(ids).toHaveLength(130);
    expect(ids[0]).toBe(10_129);
    expect(ids.at(-1)).toBe(10_000);
  });

  it('an unreadable entry is deleted, not reconciled', async () => {
    const store = new MemoryStore();
    await store.set('recent:SD:10001', { at: 'yesterday' });
    await store.set('recent:SD:abc', { at: t0.toISOString() });
    expect(await recentChanges(store, 'SD', t0)).toEqual({ deliveries: [], tickets: [], deliveryMark: '' });
    expect((await store.list('recent:SD:')).entries).toEqual([]);
  });

  it('changes noted at the same moment list the higher id first', async () => {
    const store = new MemoryStore();
    await noteRecentChange(store, 'SD', '10001', 'delivery', t0);
    await noteRecentChange(store, 'SD', '10003', 'delivery', t0);
    await noteRecentChange(store, 'SD', '10002', 'delivery', t0);
    expect((await recentChanges(store, 'SD', t0)).deliveries).toEqual([10003, 10002, 10001]);
  });

  it('the Delivery mark changes with every Delivery change noted, also one Delivery noted again, and not with tickets', async () => {
    const store = new MemoryStore();
    await noteRecentChange(store, 'SD', '10001', 'delivery', t0);
    const first = (await recentChanges(store, 'SD', at(1_000))).deliveryMark;
    await noteRecentChange(store, 'SD', '10005', 'ticket', at(500));
    expect((await recentChanges(store, 'SD', at(1_000))).deliveryMark).toBe(first);
    await noteRecentChange(store, 'SD', '10001', 'delivery', at(600));
    const again = (await recentChanges(store, 'SD', at(1_000))).deliveryMark;
    expect(again).not.toBe(first);
    await noteRecentChange(store, 'SD', '10002', 'delivery', at(700));
    expect((await recentChanges(store, 'SD', at(1_000))).deliveryMark).toBe(
      `10002@${at(700).getTime()},10001@${at(600).getTime()}`,
    );
  });

  it('reads a time written with an offset as the instant it is', async () => {
    const store = new MemoryStore();
    await store.set('recent:SD:10001', { at: '2026-11-27T11:30:00+01:00', kind: 'ticket' });
    expect((await recentChanges(store, 'SD', at(WINDOW_MS - 1))).tickets).toEqual([10001]);
    expect((await recentChanges(store, 'SD', at(WINDOW_MS + 30 * 60_000))).tickets).toEqual([]);
  });

  it('an entry of a kind the app does not know is deleted', async () => {
    const store = new MemoryStore();
    await store.set('recent:SD:10001', { at: t0.toISOString(), kind: 'epic' });
    expect(await recentChanges(store, 'SD', t0)).toEqual({ deliveries: [], tickets: [], deliveryMark: '' });
    expect(store.data.size).toBe(0);
  });

  it('KVS lets a noted change go after a day, should no reader delete it', async () => {
    const store = new ExpiringStore();
    await noteRecentChange(store, 'SD', '10001', 'ticket', t0);
    expect(await store.get('recent:SD:10001')).toEqual({ at: t0.toISOString(), kind: 'ticket' });
    store.advanceDays(1);
    expect(await store.get('recent:SD:10001')).toBeUndefined();
  });
});
