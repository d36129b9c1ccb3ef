import { harness } from './site-harness';

/**
 * Jira documents `YYYY-MM-DD` and `YYYY-MM-DDThh:mm:ssTZ` for a `date` value of a `jira:entityProperty` index.
 * The local site indexes exactly those forms; any other value is not indexed, so JQL does not find it.
 */
describe('indexed date values of entity properties', () => {
  // Indexing is under test here, not the index lag (search-lag.test.ts): writes and new issues are searchable at once.
  const h = harness({ seed: { seed: 7 }, searchIndexLagMs: 0, searchFieldLagMs: 0 });
  let key = '';
  beforeAll(async () => {
    key = await h.site
      .actAs('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Indexed dates' });
  });
  const due = async (nextDueAt: unknown): Promise<string[]> => {
    const put = await h.call('PUT', `/rest/api/3/issue/${key}/properties/jsm-process-state`, {
      nextDueAt,
      timer: 'clarification',
    });
    expect([200, 201]).toContain(put.status);
    const found = await h.call('POST', '/rest/api/3/search/jql', {
      jql: 'project = SD AND processNextDue <= "2026-11-27 10:00"',
      fields: ['key'],
    });
    return found.json.issues.map((i: { key: string }) => i.key);
  };

  it.each(['2026-11-27T09:00:00Z', '2026-11-27T10:00:00+01:00', '2026-11-27'])(
    'indexes the documented form %s',
    async (value) => {
      expect(await due(value)).toContain(key);
    },
  );

  it.each([
    ['with milliseconds (toISOString)', '2026-11-27T09:00:00.000Z'],
    ['without a time zone', '2026-11-27T09:00:00'],
    ['with a space instead of T', '2026-11-27 09:00'],
    ['an offset without a colon', '2026-11-27T09:00:00+0000'],
    ['epoch milliseconds', Date.parse('2026-11-27T09:00:00Z')],
  ])('does not index a value %s', async (_, value) => {
    expect(await due(value)).not.toContain(key);
  });
});
