import { POINTS_HEADER } from '../../../sandbox/jira/site';
import type { JiraSiteOptions } from '../../../sandbox/jira/site';
import { harness } from './site-harness';

const points = (res: { headers: Record<string, string> }) => Number(res.headers[POINTS_HEADER]);

/** A site with one ticket that has `changes` history entries (summary edits). */
async function siteWithHistory(changes: number, options: Partial<JiraSiteOptions> = {}) {
  const h = harness({ seed: { seed: 7 }, ...options });
  const created = await h.call('POST', '/rest/api/3/issue', {
    fields: { project: { key: 'SD' }, issuetype: { name: 'Request' }, summary: 'Weights' },
  });
  const { key, id } = created.json as { key: string; id: string };
  for (let i = 0; i < changes; i++)
    await h.call('PUT', `/rest/api/3/issue/${key}`, { fields: { summary: `Weights ${i}` } });
  return { h, key, id };
}

describe('points per operation (strictest reading by default, configurable)', () => {
  it('counts the histories expand=changelog embeds as objects', async () => {
    const { h, key, id } = await siteWithHistory(5);
    expect(points(await h.call('GET', `/rest/api/3/issue/${key}?fields=status`))).toBe(2);
    expect(points(await h.call('GET', `/rest/api/3/issue/${key}?fields=status&expand=changelog`))).toBe(7);
    // Reconciled: the edits were just made, and search embeds only the histories it has indexed.
    const search = await h.call('POST', '/rest/api/3/search/jql', {
      jql: `key = ${key}`,
      fields: ['status'],
      expand: 'changelog',
      reconcileIssues: [Number(id)],
    });
    expect(points(search)).toBe(7);
  });

  it('counts the comments the comment field embeds as objects, in an issue read and in a search', async () => {
    const { h, key, id } = await siteWithHistory(0);
    for (const text of ['one', 'two', 'three'])
      await h.call('POST', `/rest/api/3/issue/${key}/comment`, {
        body: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
        },
      });
    expect(points(await h.call('GET', `/rest/api/3/issue/${key}?fields=status,comment`))).toBe(5);
    const search = await h.call('POST', '/rest/api/3/search/jql', {
      jql: `key = ${key}`,
      fields: ['status', 'comment'],
      reconcileIssues: [Number(id)],
    });
    expect(points(search)).toBe(5);
    // The comments endpoint reads only what it is asked for: the newest comment alone.
    const newest = await h.call('GET', `/rest/api/3/issue/${key}/comment?orderBy=-created&maxResults=1`);
    expect(points(newest)).toBe(2);
  });

  it('reads expansions as free when their weight is 0', async () => {
    const { h, key } = await siteWithHistory(5, { limits: { pointWeights: { expandedObject: 0 } } });
    expect(points(await h.call('GET', `/rest/api/3/issue/${key}?fields=status&expand=changelog`))).toBe(2);
  });

  it('charges a permission check per permission and project evaluated, 2 points each', async () => {
    const h = harness({ seed: { seed: 7 } });
    const sd = h.site.store.projectByKeyOrId('SD');
    if (!sd) throw new Error('no SD project');
    for (const n of [1, 2])
      h.site.store.projects.set(`${sd.id}${n}`, { ...sd, id: `${sd.id}${n}`, key: `SD${n}` });
    const projects = h.site.store.projects.size;
    expect(projects).toBe(3);
    // A project permission with no project named is evaluated in every project of the site.
    const everywhere = await h.call('GET', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS');
    expect(points(everywhere)).toBe(1 + 2 * projects);
    const inOne = await h.call('GET', '/rest/api/3/mypermissions?projectKey=SD&permissions=BROWSE_PROJECTS');
    expect(points(inOne)).toBe(3);
    const global = await h.call('GET', '/rest/api/3/mypermissions?permissions=ADMINISTER');
    expect(points(global)).toBe(3);
    const two = await h.call(
      'GET',
      '/rest/api/3/mypermissions?projectKey=SD&permissions=ADMINISTER,EDIT_ISSUES',
    );
    expect(points(two)).toBe(5);
  });

  it('gives an operation the fixed price the weights name', async () => {
    const h = harness({
      seed: { seed: 7 },
      limits: { pointWeights: { operations: { getMyPermissions: 500 } } },
    });
    const answer = await h.call('GET', '/rest/api/3/mypermissions?permissions=ADMINISTER');
    expect(answer.status).toBe(200);
    expect(points(answer)).toBe(500);
    expect(points(await h.call('GET', '/rest/api/3/myself'))).toBe(3);
  });
});
