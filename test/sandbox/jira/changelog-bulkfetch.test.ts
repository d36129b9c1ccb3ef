import { canBrowse } from '../../../sandbox/jira/permissions';
import { STATUS } from '../../../sandbox/jira/seed/demo-ids';
import { generateTickets } from '../../../sandbox/jira/seed/generate-tickets';
import { asUser, harness } from './site-harness';

interface Page {
  issueChangeLogs: {
    issueId: string;
    changeHistories: { id: string; created: string; items: { fieldId: string; to?: string }[] }[];
  }[];
  nextPageToken?: string;
}

describe('POST /rest/api/3/changelog/bulkfetch', () => {
  const h = harness();
  let keys: string[] = [];
  beforeAll(() => {
    keys = generateTickets(h.site, { count: 300, seed: 9, now: new Date('2026-11-27T10:00:00Z') });
  });

  async function fetchAll(body: Record<string, unknown>) {
    const pages: Page[] = [];
    let token: string | undefined;
    do {
      const res = await h.call('POST', '/rest/api/3/changelog/bulkfetch', {
        ...body,
        ...(token ? { nextPageToken: token } : {}),
      });
      expect(res.status).toBe(200);
      pages.push(res.json as Page);
      token = (res.json as Page).nextPageToken;
    } while (token);
    return pages;
  }

  test('pages all status changes of many tickets, oldest first, and charges per changelog', async () => {
    const wanted = keys.slice(0, 200);
    const before = h.site.metrics.of('getBulkChangelogs').points;
    const pages = await fetchAll({ issueIdsOrKeys: wanted, fieldIds: ['status'], maxResults: 97 });
    const flat = pages.flatMap((p) =>
      p.issueChangeLogs.flatMap((l) => l.changeHistories.map((c) => ({ ...c, issueId: l.issueId }))),
    );
    const expected = wanted.flatMap(
      (k) =>
        h.site.store.issue(k)?.histories.filter((x) => x.items.some((i) => i.fieldId === 'status')) ?? [],
    );
    expect(flat).toHaveLength(expected.length);
    expect(new Set(flat.map((c) => c.id)).size).toBe(expected.length);
    expect(flat.every((c) => c.items.every((i) => i.fieldId === 'status'))).toBe(true);
    // Pages are consecutive slices of one oldest-first order; within a page changelogs are grouped by issue.
    const instant = (c: { created: string }) => Date.parse(c.created.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    const spans = pages.map((p) => {
      const times = p.issueChangeLogs.flatMap((l) => l.changeHistories.map(instant));
      return { min: Math.min(...times), max: Math.max(...times) };
    });
    for (let n = 1; n < spans.length; n++) expect(spans[n - 1]?.max).toBeLessThanOrEqual(spans[n]?.min ?? 0);
    for (const log of pages.flatMap((p) => p.issueChangeLogs)) {
      const times = log.changeHistories.map(instant);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    expect(
      pages
        .slice(0, -1)
        .every((p) => p.issueChangeLogs.reduce((n, l) => n + l.changeHistories.length, 0) === 97),
    ).toBe(true);
    // Points model: one base point per request plus one per changelog returned.
    expect(h.site.metrics.of('getBulkChangelogs').points - before).toBe(pages.length + expected.length);
    // The status-entry date the app recovers equals the latest history that moved the ticket into its status.
    const sample = h.site.store.issue(wanted[5] ?? '');
    if (!sample) throw new Error('missing issue');
    const entered = flat
      .filter((c) => c.issueId === sample.id && c.items.some((i) => i.to === sample.statusId))
      .at(-1);
    const latest = sample.histories
      .filter((x) => x.items.some((i) => i.fieldId === 'status' && i.to === sample.statusId))
      .at(-1);
    expect(entered?.id).toBe(latest?.id);
  });

  test('skips unknown and hidden issues, rejects bad tokens and too many issues', async () => {
    const visible = [...h.site.store.issues()].find(
      (i) => i.securityLevelId === null && i.statusId !== STATUS.open,
    );
    if (!visible) throw new Error('fixture ticket missing');
    const customer = asUser(visible.reporterAccountId);
    const hidden = [...h.site.store.issues()].find(
      (i) => i.histories.length > 0 && !canBrowse(h.site.store, customer, i),
    );
    if (!hidden) throw new Error('fixture ticket missing');
    const res = await h.call(
      'POST',
      '/rest/api/3/changelog/bulkfetch',
      { issueIdsOrKeys: ['SD-999999', hidden.key, visible.key] },
      customer,
    );
    const ids = (res.json as Page).issueChangeLogs.map((l) => l.issueId);
    expect(ids).toEqual([visible.id]);
    const bad = await h.call('POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: [visible.key],
      nextPageToken: 'xyz',
    });
    expect(bad.status).toBe(400);
    const many = await h.call('POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: Array.from({ length: 1001 }, (_, n) => `SD-${n + 1}`),
    });
    expect(many.status).toBe(400);
  });
});
