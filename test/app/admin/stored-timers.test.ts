import { storedTimers } from '../../../src/app/admin/stored-timers';
import { repairBasis, writeRepairMarker } from '../../../src/app/shared/repair-marker';
import { configForProject } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { initialState, type ProcessState } from '../../../src/domain/process-state';
import { startTimer } from '../../../src/domain/timers';
import { MemoryDueIndex, MemoryStore } from '../../support/memory-store';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const UNTIL = new Date('2026-12-04T09:00:00.000Z');
const cfg = configForProject(defaultConfig, 'SUP');

/** A Resolved timer that started `daysAgo` days before now. */
function resolvedState(daysAgo: number): ProcessState {
  return startTimer(
    'supportRequest',
    'resolved',
    new Date(NOW.getTime() - daysAgo * 86_400_000),
    { statusId: '5' },
    cfg,
  );
}

/**
 * A due index answering in pages as the custom entity store does: at most `pageSize` entries per query, a cursor
 * while more follow, and no query asking for more than the platform's 100.
 */
class PagedDueIndex extends MemoryDueIndex {
  readonly queries: { projectKey: string; until: string; limit: number; cursor?: string }[] = [];
  /** Entries a query returns again on its next page (an entry re-indexed while the pages are read). */
  readonly repeated = new Set<string>();

  constructor(private readonly pageSize: number) {
    super();
  }

  override async dueUntil(projectKey: string, until: string, options: { limit: number; cursor?: string }) {
    this.queries.push({ projectKey, until, ...options });
    if (!(options.limit >= 1 && options.limit <= 100)) throw new Error(`limit ${String(options.limit)}`);
    const page = await super.dueUntil(projectKey, until, {
      ...options,
      limit: Math.min(options.limit, this.pageSize),
    });
    const start = options.cursor === undefined ? 0 : Number(options.cursor);
    const before = start === 0 ? [] : (await super.dueUntil(projectKey, until, { limit: start })).entries;
    const again = before.filter((e) => this.repeated.has(e.issueKey));
    return { ...page, entries: [...again, ...page.entries] };
  }
}

async function built(store: MemoryStore, ...projects: string[]) {
  for (const projectKey of projects)
    await writeRepairMarker(store, projectKey, { at: NOW.toISOString(), basis: repairBasis(1) });
}

describe('storedTimers', () => {
  it('lists the tickets with a running timer from their state copies, and those without a copy as unknown', async () => {
    const store = new MemoryStore();
    await built(store, 'SUP');
    const index = new MemoryDueIndex();
    const running = resolvedState(3);
    index.put('SUP-1', '2026-11-28T09:00:00.000Z', running);
    index.put('SUP-2', '2026-11-29T09:00:00.000Z');
    index.put('SUP-3', '2026-11-30T09:00:00.000Z', initialState(NOW, '1'));
    index.put('SUP-4', '2026-11-30T10:00:00.000Z', { v: 99 });

    const result = await storedTimers({ dueIndex: index, store }, ['SUP'], UNTIL);

    expect(result).toEqual({
      tickets: [
        { issueKey: 'SUP-1', projectKey: 'SUP', indexedDueAt: '2026-11-28T09:00:00.000Z', state: running },
      ],
      unknown: [
        { issueKey: 'SUP-2', projectKey: 'SUP', indexedDueAt: '2026-11-29T09:00:00.000Z' },
        { issueKey: 'SUP-4', projectKey: 'SUP', indexedDueAt: '2026-11-30T10:00:00.000Z' },
      ],
      unindexed: [],
    });
  });

  it('leaves out tickets due after the given time', async () => {
    const store = new MemoryStore();
    await built(store, 'SUP');
    const index = new MemoryDueIndex();
    index.put('SUP-1', UNTIL.toISOString());
    index.put('SUP-2', '2026-12-04T09:00:00.001Z');

    const result = await storedTimers({ dueIndex: index, store }, ['SUP'], UNTIL);

    expect(result.unknown.map((t) => t.issueKey)).toEqual(['SUP-1']);
  });

  it('names the projects whose due index is not built yet, and still reads what their index holds', async () => {
    const store = new MemoryStore();
    await built(store, 'SUP');
    await writeRepairMarker(store, 'OLD', { at: NOW.toISOString(), basis: 'due-index-1:1' });
    const index = new MemoryDueIndex();
    index.put('NEW-1', '2026-11-28T09:00:00.000Z');

    const result = await storedTimers({ dueIndex: index, store }, ['SUP', 'NEW', 'OLD'], UNTIL);

    expect(result.unindexed).toEqual(['NEW', 'OLD']);
    expect(result.unknown.map((t) => t.issueKey)).toEqual(['NEW-1']);
  });

  it('reads every page of every project, at most 100 entries a query', async () => {
    const store = new MemoryStore();
    await built(store, 'SUP', 'ABC');
    const index = new PagedDueIndex(2);
    for (let n = 1; n <= 5; n++) index.put(`SUP-${n}`, `2026-11-28T0${n}:00:00.000Z`, resolvedState(n));
    index.put('ABC-1', '2026-11-28T09:00:00.000Z');

    const result = await storedTimers({ dueIndex: index, store }, ['SUP', 'ABC'], UNTIL);

    expect(result.tickets.map((t) => t.issueKey)).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5']);
    expect(result.unknown.map((t) => t.issueKey)).toEqual(['ABC-1']);
    expect(index.queries).toEqual([
      { projectKey: 'SUP', until: UNTIL.toISOString(), limit: 100 },
      { projectKey: 'SUP', until: UNTIL.toISOString(), limit: 100, cursor: '2' },
      { projectKey: 'SUP', until: UNTIL.toISOString(), limit: 100, cursor: '4' },
      { projectKey: 'ABC', until: UNTIL.toISOString(), limit: 100 },
    ]);
  });

  it('lists a ticket once when a later page returns it again', async () => {
    const store = new MemoryStore();
    await built(store, 'SUP');
    const index = new PagedDueIndex(1);
    index.put('SUP-1', '2026-11-28T01:00:00.000Z', resolvedState(1));
    index.put('SUP-2', '2026-11-28T02:00:00.000Z');
    index.repeated.add('SUP-1');
    index.repeated.add('SUP-2');

    const result = await storedTimers({ dueIndex: index, store }, ['SUP'], UNTIL);

    expect(result.tickets.map((t) => t.issueKey)).toEqual(['SUP-1']);
    expect(result.unknown.map((t) => t.issueKey)).toEqual(['SUP-2']);
  });
});
