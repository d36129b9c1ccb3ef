import { SimClock } from '../../../sandbox/clock';
import { USER } from '../../../sandbox/jira/seed/demo-ids';
import { MAX_RECONCILE, searchReconciled } from '../../../src/app/shared/reconciled-search';
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
