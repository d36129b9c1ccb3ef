import { lastSweepAt, sweepRunKey } from '../../../src/app/sweep/last-sweep';
import { MemoryStore } from '../../support/memory-store';

const at = (iso: string) => ({ at: iso });

describe('run markers: when the scheduled sweep last ran', () => {
  it('one marker per project and ten-minute slot', () => {
    const key = sweepRunKey('SUP', new Date('2026-11-27T10:00:00Z'));
    expect(sweepRunKey('SUP', new Date('2026-11-27T10:09:59Z'))).toBe(key);
    expect(sweepRunKey('SUP', new Date('2026-11-27T10:10:00Z'))).not.toBe(key);
    expect(sweepRunKey('OPS', new Date('2026-11-27T10:00:00Z'))).not.toBe(key);
    expect(key.startsWith('sweep:run:SUP:')).toBe(true);
  });

  it('is unknown when no marker is kept', async () => {
    expect(await lastSweepAt(new MemoryStore(), ['SUP'])).toBeNull();
  });

  it('is the latest marker of any of the projects', async () => {
    const store = new MemoryStore();
    for (const [projectKey, iso] of [
      ['SUP', '2026-11-27T08:00:00.000Z'],
      ['SUP', '2026-11-27T10:00:00.000Z'],
      ['SUP', '2026-11-27T09:00:00.000Z'],
      ['OPS', '2026-11-27T11:00:00.000Z'],
    ] as const)
      await store.set(sweepRunKey(projectKey, new Date(iso)), at(iso));
    expect(await lastSweepAt(store, ['SUP'])).toEqual(new Date('2026-11-27T10:00:00.000Z'));
    expect(await lastSweepAt(store, ['SUP', 'OPS'])).toEqual(new Date('2026-11-27T11:00:00.000Z'));
    expect(await lastSweepAt(store, ['OPS', 'SUP'])).toEqual(new Date('2026-11-27T11:00:00.000Z'));
  });

  it('leaves out the markers of projects whose key merely starts alike', async () => {
    const store = new MemoryStore();
    await store.set(sweepRunKey('SUP', new Date('2026-11-27T08:00:00Z')), at('2026-11-27T08:00:00.000Z'));
    await store.set(sweepRunKey('SUPX', new Date('2026-11-27T09:00:00Z')), at('2026-11-27T09:00:00.000Z'));
    expect(await lastSweepAt(store, ['SUP'])).toEqual(new Date('2026-11-27T08:00:00.000Z'));
  });

  it.each([
    ['without a time', {}],
    ['with a time that is not text', { at: 1_764_237_600_000 }],
    ['with a year that is not text', { at: 2030 }],
    ['with a time that cannot be read', { at: 'yesterday' }],
  ])('passes over a marker %s', async (_name, marker) => {
    const store = new MemoryStore();
    await store.set(sweepRunKey('SUP', new Date('2026-11-27T08:00:00Z')), at('2026-11-27T08:00:00.000Z'));
    await store.set(sweepRunKey('SUP', new Date('2026-11-27T09:00:00Z')), marker);
    expect(await lastSweepAt(store, ['SUP'])).toEqual(new Date('2026-11-27T08:00:00.000Z'));
    const alone = new MemoryStore();
    await alone.set(sweepRunKey('SUP', new Date('2026-11-27T09:00:00Z')), marker);
    expect(await lastSweepAt(alone, ['SUP'])).toBeNull();
  });

  /** `count` markers of SUP, ten minutes apart from midnight, in a store that records the pages listed. */
  async function markers(count: number) {
    const store = new MemoryStore();
    const listed: { prefix: string; options: unknown }[] = [];
    const list = store.list.bind(store);
    store.list = async (prefix, options) => {
      listed.push({ prefix, options });
      return list(prefix, options);
    };
    for (let i = 0; i < count; i++) {
      const time = new Date(Date.parse('2026-11-26T00:00:00Z') + i * 600_000);
      await store.set(sweepRunKey('SUP', time), at(time.toISOString()));
    }
    return { store, listed };
  }

  it('reads the markers a page of 100 at a time, following the cursor', async () => {
    const { store, listed } = await markers(150);
    expect(await lastSweepAt(store, ['SUP'])).toEqual(
      new Date(Date.parse('2026-11-26T00:00:00Z') + 149 * 600_000),
    );
    expect(listed).toStrictEqual([
      { prefix: 'sweep:run:SUP:', options: { limit: 100 } },
      { prefix: 'sweep:run:SUP:', options: { limit: 100, cursor: '100' } },
    ]);
  });

  it('reads at most three pages of markers per project', async () => {
    const { store, listed } = await markers(350);
    expect(await lastSweepAt(store, ['SUP'])).toEqual(
      new Date(Date.parse('2026-11-26T00:00:00Z') + 299 * 600_000),
    );
    expect(listed).toHaveLength(3);
  });
});
