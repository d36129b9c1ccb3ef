import { DEFAULT_CLOUD_ID } from '../../../sandbox/jira/ops-alerts/ops-alerts';
import { REQUEST_PARTICIPANTS_FIELD } from '../../../sandbox/jira/ops/participant-ops';
import { SECURITY_LEVEL, USER } from '../../../sandbox/jira/seed/demo-ids';
import { APP, asUser, harness } from './site-harness';

const create = (h: ReturnType<typeof harness>) =>
  h.site.actAs('customer-acme-1').createIssue({ project: 'SD', issueType: 'Request', summary: 'Q' });

describe('POST /rest/servicedeskapi/request/{key}/participant', () => {
  test('adds new participants in one history entry and one updated:issue event; repeats change nothing', async () => {
    const h = harness();
    const key = await create(h);
    h.events.length = 0;
    const path = `/rest/servicedeskapi/request/${key}/participant`;
    const added = await h.call(
      'POST',
      path,
      { accountIds: ['customer-globex-1', 'customer-acme-2'] },
      asUser(USER.agentDach),
    );
    expect(added.status).toBe(200);
    expect(added.json.values.map((u: { accountId: string }) => u.accountId)).toEqual([
      'customer-globex-1',
      'customer-acme-2',
    ]);
    expect(h.events).toHaveLength(1);
    expect(h.events[0]).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      payload: {
        changelog: { items: [{ fieldId: REQUEST_PARTICIPANTS_FIELD, field: 'Request participants' }] },
      },
    });
    const again = await h.call('POST', path, { accountIds: ['customer-acme-2'] }, APP);
    expect(again.status).toBe(200);
    expect(h.events).toHaveLength(1);
    expect((await h.call('GET', path)).json.size).toBe(2);
  });

  test('unknown accounts, usernames and strangers are refused with JSM errors, nothing added', async () => {
    const h = harness();
    const key = await create(h);
    const path = `/rest/servicedeskapi/request/${key}/participant`;
    const unknown = await h.call('POST', path, { accountIds: ['customer-globex-1', 'nobody'] });
    expect(unknown).toMatchObject({ status: 400, json: { errorMessage: expect.stringContaining('nobody') } });
    expect((await h.call('POST', path, { usernames: ['fred'] })).status).toBe(400);
    expect((await h.call('POST', path, { accountIds: ['x'], extra: 1 })).status).toBe(400);
    // The reporter may share their request; another customer of the organization may not manage it.
    expect(
      (await h.call('POST', path, { accountIds: ['customer-acme-2'] }, asUser('customer-acme-1'))).status,
    ).toBe(200);
    expect(
      (await h.call('POST', path, { accountIds: ['customer-globex-1'] }, asUser('customer-acme-2'))).status,
    ).toBe(403);
    expect(h.site.store.issue(key)?.participantAccountIds).toEqual(['customer-acme-2']);
  });
});

describe('JSM Operations: POST /jsm/ops/api/{cloudId}/v1/alerts', () => {
  const path = `/jsm/ops/api/${DEFAULT_CLOUD_ID}/v1/alerts`;
  const body = {
    message: 'Down: SD-1',
    alias: 'SD-1:onCall',
    responders: [{ id: 'team-1', type: 'team' }],
    details: { issueKey: 'SD-1' },
  };

  test('202 with a request id; the same alias raises the open alert’s count instead of a second alert', async () => {
    const h = harness();
    const first = await h.call('POST', path, body);
    expect(first).toMatchObject({
      status: 202,
      json: { result: 'Request will be processed', requestId: expect.any(String) },
    });
    expect((await h.call('POST', path, body)).status).toBe(202);
    expect(h.site.opsAlerts.all()).toEqual([
      expect.objectContaining({ alias: 'SD-1:onCall', count: 2, createdBy: USER.app }),
    ]);
    expect(h.site.metrics.of('jsmOps.POST').requests).toBe(2);
    expect(h.events).toEqual([]);
  });

  test.each([
    ['no message', { alias: 'a' }, 'message'],
    ['a message over 130 characters', { message: 'x'.repeat(131) }, 'message'],
    [
      'a responder by name (Opsgenie style)',
      { message: 'm', responders: [{ name: 'Support', type: 'team' }] },
      'responders.0',
    ],
    ['a non-string detail', { message: 'm', details: { n: 1 } }, 'details.n'],
    ['an unknown priority', { message: 'm', priority: 'P0' }, 'priority'],
    ['an unknown property', { message: 'm', severity: 'high' }, '(body)'],
  ])('422 for %s', async (_what, payload, where) => {
    const h = harness();
    const res = await h.call('POST', path, payload);
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.errors)).toContain(where);
    expect(h.site.opsAlerts.all()).toEqual([]);
  });

  test('another site’s cloud id and other methods are not served', async () => {
    const h = harness();
    expect((await h.call('POST', '/jsm/ops/api/other-cloud/v1/alerts', body)).status).toBe(404);
    expect((await h.call('GET', path)).status).toBe(405);
    expect((await h.call('POST', path, '{not json')).status).toBe(400);
  });
});

describe('fault injection: a denied field write', () => {
  test.each([400, 403] as const)(
    'answers %i for the app, applies nothing, leaves people alone',
    async (status) => {
      const h = harness({
        seed: { seed: 7 },
        faults: { deniedFieldWrites: [{ field: 'security', status }] },
      });
      const key = await create(h);
      h.events.length = 0;
      const edit = {
        fields: { security: { id: SECURITY_LEVEL.dach }, summary: 'changed' },
        properties: [{ key: 'p', value: 1 }],
      };
      const refused = await h.call('PUT', `/rest/api/3/issue/${key}`, edit);
      expect(refused.status).toBe(status);
      if (status === 400) expect(refused.json.errors).toHaveProperty('security');
      const issue = h.site.store.issue(key);
      expect([issue?.summary, issue?.properties.p, h.events]).toEqual(['Q', undefined, []]);
      expect((await h.call('PUT', `/rest/api/3/issue/${key}`, { fields: { summary: 'ok' } })).status).toBe(
        204,
      );
      const byAgent = await h.call(
        'PUT',
        `/rest/api/3/issue/${key}`,
        { fields: { summary: 'agent' } },
        asUser(USER.agentDach),
      );
      expect(byAgent.status).toBe(204);
    },
  );
});
