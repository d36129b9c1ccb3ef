import { SimClock } from '../../../sandbox/clock';
import {
  MAX_RECONCILE,
  RECONCILE_CHANGED_MESSAGE,
  RECONCILE_LIMIT_MESSAGE,
  SEARCH_CHANGELOG_LIMIT,
} from '../../../sandbox/jira/ops/search-ops';
import { DEFAULT_SEARCH_INDEX_LAG_MS } from '../../../sandbox/jira/site';
import { USER } from '../../../sandbox/jira/seed/demo-ids';
import { harness } from './site-harness';

/**
 * `/rest/api/3/search/jql` is eventually consistent (developer.atlassian.com, "Search After Write with Search And
 * Reconcile"): a property write reaches search only after the index lag, unless the search names the issue in
 * `reconcileIssues`. And `expand=changelog` on search holds only the 40 most recent histories.
 */
describe('search on the local site: index lag and changelog truncation', () => {
  let clock: SimClock;
  beforeEach(() => {
    clock = new SimClock('2026-11-27T08:00:00Z');
  });
  afterEach(() => clock.uninstall());

  async function setup(searchIndexLagMs?: number, searchFieldLagMs?: number) {
    const h = harness({
      seed: { seed: 7 },
      ...(searchFieldLagMs === undefined ? {} : { searchFieldLagMs }),
      ...(searchIndexLagMs === undefined ? {} : { searchIndexLagMs }),
    });
    const key = await h.site
      .actAs(USER.agentDach)
      .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'Crash' });
    const id = h.site.store.issue(key)?.id ?? '';
    const due = async (reconcileIssues: number[] = []) => {
      const res = await h.call('POST', '/rest/api/3/search/jql', {
        jql: 'processNextDue <= "2026-11-27 10:00"',
        properties: ['jsm-process-state'],
        reconcileIssues,
      });
      return res.json.issues as { key: string; properties?: Record<string, unknown> }[];
    };
    const write = (value: unknown) =>
      h.call('PUT', `/rest/api/3/issue/${key}/properties/jsm-process-state`, value);
    return { h, key, id, due, write };
  }

  it(`by default a property write is found by JQL only ${DEFAULT_SEARCH_INDEX_LAG_MS} ms later`, async () => {
    const { key, due, write } = await setup();
    expect((await write({ nextDueAt: '2026-11-27T09:00:00Z' })).status).toBe(201);
    expect(await due()).toEqual([]);
    clock.advance(DEFAULT_SEARCH_INDEX_LAG_MS - 1);
    expect(await due()).toEqual([]);
    clock.advance(1);
    expect((await due()).map((i) => i.key)).toEqual([key]);
  });

  it('until then search matches and returns the value before the write; reconcileIssues sees the current one', async () => {
    const { key, id, due, write } = await setup();
    await write({ nextDueAt: '2026-11-27T09:00:00Z', v: 1 });
    clock.advance(DEFAULT_SEARCH_INDEX_LAG_MS);
    await write({ nextDueAt: '2026-12-27T09:00:00Z', v: 2 });
    const stale = await due();
    expect(stale.map((i) => [i.key, i.properties?.['jsm-process-state']])).toEqual([
      [key, { nextDueAt: '2026-11-27T09:00:00Z', v: 1 }],
    ]);
    expect(await due([Number(id)])).toEqual([]);
    clock.advance(DEFAULT_SEARCH_INDEX_LAG_MS);
    expect(await due()).toEqual([]);
  });

  it('a lag of 0 makes writes searchable at once (switchable reading)', async () => {
    const { key, due, write } = await setup(0);
    clock.advance(DEFAULT_SEARCH_INDEX_LAG_MS); // the issue itself is in the index
    await write({ nextDueAt: '2026-11-27T09:00:00Z' });
    expect((await due()).map((i) => i.key)).toEqual([key]);
  });

  it(`by default a status change reaches JQL only ${DEFAULT_SEARCH_INDEX_LAG_MS} ms later: until then search matches and returns the old status`, async () => {
    const { h, key, id } = await setup();
    clock.advance(DEFAULT_SEARCH_INDEX_LAG_MS);
    const byStatus = async (status: string, reconcileIssues: number[] = []) => {
      const res = await h.call('POST', '/rest/api/3/search/jql', {
        jql: `project = SD AND status = "${status}" AND key = ${key}`,
        fields: ['status', 'summary', 'comment'],
        expand: 'changelog',
        reconcileIssues,
      });
      return (
        res.json.issues as {
          key: string;
          fields: { status: { name: string }; summary: string; comment: { total: number } };
          changelog: { total: number };
        }[]
      ).map((i) => [
        i.key,
        i.fields.status.name,
        i.fields.summary,
        i.fields.comment.total,
        i.changelog.total,
      ]);
    };
    const before = h.site.store.issue(key)?.histories.length ?? 0;
    await h.site.actAs(USER.agentDach).transition(key, { status: 'In Progress' });
    await h.site.actAs(USER.agentDach).edit(key, { summary: 'Crash on start' });
    await h.site.actAs(USER.agentDach).comment(key, 'Looking into it');

    expect(await byStatus('In Progress')).toEqual([]);
    expect(await byStatus('Open')).toEqual([[key, 'Open', 'Crash', 0, before]]);
    expect(await byStatus('In Progress', [Number(id)])).toEqual([
      [key, 'In Progress', 'Crash on start', 1, before + 2],
    ]);
    clock.advance(DEFAULT_SEARCH_INDEX_LAG_MS - 1);
    expect(await byStatus('Open')).toHaveLength(1);
    clock.advance(1);
    expect(await byStatus('Open')).toEqual([]);
    expect(await byStatus('In Progress')).toEqual([[key, 'In Progress', 'Crash on start', 1, before + 2]]);
  });

  it(`by default a new issue is found and counted by JQL only ${DEFAULT_SEARCH_INDEX_LAG_MS} ms after its creation, unless reconciled`, async () => {
    const { h, key, id } = await setup();
    const found = async (reconcileIssues: number[] = []) => {
      const res = await h.call('POST', '/rest/api/3/search/jql', {
        jql: `project = SD AND key = ${key}`,
        reconcileIssues,
      });
      return (res.json.issues as { id: string }[]).map((i) => i.id);
    };
    const count = async () =>
      (await h.call('POST', '/rest/api/3/search/approximate-count', { jql: `project = SD AND key = ${key}` }))
        .json.count as number;
    const unbounded = async () =>
      (
        (await h.call('POST', '/rest/api/3/search/jql', { jql: 'summary ~ Crash', maxResults: 5000 })).json
          .issues as { id: string }[]
      ).map((i) => i.id);
    expect(await found()).toEqual([]);
    expect(await count()).toBe(0);
    expect(await unbounded()).not.toContain(id);
    expect(await found([Number(id)])).toEqual([id]);
    clock.advance(DEFAULT_SEARCH_INDEX_LAG_MS - 1);
    expect(await found()).toEqual([]);
    clock.advance(1);
    expect(await found()).toEqual([id]);
    expect(await count()).toBe(1);
    expect(await unbounded()).toContain(id);
  });

  it('a field lag of 0 makes a new issue searchable at once (switchable reading)', async () => {
    const { h, key, id } = await setup(undefined, 0);
    const res = await h.call('POST', '/rest/api/3/search/jql', { jql: `project = SD AND key = ${key}` });
    expect((res.json.issues as { id: string }[]).map((i) => i.id)).toEqual([id]);
  });

  it('a field lag of 0 makes a status change searchable at once (switchable reading)', async () => {
    const { h, key } = await setup(undefined, 0);
    await h.site.actAs(USER.agentDach).transition(key, { status: 'In Progress' });
    const res = await h.call('POST', '/rest/api/3/search/jql', {
      jql: `project = SD AND status = "In Progress"`,
    });
    expect((res.json.issues as { id: string }[]).map((i) => i.id)).toContain(h.site.store.issue(key)?.id);
  });

  it('reconcileIssues makes only the named issues current; the others stay as the index holds them', async () => {
    const { h, key, id } = await setup();
    const other = await h.site
      .actAs(USER.agentDach)
      .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'Hang' });
    const otherId = Number(h.site.store.issue(other)?.id);
    clock.advance(DEFAULT_SEARCH_INDEX_LAG_MS);
    for (const k of [key, other]) await h.site.actAs(USER.agentDach).transition(k, { status: 'In Progress' });
    const statuses = async (reconcileIssues: number[]) => {
      const res = await h.call('POST', '/rest/api/3/search/jql', {
        jql: `key in (${key}, ${other}) ORDER BY key ASC`,
        fields: ['status'],
        reconcileIssues,
      });
      return (res.json.issues as { key: string; fields: { status: { name: string } } }[]).map((i) => [
        i.key,
        i.fields.status.name,
      ]);
    };
    expect(await statuses([Number(id)])).toEqual([
      [key, 'In Progress'],
      [other, 'Open'],
    ]);
    expect(await statuses([otherId])).toEqual([
      [key, 'Open'],
      [other, 'In Progress'],
    ]);
    // The query-string form (GET) reconciles the same way.
    const get = await h.call(
      'GET',
      `/rest/api/3/search/jql?jql=${encodeURIComponent(`key = ${key} AND status = "In Progress"`)}&reconcileIssues=${id}`,
    );
    expect((get.json.issues as { id: string }[]).map((i) => i.id)).toEqual([id]);
  });

  it(`reconcileIssues takes at most ${MAX_RECONCILE} ids: more are refused with 400, by POST and by GET`, async () => {
    const { h, id } = await setup();
    const ids = (n: number) => [Number(id), ...Array.from({ length: n - 1 }, (_, i) => 90_000 + i)];
    const post = (n: number) =>
      h.call('POST', '/rest/api/3/search/jql', { jql: 'project = SD', reconcileIssues: ids(n) });
    expect((await post(MAX_RECONCILE)).status).toBe(200);
    const refused = await post(MAX_RECONCILE + 1);
    expect([refused.status, refused.json.errorMessages]).toEqual([400, [RECONCILE_LIMIT_MESSAGE]]);
    const get = await h.call(
      'GET',
      `/rest/api/3/search/jql?jql=project%3DSD&reconcileIssues=${ids(MAX_RECONCILE + 1).join(',')}`,
    );
    expect([get.status, get.json.errorMessages]).toEqual([400, [RECONCILE_LIMIT_MESSAGE]]);
  });

  it('every page of a search must name the reconcileIssues of its first page', async () => {
    const { h, id } = await setup();
    await h.site
      .actAs(USER.agentDach)
      .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'Hang' });
    clock.advance(DEFAULT_SEARCH_INDEX_LAG_MS);
    const first = await h.call('POST', '/rest/api/3/search/jql', {
      jql: 'project = SD ORDER BY key ASC',
      maxResults: 1,
      reconcileIssues: [Number(id)],
    });
    const token = first.json.nextPageToken as string;
    expect(token).toEqual(expect.any(String));
    const page = (reconcileIssues: number[]) =>
      h.call('POST', '/rest/api/3/search/jql', {
        jql: 'project = SD ORDER BY key ASC',
        maxResults: 1,
        nextPageToken: token,
        reconcileIssues,
      });
    expect((await page([Number(id)])).status).toBe(200);
    const changed = await page([]);
    expect([changed.status, changed.json.errorMessages]).toEqual([400, [RECONCILE_CHANGED_MESSAGE]]);
  });

  it(`expand=changelog on search holds only the ${SEARCH_CHANGELOG_LIMIT} most recent histories; the changelog endpoint has all`, async () => {
    const { h, key } = await setup();
    for (let n = 0; n < SEARCH_CHANGELOG_LIMIT + 5; n++) {
      await h.site.actAs(USER.agentDach).edit(key, { summary: `Crash ${n}` });
      clock.advance(2_000); // within Jira's per-issue write limit
    }
    const total = h.site.store.issue(key)?.histories.length ?? 0;
    clock.advance(DEFAULT_SEARCH_INDEX_LAG_MS);
    const res = await h.call('POST', '/rest/api/3/search/jql', {
      jql: `key = ${key}`,
      fields: ['summary'],
      expand: 'changelog',
    });
    const changelog = res.json.issues[0].changelog as {
      total: number;
      histories: { items: { toString: string }[] }[];
    };
    expect(changelog.total).toBe(total);
    expect(changelog.histories).toHaveLength(SEARCH_CHANGELOG_LIMIT);
    expect(changelog.histories.at(-1)?.items[0]?.toString).toBe(`Crash ${SEARCH_CHANGELOG_LIMIT + 4}`);
    const all = await h.call('GET', `/rest/api/3/issue/${key}/changelog?maxResults=100`);
    expect(all.json.values).toHaveLength(total);
  });
});
