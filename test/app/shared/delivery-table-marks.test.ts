import type { WorkItem } from '../../../src/app/ports';
import {
  clearTableMark,
  DELIVERY_TABLE_WORK,
  requeueStaleTableMarks,
  scheduleTableRegeneration,
  tableMarkOf,
} from '../../../src/app/shared/delivery-table-marks';
import {
  TABLE_DELAY_SECONDS,
  TABLE_MARK_STALE_SECONDS,
} from '../../../src/domain/delivery/table-regeneration';
import { ExpiringStore } from '../../support/memory-store';

const NOW = new Date('2026-11-27T10:00:00.000Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

/** A queue recording its pushes, refusing the next `failures` of them; warnings logged. */
function site(failures = 0) {
  const store = new ExpiringStore();
  const pushes: WorkItem[][] = [];
  const warnings: { event: string; data: unknown }[] = [];
  let refuse = failures;
  const queue = {
    async push(items: WorkItem[]) {
      if (refuse > 0) {
        refuse -= 1;
        throw new Error('queue refused');
      }
      pushes.push(items);
    },
  };
  const log = {
    warn(event: string, data: unknown) {
      warnings.push({ event, data });
    },
    info() {},
    error() {},
  };
  return { store, queue, log, pushes, warnings, deps: { store, queue, log } };
}

describe('scheduling a Delivery table’s regeneration after a change of its links', () => {
  it('the first change marks the table and queues one regeneration after the delay', async () => {
    const s = site();
    await expect(scheduleTableRegeneration(s.deps, 'SD', 'd1', NOW)).resolves.toBe(true);
    const mark = await tableMarkOf(s.store, 'd1');
    expect(mark).toEqual({ token: expect.any(String), at: NOW.toISOString(), projectKey: 'SD' });
    expect(s.pushes).toStrictEqual([
      [
        {
          body: { type: DELIVERY_TABLE_WORK, deliveryId: 'd1', projectKey: 'SD', token: mark?.token },
          delaySeconds: TABLE_DELAY_SECONDS,
        },
      ],
    ]);
  });

  it('further changes while it is queued queue nothing more', async () => {
    const s = site();
    await scheduleTableRegeneration(s.deps, 'SD', 'd1', NOW);
    await expect(scheduleTableRegeneration(s.deps, 'SD', 'd1', later(60))).resolves.toBe(false);
    expect(s.pushes).toHaveLength(1);
  });

  it('each Delivery has its own mark', async () => {
    const s = site();
    await scheduleTableRegeneration(s.deps, 'SD', 'd1', NOW);
    await expect(scheduleTableRegeneration(s.deps, 'SD', 'd2', NOW)).resolves.toBe(true);
  });

  it('a mark whose regeneration is lost is replaced by a new one, with a new token', async () => {
    const s = site();
    await scheduleTableRegeneration(s.deps, 'SD', 'd1', NOW);
    const first = await tableMarkOf(s.store, 'd1');
    await expect(
      scheduleTableRegeneration(s.deps, 'SD', 'd1', later(TABLE_MARK_STALE_SECONDS)),
    ).resolves.toBe(true);
    const second = await tableMarkOf(s.store, 'd1');
    expect(second?.token).not.toBe(first?.token);
    expect(second?.at).toBe(later(TABLE_MARK_STALE_SECONDS).toISOString());
  });

  it('a cleared mark lets the next change queue again', async () => {
    const s = site();
    await scheduleTableRegeneration(s.deps, 'SD', 'd1', NOW);
    await clearTableMark(s.store, 'd1');
    expect(await tableMarkOf(s.store, 'd1')).toBeUndefined();
    await expect(scheduleTableRegeneration(s.deps, 'SD', 'd1', later(1))).resolves.toBe(true);
  });

  it('KVS keeps a mark a week', async () => {
    const s = site();
    await scheduleTableRegeneration(s.deps, 'SD', 'd1', NOW);
    s.store.advanceDays(6);
    expect(await tableMarkOf(s.store, 'd1')).toBeDefined();
    s.store.advanceDays(1);
    expect(await tableMarkOf(s.store, 'd1')).toBeUndefined();
  });

  it('a push the queue refuses fails the change and leaves the mark stale at once', async () => {
    const s = site(1);
    await expect(scheduleTableRegeneration(s.deps, 'SD', 'd1', NOW)).rejects.toThrow('queue refused');
    expect(await tableMarkOf(s.store, 'd1')).toEqual(
      expect.objectContaining({ at: new Date(0).toISOString() }),
    );
    // The event's retry a second later queues it.
    await expect(scheduleTableRegeneration(s.deps, 'SD', 'd1', later(1))).resolves.toBe(true);
    expect(s.pushes).toHaveLength(1);
  });

  it('the stale mark after a refused push is kept a week too', async () => {
    const s = site(1);
    await expect(scheduleTableRegeneration(s.deps, 'SD', 'd1', NOW)).rejects.toThrow();
    s.store.advanceDays(6);
    expect(await tableMarkOf(s.store, 'd1')).toBeDefined();
    s.store.advanceDays(1);
    expect(await tableMarkOf(s.store, 'd1')).toBeUndefined();
  });

  it('when even marking it stale fails, the queue’s refusal is what the change fails with', async () => {
    const s = site(1);
    const set = s.store.set.bind(s.store);
    let writes = 0;
    s.store.set = async (key, value, options) => {
      writes += 1;
      if (writes > 1) throw new Error('kvs down');
      return set(key, value, options);
    };
    await expect(scheduleTableRegeneration(s.deps, 'SD', 'd1', NOW)).rejects.toThrow('queue refused');
  });
});

describe('a table mark as KVS holds it', () => {
  const rows: [string, unknown][] = [
    ['no token', { token: '', at: NOW.toISOString(), projectKey: 'SD' }],
    ['no time', { token: 't', at: 'soon', projectKey: 'SD' }],
    ['no project', { token: 't', at: NOW.toISOString(), projectKey: '' }],
    ['no object', 'mark'],
  ];
  it.each(rows)('a value with %s counts as no mark', async (_name, value) => {
    const s = site();
    await s.store.set('deliveryTable:d1', value);
    expect(await tableMarkOf(s.store, 'd1')).toBeUndefined();
    await expect(scheduleTableRegeneration(s.deps, 'SD', 'd1', NOW)).resolves.toBe(true);
  });

  it('a time with an offset is a time', async () => {
    const s = site();
    const mark = { token: 't', at: '2026-11-27T11:00:00.000+01:00', projectKey: 'SD' };
    await s.store.set('deliveryTable:d1', mark);
    expect(await tableMarkOf(s.store, 'd1')).toEqual(mark);
  });
});

describe('the hourly sweep queues again every table whose regeneration was lost', () => {
  /** `count` marked tables, marked `secondsAgo` before the sweep. */
  async function marked(s: ReturnType<typeof site>, count: number, secondsAgo: number, from = 0) {
    for (let i = from; i < from + count; i++)
      await scheduleTableRegeneration(s.deps, 'SD', `d${i}`, later(-secondsAgo));
    s.pushes.length = 0;
  }

  it('queues the stale ones at once under their own token, leaves the fresh ones', async () => {
    const s = site();
    await marked(s, 1, TABLE_MARK_STALE_SECONDS, 0);
    await marked(s, 1, TABLE_MARK_STALE_SECONDS - 1, 1);
    const token = (await tableMarkOf(s.store, 'd0'))?.token;
    await expect(requeueStaleTableMarks(s.deps, NOW)).resolves.toBe(1);
    expect(s.pushes).toStrictEqual([
      [{ body: { type: DELIVERY_TABLE_WORK, deliveryId: 'd0', projectKey: 'SD', token } }],
    ]);
    expect(s.warnings).toEqual([{ event: 'events.deliveryTableRequeued', data: { tables: 1 } }]);
  });

  it('nothing stale: nothing queued, nothing logged', async () => {
    const s = site();
    await marked(s, 3, 10);
    await expect(requeueStaleTableMarks(s.deps, NOW)).resolves.toBe(0);
    expect(s.pushes).toEqual([]);
    expect(s.warnings).toEqual([]);
  });

  it('reads every page of marks and pushes at most 50 a push', async () => {
    const s = site();
    await marked(s, 120, TABLE_MARK_STALE_SECONDS);
    await expect(requeueStaleTableMarks(s.deps, NOW)).resolves.toBe(120);
    expect(s.pushes.map((p) => p.length)).toEqual([50, 50, 20]);
    expect(new Set(s.pushes.flat().map((item) => item.body.deliveryId)).size).toBe(120);
  });

  it('values that are no mark and other keys are left alone', async () => {
    const s = site();
    await s.store.set('deliveryTable:bad', { token: 'x' });
    await s.store.set('recent:SD:1', { token: 't', at: NOW.toISOString(), projectKey: 'SD' });
    await expect(requeueStaleTableMarks(s.deps, later(10_000))).resolves.toBe(0);
  });
});
