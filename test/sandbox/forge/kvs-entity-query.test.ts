import { kvs, Sort, WhereConditions } from '@forge/kvs';

import { kvsError, startHost, type Harness } from './harness';

interface DueEntry {
  project?: string;
  due?: string;
  rank?: number;
  note?: unknown;
}

const entries = () => kvs.entity<DueEntry>('due-entry');
const byProjectDue = (project: string) =>
  entries()
    .query()
    .index('by-project-due', { partition: [project] });

describe('custom entity index queries on the local site (strict reading)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHost();
    h.host.kvs.indexLagMs = 0;
  });
  afterEach(() => h.close());

  it('returns one partition in range order, with the range condition applied, and pages by cursor', async () => {
    await entries().set('SD-3', { project: 'SD', due: '2026-03-05T00:00:00.000Z' });
    await entries().set('SD-1', { project: 'SD', due: '2026-03-03T00:00:00.000Z' });
    await entries().set('SD-2', { project: 'SD', due: '2026-03-04T00:00:00.000Z' });
    await entries().set('SD-9', { project: 'SD', due: '2026-04-01T00:00:00.000Z' });
    await entries().set('OT-1', { project: 'OT', due: '2026-03-01T00:00:00.000Z' });
    await entries().set('SD-4', { project: 'SD' });
    const first = await byProjectDue('SD')
      .where(WhereConditions.lessThanEqualTo('2026-03-05T00:00:00.000Z'))
      .limit(2)
      .getMany();
    expect(first.results.map((r) => r.key)).toEqual(['SD-1', 'SD-2']);
    expect(first.nextCursor).toEqual(expect.any(String));
    // The entity that was first moves out of range between the pages: the cursor is a position, not an offset.
    await entries().set('SD-1', { project: 'SD', due: '2026-05-01T00:00:00.000Z' });
    const second = await byProjectDue('SD')
      .where(WhereConditions.lessThanEqualTo('2026-03-05T00:00:00.000Z'))
      .limit(2)
      .cursor(first.nextCursor ?? '')
      .getMany();
    expect(second.results.map((r) => r.key)).toEqual(['SD-3']);
    expect(second.nextCursor).toBeUndefined();
    const desc = await byProjectDue('SD').sort(Sort.DESC).getMany();
    expect(desc.results.map((r) => r.key)).toEqual(['SD-1', 'SD-9', 'SD-3', 'SD-2']);
  });

  it('refuses what the index does not declare: unknown index, missing partition, wrong range type, limits', async () => {
    expect((await kvsError(entries().query().index('by-nothing').getMany())).code).toBe('INVALID_INDEX');
    expect((await kvsError(entries().query().index('by-project-due').getMany())).code).toBe(
      'INVALID_PARTITION',
    );
    expect((await kvsError(byProjectDue('SD').where(WhereConditions.lessThan(5)).getMany())).code).toBe(
      'INVALID_WHERE',
    );
    expect(
      (await kvsError(entries().query().index('rank').where(WhereConditions.beginsWith('1')).getMany())).code,
    ).toBe('INVALID_WHERE');
    expect((await kvsError(byProjectDue('SD').limit(101).getMany())).code).toBe('INVALID_LIMIT');
    await entries().set('SD-1', { rank: 2 });
    await entries().set('SD-2', { rank: 1 });
    const ranked = await entries().query().index('rank').where(WhereConditions.greaterThan(0)).getMany();
    expect(ranked.results.map((r) => r.key)).toEqual(['SD-2', 'SD-1']);
  });

  it('lags behind writes by default: a query sees an entity as it was, a get by key sees the latest write', async () => {
    h.host.kvs.indexLagMs = 5_000;
    await entries().set('SD-1', { project: 'SD', due: '2026-03-03T00:00:00.000Z' });
    expect((await byProjectDue('SD').getMany()).results).toEqual([]);
    h.clock.forwardTo(Date.now() + 5_000);
    expect((await byProjectDue('SD').getMany()).results.map((r) => r.value.due)).toEqual([
      '2026-03-03T00:00:00.000Z',
    ]);
    await entries().set('SD-1', { project: 'SD', due: '2026-03-09T00:00:00.000Z' });
    expect((await byProjectDue('SD').getMany()).results.map((r) => r.value.due)).toEqual([
      '2026-03-03T00:00:00.000Z',
    ]);
    expect((await entries().get('SD-1'))?.due).toBe('2026-03-09T00:00:00.000Z');
  });
});
