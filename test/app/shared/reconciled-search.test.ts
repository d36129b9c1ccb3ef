import { SimClock } from '../../../sandbox/clock';
import { USER } from '../../../sandbox/jira/seed/demo-ids';
import { MAX_RECONCILE, searchReconciled } from '../../../src/app/shared/reconciled-search';
import type { IssueBean, SearchRequest } from '../../../src/app/ports/jira';
import { gatewayOn } from '../../support/site-gateway';

/**
 * Jira reconciles at most 50 issues a search ("Search After Write with Search And Reconcile"); the local site
 * refuses more. `searchReconciled` must still show every named issue as it is now.
 */
describe('searchReconciled: more issues to reconcile than one search takes', () => {
  const LAG = 10 * 60_000;
  let clock: SimClock;
  beforeEach(() => {
    clock = new SimClock('2026-11-27T08:00:00Z');
  });
  afterEach(() => clock.uninstall());

  /** 60 tickets search knows as Open; then the last 30 move to In Progress while search still lags. */
  async function site() {
    const { site, jira, paths } = gatewayOn({ seed: { seed: 7, tickets: 0 }, searchFieldLagMs: LAG });
    const agent = site.actAs(USER.agentDach);
    const keys: string[] = [];
    for (let n = 0; n < 60; n++) {
      keys.push(await agent.createIssue({ project: 'SD', issueType: 'Software Defect', summary: `T${n}` }));
      clock.advance(100); // within the agent's burst limit
    }
    clock.advance(LAG);
    const moved = keys.slice(30);
    for (const key of moved) {
      await agent.transition(key, { status: 'In Progress' });
      clock.advance(100);
    }
    const id = (key: string) => Number(site.store.issue(key)?.id);
    // The moved tickets last, so 10 of them are beyond the 50 the first search reconciles.
    const reconcile = keys.map(id);
    const where = (status: string) => `key in (${keys.join(',')}) AND status = "${status}"`;
    return { jira, paths, keys, moved, reconcile, where };
  }

  const keysOf = (issues: { key?: string }[]) => issues.map((i) => i.key);

  it('finds every reconciled issue that now matches, in key order, with one more search per 50', async () => {
    const { jira, paths, moved, reconcile, where } = await site();
    const before = paths.length;
    const found = await searchReconciled(
      jira,
      { where: where('In Progress'), fields: ['status'] },
      reconcile,
    );
    expect(keysOf(found)).toEqual(moved);
    expect(paths.length - before).toBe(2);
  });

  it('drops a reconciled issue beyond the first 50 that the first search still matched as it was', async () => {
    const { jira, keys, reconcile, where } = await site();
    const found = await searchReconciled(jira, { where: where('Open'), fields: ['status'] }, reconcile);
    expect(keysOf(found)).toEqual(keys.slice(0, 30));
  });

  it(`with at most ${MAX_RECONCILE} to reconcile it is one search, and the rest are as search holds them`, async () => {
    const { jira, paths, keys, moved, reconcile, where } = await site();
    const before = paths.length;
    const found = await searchReconciled(
      jira,
      { where: where('In Progress'), fields: ['status'] },
      reconcile.slice(0, MAX_RECONCILE),
    );
    expect(keysOf(found)).toEqual(moved.slice(0, 20));
    expect(paths.length - before).toBe(1);
    expect(keys).toHaveLength(60);
  });
});

/**
 * A search that answers from `now` (the issues as they are) for the reconciled ids it is given and from `lagging`
 * (as the index still holds them) for the rest, and records every request.
 */
function fakeSearch(lagging: IssueBean[], now: IssueBean[] = lagging) {
  const requests: SearchRequest[] = [];
  const jira = {
    async searchAll(request: SearchRequest) {
      requests.push(request);
      const fresh = new Set((request.reconcileIssues ?? []).map(String));
      const narrowed = /id in \(([\d,]+)\)/.exec(request.jql)?.[1]?.split(',');
      const pool = [...lagging.filter((i) => !fresh.has(i.id)), ...now.filter((i) => fresh.has(i.id))];
      return narrowed ? pool.filter((i) => narrowed.includes(i.id)) : pool;
    },
  };
  return { jira, requests };
}

const issue = (n: number, summary = 'lagging'): IssueBean => ({
  id: String(n),
  key: `SD-${n}`,
  fields: { summary },
});
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('searchReconciled: the requests it makes', () => {
  it('without issues to reconcile it is one search ordered by key, asking Jira to reconcile nothing', async () => {
    const { jira, requests } = fakeSearch([issue(2), issue(1)]);
    const found = await searchReconciled(
      jira,
      { where: 'project = SD', fields: ['summary'], maxResults: 10 },
      [],
    );
    expect(found).toEqual([issue(2), issue(1)]);
    expect(requests).toStrictEqual([
      { fields: ['summary'], maxResults: 10, jql: 'project = SD ORDER BY key ASC' },
    ]);
  });

  it('an id named twice is reconciled once', async () => {
    const { jira, requests } = fakeSearch([issue(1)]);
    await searchReconciled(jira, { where: 'project = SD' }, [1, 1, 2]);
    expect(requests).toEqual([{ jql: 'project = SD ORDER BY key ASC', reconcileIssues: [1, 2] }]);
  });

  it('50 ids to reconcile, even with one named twice, are one search', async () => {
    const { jira, requests } = fakeSearch([issue(1)]);
    await searchReconciled(jira, { where: 'project = SD' }, [...range(1, 50), 50]);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.reconcileIssues).toEqual(range(1, 50));
  });

  it('each further 50 cost one narrowed search, whose answer replaces the first search’s, in key order', async () => {
    const ids = range(1, 101);
    const { jira, requests } = fakeSearch(
      ids.map((n) => issue(n)),
      ids.map((n) => issue(n, 'now')),
    );
    const found = await searchReconciled(
      jira,
      { where: 'project = SD', fields: ['summary'] },
      [...ids].reverse(),
    );
    expect(found).toEqual(ids.map((n) => issue(n, 'now')));
    expect(requests.map((r) => r.reconcileIssues)).toEqual([
      range(52, 50).reverse(),
      range(2, 50).reverse(),
      [1],
    ]);
    expect(requests[1]).toEqual({
      fields: ['summary'],
      jql: `(project = SD) AND id in (${range(2, 50).reverse().join(',')}) ORDER BY key ASC`,
      maxResults: MAX_RECONCILE,
      reconcileIssues: range(2, 50).reverse(),
    });
    expect(requests[2]?.jql).toBe('(project = SD) AND id in (1) ORDER BY key ASC');
  });

  it('100 ids to reconcile are exactly two searches', async () => {
    const { jira, requests } = fakeSearch([issue(1)]);
    await searchReconciled(jira, { where: 'project = SD' }, range(1, 100));
    expect(requests.map((r) => r.reconcileIssues)).toEqual([range(1, 50), range(51, 50)]);
  });

  it('a reconciled issue beyond the first 50 that no longer matches is dropped; the others stay', async () => {
    const ids = range(1, 51);
    const lagging = [...ids.map((n) => issue(n)), issue(99)];
    const { jira } = fakeSearch(
      lagging,
      ids.slice(0, 50).map((n) => issue(n, 'now')),
    );
    const found = await searchReconciled(jira, { where: 'status = Open' }, ids);
    expect(found.map((i) => i.key)).toEqual([...range(1, 50).map((n) => `SD-${n}`), 'SD-99']);
  });

  it('issues without a key are placed by their id', async () => {
    const keyless = (n: number): IssueBean => ({ id: `SD-${n}` });
    const { jira } = fakeSearch([keyless(10), issue(9), keyless(2)]);
    const found = await searchReconciled(jira, { where: 'project = SD' }, range(1000, 51));
    expect(found.map((i) => i.key ?? i.id)).toEqual(['SD-2', 'SD-9', 'SD-10']);
  });
});
