import { USER } from '../../../sandbox/jira/seed/demo-ids';
import { harness } from './site-harness';

describe('rate limits, faults and metrics', () => {
  test('a write refused with 429 changes nothing and emits nothing', async () => {
    const h = harness({ seed: { seed: 1 }, limits: { perIssueWrites: { per2s: 2, per30s: 100 } } });
    const key = await h.site
      .actAs(USER.agentUk)
      .createIssue({ project: 'SD', issueType: 'Incident', summary: 'x' });
    h.events.length = 0;
    const statuses: number[] = [];
    for (const summary of ['a', 'b', 'c'])
      statuses.push((await h.call('PUT', `/rest/api/3/issue/${key}`, { fields: { summary } })).status);
    expect(statuses).toEqual([204, 204, 429]);
    expect(h.site.store.issue(key)?.summary).toBe('b');
    expect(h.events).toHaveLength(2);
    const refused = await h.call('PUT', `/rest/api/3/issue/${key}`, { fields: { summary: 'd' } });
    expect(refused.headers['Retry-After'] ?? refused.headers['retry-after']).toBeDefined();
  });

  test('metrics count requests and points per operation', async () => {
    const h = harness({ seed: { seed: 2, tickets: 30 } });
    await h.call('POST', '/rest/api/3/search/jql', { jql: 'project = SD', maxResults: 10 });
    await h.call('GET', '/rest/api/3/myself');
    expect(h.site.metrics.of('searchAndReconsileIssuesUsingJqlPost')).toMatchObject({
      requests: 1,
      points: 11,
    });
    expect(h.site.metrics.totalRequests).toBe(2);
    h.site.metrics.reset();
    expect(h.site.metrics.totalRequests).toBe(0);
  });

  test('faults are deterministic by seed and never apply a write', async () => {
    const run = async () => {
      const h = harness({ seed: { seed: 1 }, faults: { serverErrorRate: 0.3, conflictRate: 0.3, seed: 9 } });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++)
        statuses.push((await h.call('PUT', '/rest/api/3/issue/SD-1', { fields: { summary: 's' } })).status);
      return statuses;
    };
    const first = await run();
    expect(first).toEqual(await run());
    expect(first).toContain(503);
    expect(first).toContain(409);
  });

  test('timeouts hold the answer for the configured time', async () => {
    const h = harness({ seed: { seed: 1 }, faults: { timeoutRate: 1, timeoutMs: 30 } });
    const started = Date.now();
    expect((await h.call('GET', '/rest/api/3/myself')).status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    h.site.setFaults({});
    expect((await h.call('GET', '/rest/api/3/myself')).status).toBe(200);
  });
});
