import { freshFieldIndexForRebuild, keepSearchCopy } from '../../../src/app/sweep/rebuild-portal-copy';
import { PointsBudget } from '../../../src/app/sweep/points-budget';
import { cachedFieldNameIndex } from '../../../src/app/shared/field-ids';
import { configForProject } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import type { SweepContext } from '../../../src/app/sweep/sweep-context';
import { announce, indexedWrite } from '../../../src/app/shared/due-index';
import type { IssueBean } from '../../../src/app/ports/jira';
import { PROCESS_STATE_KEY } from '../../../src/domain/process-state';
import { COPY_TTL_DAYS, type StoredCopy } from '../../../src/app/shared/portal-copy';
import type { DueIndexEntry, DueIndexWriter } from '../../../src/app/ports';
import { ExpiringStore, MemoryDueIndex, MemoryStore } from '../../support/memory-store';

const NOW = new Date('2026-11-30T09:00:00.000Z');
const UPDATED = '2026-11-30T08:00:00.000+0000';
const WRITTEN = { timer: 'clarification', nextDueAt: '2026-12-07T09:00:00Z' };
const SEARCHED = { timer: 'none' };

/** The search's ticket: its property as the lagging index still has it. */
const BEAN: IssueBean = {
  id: '10001',
  key: 'SD-1',
  fields: { summary: 'CSV import', status: { id: '3', name: 'In Progress' }, updated: UPDATED },
  properties: { [PROCESS_STATE_KEY]: SEARCHED },
};

function context(index: MemoryDueIndex, store: MemoryStore): SweepContext {
  return { deps: { store, dueIndex: index }, dryRun: false, now: NOW } as unknown as SweepContext;
}

async function settledIndex(): Promise<MemoryDueIndex> {
  const index = new MemoryDueIndex();
  await indexedWrite(index, 'SD-1', { dueAt: WRITTEN.nextDueAt, value: WRITTEN, basis: UPDATED }, NOW, () =>
    Promise.resolve(),
  );
  return index;
}

describe('keepSearchCopy: the portal copy from a search', () => {
  it("takes the state from the due index entry's settled copy, not from the (lagging) search", async () => {
    const index = await settledIndex();
    const store = new MemoryStore();
    await keepSearchCopy(context(index, store), BEAN, {});
    expect(await store.get('portal:copy:SD-1')).toMatchObject({
      bean: { key: 'SD-1', properties: { [PROCESS_STATE_KEY]: WRITTEN } },
      basis: UPDATED,
    });
  });

  it('keeps the copy for COPY_TTL_DAYS after it was made', async () => {
    const store = new ExpiringStore();
    await keepSearchCopy(context(await settledIndex(), store), BEAN, {});
    store.advanceDays(COPY_TTL_DAYS - 1);
    expect(await store.get('portal:copy:SD-1')).toBeDefined();
    store.advanceDays(1);
    expect(await store.get('portal:copy:SD-1')).toBeUndefined();
  });

  it('keeps no copy while a writer is between its announcement and its settle', async () => {
    const index = await settledIndex();
    await announce(index, 'SD-1', undefined, NOW);
    const store = new MemoryStore();
    await keepSearchCopy(context(index, store), BEAN, {});
    expect(await store.get('portal:copy:SD-1')).toBeUndefined();
  });

  it('marks the copy stale when a writer announced while it was being created', async () => {
    const index = await settledIndex();
    const get = index.get.bind(index);
    let reads = 0;
    index.get = async (key) => {
      reads += 1;
      if (reads === 2) await announce(index, key, undefined, NOW);
      return get(key);
    };
    const store = new MemoryStore();
    await keepSearchCopy(context(index, store), BEAN, {});
    expect(reads).toBeGreaterThan(2);
    expect(await store.get('portal:copy:SD-1')).toEqual({});
  });

  it('never writes over a record: a mark a change left stays', async () => {
    const index = await settledIndex();
    const store = new MemoryStore();
    await store.set('portal:copy:SD-1', { floor: '2026-11-30T08:30:00.000+0000' });
    await keepSearchCopy(context(index, store), BEAN, {});
    expect(await store.get('portal:copy:SD-1')).toEqual({ floor: '2026-11-30T08:30:00.000+0000' });
  });
});

/** A due index whose reads answer `entries` one after another (the entry before, then after the creation). */
function scriptedIndex(...entries: (Partial<DueIndexEntry> | undefined)[]) {
  const reads: string[] = [];
  const index = {
    get: (key: string) => {
      reads.push(key);
      const entry = entries.shift();
      return Promise.resolve(
        entry && { issueKey: key, projectKey: 'SD', version: 2, lastPre: 1, pending: [], ...entry },
      );
    },
  };
  return { index: index as unknown as MemoryDueIndex, reads };
}

const SETTLED: Partial<DueIndexEntry> = { state: WRITTEN };

describe('keepSearchCopy: which tickets get a copy', () => {
  it.each<[string, IssueBean, boolean]>([
    ['the search of a dry run', BEAN, true],
    ['a ticket without a key', { ...BEAN, key: undefined }, false],
    ['a ticket without its updated time', { ...BEAN, fields: { ...BEAN.fields, updated: undefined } }, false],
  ])('keeps no copy for %s', async (_, bean, dryRun) => {
    const { index } = scriptedIndex(SETTLED, SETTLED);
    const store = new MemoryStore();
    await keepSearchCopy({ ...context(index, store), dryRun }, bean, {});
    expect([...store.data.keys()]).toEqual([]);
  });

  it('reads only the record for a ticket that has one', async () => {
    const { index, reads } = scriptedIndex(SETTLED, SETTLED);
    const store = new MemoryStore();
    await store.set('portal:copy:SD-1', { floor: UPDATED });
    await keepSearchCopy(context(index, store), BEAN, {});
    expect(reads).toEqual([]);
  });

  it('keeps none while the entry names a writer, even with a state copy', async () => {
    const { index } = scriptedIndex({ ...SETTLED, pending: [{} as DueIndexWriter] }, SETTLED);
    const store = new MemoryStore();
    await keepSearchCopy(context(index, store), BEAN, {});
    expect(await store.get('portal:copy:SD-1')).toBeUndefined();
  });

  it('keeps none when the entry has no state copy and is not known to be stateless', async () => {
    const { index } = scriptedIndex({}, {});
    const store = new MemoryStore();
    await keepSearchCopy(context(index, store), BEAN, {});
    expect(await store.get('portal:copy:SD-1')).toBeUndefined();
  });

  it('copies a ticket known to have no state without the search’s property', async () => {
    const { index } = scriptedIndex({ stateless: true }, { stateless: true });
    const store = new MemoryStore();
    await keepSearchCopy(context(index, store), BEAN, {});
    const copy = await store.get<StoredCopy>('portal:copy:SD-1');
    expect(copy?.basis).toBe(UPDATED);
    expect(copy?.bean?.properties).toEqual({});
  });

  it('copies a ticket the search returned without properties', async () => {
    const { index } = scriptedIndex(SETTLED, SETTLED);
    const store = new MemoryStore();
    await keepSearchCopy(context(index, store), { ...BEAN, properties: undefined }, {});
    const copy = await store.get<StoredCopy>('portal:copy:SD-1');
    expect(copy?.bean?.properties).toEqual({ [PROCESS_STATE_KEY]: WRITTEN });
  });

  it.each<[string, Partial<DueIndexEntry> | undefined]>([
    ['the entry is gone', undefined],
    ['a writer announced and settled', { ...SETTLED, lastPre: 3 }],
    ['a writer is pending', { pending: [{} as DueIndexWriter], lastPre: 1 }],
    ['the settled state changed', { state: SEARCHED }],
  ])('marks the copy stale when, after its creation, %s', async (_, after) => {
    const { index } = scriptedIndex(SETTLED, after);
    const store = new MemoryStore();
    await keepSearchCopy(context(index, store), BEAN, {});
    expect(await store.get('portal:copy:SD-1')).toEqual({});
  });
});

describe('freshFieldIndexForRebuild: the site’s fields before an index rebuild searches', () => {
  const FIELD_POINTS = 31;
  const cfg = configForProject(defaultConfig, 'SD');

  /** A rebuild's context whose `GET /field` is charged `FIELD_POINTS` by the client's stats. */
  function rebuild(options: { dryRun?: boolean; spent?: number } = {}) {
    const store = new MemoryStore();
    const stats = { totalPoints: 500 };
    const reads: string[] = [];
    const jira = {
      getFields: () => {
        reads.push('GET /field');
        stats.totalPoints += FIELD_POINTS;
        return Promise.resolve([{ id: 'customfield_10002', name: 'Organizations' }]);
      },
    };
    const ctx = {
      deps: { store, jira, stats },
      cfg,
      now: NOW,
      dryRun: options.dryRun ?? false,
    } as unknown as SweepContext;
    const budget = new PointsBudget(store, 1000, NOW);
    return { ctx, budget, reads, store, spend: () => budget.charge(options.spent ?? 0) };
  }

  it('reads the fields once when its index is stale, and charges their points to the hour', async () => {
    const r = rebuild();
    await freshFieldIndexForRebuild(r.ctx, r.budget);
    expect(r.reads).toEqual(['GET /field']);
    expect(await r.budget.spent()).toBe(FIELD_POINTS);
    expect(await cachedFieldNameIndex(r.store, NOW, cfg)).toBeDefined();
  });

  it('reads nothing while its index is fresh', async () => {
    const r = rebuild();
    await freshFieldIndexForRebuild(r.ctx, r.budget);
    await freshFieldIndexForRebuild(r.ctx, r.budget);
    expect(r.reads).toEqual(['GET /field']);
    expect(await r.budget.spent()).toBe(FIELD_POINTS);
  });

  it('reads nothing in a dry run, which keeps no copies', async () => {
    const r = rebuild({ dryRun: true });
    await freshFieldIndexForRebuild(r.ctx, r.budget);
    expect(r.reads).toEqual([]);
    expect(await r.budget.spent()).toBe(0);
  });

  it.each([
    { spent: 900, reads: ['GET /field'] },
    { spent: 901, reads: [] },
  ])('with 1000 - $spent points of the hour left it reads $reads', async ({ spent, reads }) => {
    const r = rebuild({ spent });
    await r.spend();
    await freshFieldIndexForRebuild(r.ctx, r.budget);
    expect(r.reads).toEqual(reads);
  });

  it('charges the points of a read that failed', async () => {
    const r = rebuild();
    const failing = {
      getFields: () => {
        (r.ctx.deps.stats as { totalPoints: number }).totalPoints += 1;
        return Promise.reject(new Error('503'));
      },
    };
    const ctx = { ...r.ctx, deps: { ...r.ctx.deps, jira: failing } } as unknown as SweepContext;
    await expect(freshFieldIndexForRebuild(ctx, r.budget)).rejects.toThrow('503');
    expect(await r.budget.spent()).toBe(1);
  });
});
