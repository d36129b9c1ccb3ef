import api, { route } from '@forge/api';

import { SimClock } from '../../../sandbox/clock';
import { USER } from '../../../sandbox/jira/seed/demo-ids';
import { POINTS_HEADER as HOST_POINTS_HEADER } from '../../../sandbox/forge/transport';
import { POINTS_HEADER } from '../../../sandbox/jira/site';
import { startHost } from '../forge/harness';
import { harness } from './site-harness';

describe('x-sim-points: the points the rate limiter charged', () => {
  test('is the header the Forge host reads', () => {
    expect(POINTS_HEADER).toBe(HOST_POINTS_HEADER);
  });

  test('1 + objects for a read (2 per user), 1 for a write, 0 for refused requests', async () => {
    const h = harness({ seed: { seed: 7, tickets: 30 } });
    const points = (res: { headers: Record<string, string> }) => res.headers[POINTS_HEADER];

    // A user is an identity object: 2 points.
    expect(points(await h.call('GET', '/rest/api/3/myself'))).toBe('3');
    const search = await h.call('POST', '/rest/api/3/search/jql', {
      jql: 'project = SD ORDER BY key',
      maxResults: 10,
      fields: ['summary'],
    });
    expect(search.json.issues).toHaveLength(10);
    expect(points(search)).toBe('11');
    const created = await h.call('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'SD' }, issuetype: { name: 'Request' }, summary: 'Points' },
    });
    expect(created.status).toBe(201);
    expect(points(created)).toBe('1');
    // A handler's own 4xx reached Jira and is charged like any write.
    const invalid = await h.call('PUT', `/rest/api/3/issue/${created.json.key}`, {
      fields: { issuetype: { name: 'Epic' } },
    });
    expect(invalid.status).toBe(400);
    expect(points(invalid)).toBe('1');
    // Refused before the limiter: unknown route, unreadable body.
    expect(points(await h.call('GET', '/rest/api/3/nonsense'))).toBe('0');
    expect(points(await h.call('POST', '/rest/api/3/issue', '{not json'))).toBe('0');
  });

  test('0 when the rate limiter refuses the request (429)', async () => {
    const clock = new SimClock('2026-11-27T10:15:00Z');
    try {
      const h = harness({ seed: { seed: 7 }, limits: { hourlyPoints: 6 } });
      const statuses: [number, string | undefined][] = [];
      for (let i = 0; i < 3; i++) {
        const res = await h.call('GET', '/rest/api/3/myself');
        statuses.push([res.status, res.headers[POINTS_HEADER]]);
      }
      expect(statuses).toEqual([
        [200, '3'],
        [200, '3'],
        [429, '0'],
      ]);
    } finally {
      clock.uninstall();
    }
  });

  test('the Forge host logs the charged points per request of an invocation', async () => {
    const h = harness({ seed: { seed: 7, tickets: 5 } });
    // Full platform time limits: this test is about points, and a first search on a cold site can take longer
    // than the harness's scaled-down limit.
    const host = await startHost({ site: h.site, timeScale: 1 });
    try {
      host.app.behave('resolver:echo', async () => {
        await api.asUser().requestJira(route`/rest/api/3/myself`);
        const res = await api.asApp().requestJira(route`/rest/api/3/search/jql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ jql: 'project = SD', maxResults: 3, fields: ['summary'] }),
        });
        return res.status;
      });
      const result = await host.host.invokeResolver({
        moduleKey: 'test-panel',
        functionKey: 'echo',
        accountId: USER.agentDach,
      });
      expect(result).toEqual({ ok: true, value: 200 });
      expect(host.host.invocations.at(-1)?.requests.map((r) => [r.status, r.points])).toEqual([
        [200, 3],
        [200, 4],
      ]);
    } finally {
      host.close();
    }
  });
});
