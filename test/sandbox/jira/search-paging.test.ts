import { generateTickets } from '../../../sandbox/jira/seed/generate-tickets';
import { STATUS } from '../../../sandbox/jira/seed/demo-ids';
import { REMOVED_SEARCH_MESSAGE } from '../../../sandbox/jira/ops/search-ops';
import { harness } from './site-harness';

describe('enhanced search', () => {
  // Indexing is under test here, not the index lag (search-lag.test.ts): writes are searchable at once.
  const h = harness({ seed: { seed: 7 }, searchIndexLagMs: 0 });
  beforeAll(() => {
    generateTickets(h.site, { count: 10_000, seed: 3, now: new Date('2026-11-27T10:00:00Z') });
  });

  test('pages through 10,000 issues without loss or duplicates while issues change status', async () => {
    const jql = encodeURIComponent('project = SD ORDER BY key ASC');
    const seen: string[] = [];
    const seenSet = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await h.call(
        'GET',
        `/rest/api/3/search/jql?jql=${jql}&maxResults=1000&fields=key${token ? `&nextPageToken=${token}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.json.total).toBeUndefined();
      for (const i of page.json.issues as { id: string }[]) {
        seen.push(i.id);
        seenSet.add(i.id);
      }
      token = page.json.nextPageToken;
      // Between pages, move some not-yet-seen issues to another status (as the app's own writes would).
      let moved = 0;
      for (const issue of h.site.store.issues()) {
        if (moved >= 50) break;
        if (!seenSet.has(issue.id) && issue.statusId === STATUS.open) {
          issue.statusId = STATUS.resolved;
          moved++;
        }
      }
      pages++;
      if (!token) expect(page.json.isLast).toBe(true);
    } while (token);
    expect(pages).toBe(10);
    expect(seen).toHaveLength(10_000);
    expect(new Set(seen).size).toBe(10_000);
  });

  test('default fields are id only; maxResults caps at 100 with fields and 5000 for ids', async () => {
    const ids = await h.call('POST', '/rest/api/3/search/jql', { jql: 'project = SD', maxResults: 9000 });
    expect(ids.json.issues).toHaveLength(5000);
    expect(Object.keys(ids.json.issues[0])).not.toContain('fields');
    const rich = await h.call('POST', '/rest/api/3/search/jql', {
      jql: 'project = SD',
      maxResults: 500,
      fields: ['*all', '-comment'],
      expand: 'names',
    });
    expect(rich.json.issues).toHaveLength(100);
    expect(rich.json.issues[0].fields.comment).toBeUndefined();
    expect(rich.json.names.summary).toBe('Summary');
  });

  test('counts, status filters and indexed entity properties (path and searchAlias)', async () => {
    const [first, second] = [...h.site.store.issues()];
    if (!first || !second) throw new Error('no issues');
    first.properties['jsm-process-state'] = { nextDueAt: '2026-11-27T09:00:00Z', timer: 'clarification' };
    second.properties['jsm-process-state'] = {
      nextDueAt: '2026-12-27T09:00:00Z',
      timer: 'clarification',
    };
    const byPath = await h.call('POST', '/rest/api/3/search/jql', {
      jql: 'issue.property[jsm-process-state].nextDueAt <= "2026-11-27 10:00"',
      fields: ['key'],
    });
    expect(byPath.json.issues.map((i: { key: string }) => i.key)).toEqual([first.key]);
    const byAlias = await h.call('POST', '/rest/api/3/search/jql', {
      jql: 'project = SD AND processTimer = clarification',
      properties: ['jsm-process-state'],
    });
    expect(byAlias.json.issues).toHaveLength(2);
    expect(byAlias.json.issues[0].properties['jsm-process-state'].timer).toBe('clarification');
    const open = [...h.site.store.issues()].filter((i) => i.statusId === STATUS.clarification).length;
    const count = await h.call('POST', '/rest/api/3/search/approximate-count', {
      jql: 'project = SD AND status = "Clarification required / On hold"',
    });
    expect(count.json.count).toBe(open);
  });

  test('rejects unbounded, invalid and unknown-field JQL and too many properties', async () => {
    expect((await h.call('POST', '/rest/api/3/search/jql', { jql: 'order by key' })).status).toBe(400);
    expect((await h.call('POST', '/rest/api/3/search/jql', { jql: 'project = ' })).status).toBe(400);
    const unknown = await h.call('POST', '/rest/api/3/search/jql', { jql: 'nonsenseField = 1' });
    expect(unknown.json.errorMessages[0]).toMatch(/does not exist/);
    expect(
      (
        await h.call('POST', '/rest/api/3/search/jql', {
          jql: 'project = SD',
          properties: ['a', 'b', 'c', 'd', 'e', 'f'],
        })
      ).status,
    ).toBe(400);
    expect((await h.call('GET', '/rest/api/3/search/jql?jql=project%3DSD&nextPageToken=bogus')).status).toBe(
      400,
    );
  });

  test("the old search answers 410 Gone with Jira's message", async () => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await h.call(
        method,
        '/rest/api/3/search?jql=project%3DSD',
        method === 'POST' ? { jql: 'project = SD' } : undefined,
      );
      expect(res.status).toBe(410);
      expect(res.json).toEqual({ errorMessages: [REMOVED_SEARCH_MESSAGE], errors: {} });
    }
  });
});
