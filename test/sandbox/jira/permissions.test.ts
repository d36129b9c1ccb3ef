import { CUSTOMERS, SECURITY_LEVEL, USER } from '../../../sandbox/jira/seed/demo-ids';
import { adf, asUser, harness } from './site-harness';

const acme1 = CUSTOMERS.acme[0] ?? '';
const acme2 = CUSTOMERS.acme[1] ?? '';
const globex1 = CUSTOMERS.globex[0] ?? '';

describe('permissions', () => {
  // Every test gets its own site, so an issue one test creates never shows up in another's search. Who may see
  // what is under test, not the search index lag (search-lag.test.ts): new issues are searchable at once.
  let h: ReturnType<typeof harness>;
  let shared = '';
  let confidential = '';

  beforeEach(async () => {
    h = harness({ seed: { seed: 7 }, searchFieldLagMs: 0 });
    shared = await h.site
      .actAs(acme1)
      .createIssue({ project: 'SD', issueType: 'Request', summary: 'Shared with Acme' });
    confidential = await h.site
      .actAs(acme1)
      .createIssue({ project: 'SD', issueType: 'Incident', summary: 'Personal data' });
    await h.site.actAs(USER.agentDach).edit(confidential, { security: { id: SECURITY_LEVEL.dach } });
    await h.site.actAs(USER.agentDach).comment(shared, 'Agent-only note', { internal: true });
    await h.site.actAs(USER.agentDach).comment(shared, 'Public answer');
  });

  const keysFor = async (accountId: string) =>
    (
      await h.call(
        'POST',
        '/rest/api/3/search/jql',
        { jql: 'project = SD', fields: ['key'] },
        asUser(accountId),
      )
    ).json.issues.map((i: { key: string }) => i.key);

  test('a security level hides the issue from agents outside it: search omits it, GET answers 404', async () => {
    expect(await keysFor(USER.agentDach)).toEqual([shared, confidential]);
    expect(await keysFor(USER.agentUk)).toEqual([shared]);
    expect(
      (await h.call('GET', `/rest/api/3/issue/${confidential}`, undefined, asUser(USER.agentUk))).status,
    ).toBe(404);
    expect(
      (await h.call('GET', `/rest/servicedeskapi/request/${confidential}`, undefined, asUser(USER.agentUk)))
        .status,
    ).toBe(404);
    expect((await h.call('GET', `/rest/api/3/issue/${confidential}`)).status).toBe(200);
  });

  test("customers see their own and their organization's requests, never other organizations'", async () => {
    expect(await keysFor(acme2)).toEqual([shared]);
    expect(await keysFor(acme1)).toEqual([shared, confidential]);
    expect(await keysFor(globex1)).toEqual([]);
    expect((await h.call('GET', `/rest/api/3/issue/${shared}`, undefined, asUser(globex1))).status).toBe(404);
  });

  test('customers never see internal comments, on either API', async () => {
    const platform = await h.call('GET', `/rest/api/3/issue/${shared}/comment`, undefined, asUser(acme2));
    expect(platform.json.comments.map((c: { jsdPublic: boolean }) => c.jsdPublic)).toEqual([true]);
    const inIssue = await h.call(
      'GET',
      `/rest/api/3/issue/${shared}?fields=comment`,
      undefined,
      asUser(acme2),
    );
    expect(inIssue.json.fields.comment.total).toBe(1);
    const jsm = await h.call(
      'GET',
      `/rest/servicedeskapi/request/${shared}/comment?internal=true`,
      undefined,
      asUser(acme1),
    );
    expect(jsm.json.values.map((c: { body: string }) => c.body)).toEqual(['Public answer']);
    const agent = await h.call('GET', `/rest/api/3/issue/${shared}/comment`, undefined, asUser(USER.agentUk));
    expect(agent.json.total).toBe(2);
  });

  test("JSM's customer-request reads answer a customer only for requests they reported or participate in", async () => {
    const request = (path: string, accountId: string) =>
      h.call('GET', `/rest/servicedeskapi/request/${path}`, undefined, asUser(accountId));
    // The reporter, and an agent of the project, get the request and its public comments.
    expect((await request(shared, acme1)).json).toMatchObject({ issueKey: shared });
    expect((await request(`${shared}/comment`, acme1)).status).toBe(200);
    expect((await request(shared, USER.agentUk)).status).toBe(200);
    // A colleague in the organization the request is shared with gets what a stranger gets: not found, with
    // the same body as for a request that does not exist.
    const colleague = await request(shared, acme2);
    const stranger = await request(shared, globex1);
    const missing = await request('SD-99999', acme2);
    expect([colleague.status, stranger.status, missing.status]).toEqual([404, 404, 404]);
    expect(colleague.json).toEqual(missing.json);
    expect((await request(`${shared}/comment`, acme2)).status).toBe(404);

    const other = await h.site
      .actAs(acme1)
      .createIssue({ project: 'SD', issueType: 'Request', summary: 'With a participant' });
    await h.site.actAs(acme1).addParticipants(other, [acme2]);
    expect((await request(other, acme2)).json).toMatchObject({ issueKey: other });
  });

  test('customers cannot write internal comments, edit, transition or set properties', async () => {
    const internal = await h.call(
      'POST',
      `/rest/servicedeskapi/request/${shared}/comment`,
      { body: 'x', public: false },
      asUser(acme2),
    );
    expect(internal.status).toBe(403);
    const viaPlatform = await h.call(
      'POST',
      `/rest/api/3/issue/${shared}/comment`,
      { body: adf('x'), properties: [{ key: 'sd.public.comment', value: { internal: true } }] },
      asUser(acme2),
    );
    expect(viaPlatform.status).toBe(400);
    expect(
      (await h.call('PUT', `/rest/api/3/issue/${shared}`, { fields: { summary: 'mine' } }, asUser(acme2)))
        .status,
    ).toBe(403);
    expect(
      (await h.call('GET', `/rest/api/3/issue/${shared}/transitions`, undefined, asUser(acme2))).json
        .transitions,
    ).toEqual([]);
    expect(
      (await h.call('PUT', `/rest/api/3/issue/${shared}/properties/x`, { a: 1 }, asUser(acme2))).status,
    ).toBe(403);
  });
});
