import { USER } from '../../../sandbox/jira/seed/demo-ids';
import { ISSUE_CHANGELOG_LIMIT } from '../../../sandbox/jira/ops/issue-ops';
import type { createJiraSite } from '../../../sandbox/jira/site';
import { gatewayOn } from '../../support/site-gateway';

/** Adds `n` label edits to the first ticket's changelog; returns the ticket's key and its history ids. */
function withHistories(site: ReturnType<typeof createJiraSite>, n: number) {
  const issue = [...site.store.issues()][0];
  if (!issue) throw new Error('no ticket');
  for (let i = 0; i < n; i++)
    issue.histories.push({
      id: site.store.nextId('history'),
      authorAccountId: USER.agentDach,
      created: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 60_000).toISOString(),
      items: [
        {
          field: 'labels',
          fieldtype: 'jira',
          fieldId: 'labels',
          from: null,
          fromString: null,
          to: null,
          toString: `l${i}`,
        },
      ],
    });
  return { key: issue.key, ids: issue.histories.map((h) => h.id) };
}

describe('GET /issue?expand=changelog embeds a limited changelog', () => {
  it.each(['oldest', 'newest'] as const)(
    'the local site embeds %s 100 histories with the full total',
    async (window) => {
      const { site } = gatewayOn({ issueChangelogWindow: window });
      const { key, ids } = withHistories(site, 150);
      const res = await site.handle({
        method: 'GET',
        path: `/rest/api/3/issue/${key}?fields=status&expand=changelog`,
        headers: {},
        principal: { kind: 'app' },
      });
      const changelog = (
        JSON.parse(res.body) as { changelog: { total: number; histories: { id: string }[] } }
      ).changelog;
      expect(changelog.total).toBe(ids.length);
      expect(changelog.histories).toHaveLength(ISSUE_CHANGELOG_LIMIT);
      const expected = window === 'oldest' ? ids.slice(0, 100) : ids.slice(-100);
      expect(changelog.histories.map((h) => h.id)).toEqual(expected);
    },
  );

  it.each(['oldest', 'newest'] as const)(
    'the app reads the whole changelog when the embedded one is cut off (%s embedded)',
    async (window) => {
      const { site, jira, paths } = gatewayOn({ issueChangelogWindow: window });
      const { key, ids } = withHistories(site, 230);
      const bean = await jira.getIssue(key, { fields: ['status'], expand: 'changelog' });
      expect(bean.changelog?.histories.map((h) => h.id)).toEqual(ids);
      expect(bean.changelog?.total).toBe(ids.length);
      // One issue read and three changelog pages of 100.
      expect(paths.filter((p) => p.includes('/changelog?'))).toHaveLength(3);
    },
  );

  it('reads nothing more when the embedded changelog is whole', async () => {
    const { site, jira, paths } = gatewayOn({});
    const { key, ids } = withHistories(site, 20);
    const bean = await jira.getIssue(key, { fields: ['status'], expand: 'changelog' });
    expect(bean.changelog?.histories.map((h) => h.id)).toEqual(ids);
    expect(paths).toHaveLength(1);
  });
});
