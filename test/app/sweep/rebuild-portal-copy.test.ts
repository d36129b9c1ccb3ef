import { keepSearchCopy } from '../../../src/app/sweep/rebuild-portal-copy';
import type { SweepContext } from '../../../src/app/sweep/sweep-context';
import { announce, indexedWrite } from '../../../src/app/shared/due-index';
import type { IssueBean } from '../../../src/app/ports/jira';
import { PROCESS_STATE_KEY } from '../../../src/domain/process-state';
import { COPY_TTL_DAYS } from '../../../src/app/shared/portal-copy';
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
