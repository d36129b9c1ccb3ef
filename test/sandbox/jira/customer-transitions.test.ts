import { CUSTOMERS, STATUS, USER } from '../../../sandbox/jira/seed/demo-ids';
import { APP, asUser, harness } from './site-harness';

/** JSM's customer transitions (`/rest/servicedeskapi/request/{key}/transition`), validated against the JSM spec. */
describe('customer transitions', () => {
  const h = harness();
  const customer = asUser(CUSTOMERS.acme[0] ?? '');
  const colleague = asUser(CUSTOMERS.acme[1] ?? '');
  const stranger = asUser(CUSTOMERS.globex[0] ?? '');
  const agent = asUser(USER.agentDach);
  const names = async (key: string, who = customer) =>
    (await h.call('GET', `/rest/servicedeskapi/request/${key}/transition`, undefined, who)).json.values.map(
      (t: { name: string }) => t.name,
    );
  const idOf = async (key: string, name: string) =>
    (
      (await h.call('GET', `/rest/servicedeskapi/request/${key}/transition`, undefined, customer)).json
        .values as { id: string; name: string }[]
    ).find((t) => t.name === name)?.id;
  const resolvedRequest = async () => {
    const key = await h.site
      .actAs(customer)
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'How to export?' });
    await h.site.actAs(USER.agentDach).transition(key, { status: 'Resolved', resolution: 'Done' });
    return key;
  };

  test('lists only the transitions the workflow exposes to customers, the same for agents and the app', async () => {
    const key = await resolvedRequest();
    expect(await names(key)).toEqual(['Close ticket']);
    expect(await names(key, agent)).toEqual(['Close ticket']);
    expect(await names(key, APP)).toEqual(['Close ticket']);
    // The agents' own transitions (Reopen, Close, Request clarification) are not customer transitions.
    const platform = await h.call('GET', `/rest/api/3/issue/${key}/transitions`, undefined, agent);
    expect(platform.json.transitions.length).toBeGreaterThan(1);
    const open = await h.site
      .actAs(customer)
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Q' });
    expect(await names(open)).toEqual([]);
  });

  test('a customer closes a resolved request, with a public comment, and apps hear of both', async () => {
    const key = await resolvedRequest();
    const id = await idOf(key, 'Close ticket');
    h.events.length = 0;
    const res = await h.call(
      'POST',
      `/rest/servicedeskapi/request/${key}/transition`,
      { id, additionalComment: { body: 'Works now, thanks' } },
      colleague,
    );
    expect(res.status).toBe(204);
    const issue = h.site.store.issue(key);
    expect(issue?.statusId).toBe(STATUS.closed);
    expect(issue?.resolutionId).not.toBeNull();
    expect(issue?.comments.at(-1)).toMatchObject({ authorAccountId: CUSTOMERS.acme[1], jsdPublic: true });
    expect(h.events.map((e) => e.eventType)).toEqual(['avi:jira:updated:issue', 'avi:jira:commented:issue']);
    expect(h.events[0]?.payload).toMatchObject({
      atlassianId: CUSTOMERS.acme[1],
      changelog: { items: [expect.objectContaining({ fieldId: 'status', to: STATUS.closed })] },
    });
  });

  test('refuses what JSM refuses and changes nothing', async () => {
    const key = await resolvedRequest();
    const id = await idOf(key, 'Close ticket');
    const post = (body: unknown, who = customer) =>
      h.call('POST', `/rest/servicedeskapi/request/${key}/transition`, body, who);
    // Someone who may not view the request: 404, no existence leak.
    expect((await post({ id }, stranger)).status).toBe(404);
    expect(
      (await h.call('GET', `/rest/servicedeskapi/request/${key}/transition`, undefined, stranger)).status,
    ).toBe(404);
    // An agent transition id through the customer endpoint, a missing id, an unknown field, an empty comment.
    const reopen = h.site.store.projects
      .get('10000')
      ?.workflows[h.site.store.issue(key)?.issueTypeId ?? '']?.transitions.find(
        (t) => t.to === STATUS.inProgress,
      );
    expect((await post({ id: reopen?.id })).status).toBe(400);
    expect((await post({})).status).toBe(400);
    expect((await post({ id, reason: 'x' })).status).toBe(400);
    expect((await post({ id, additionalComment: { body: ' ' } })).status).toBe(400);
    // The platform endpoint stays closed to customers: they hold no Transition Issues permission there.
    expect(
      (await h.call('GET', `/rest/api/3/issue/${key}/transitions`, undefined, customer)).json.transitions,
    ).toEqual([]);
    expect(
      (await h.call('POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id } }, customer)).status,
    ).toBe(400);
    expect(h.site.store.issue(key)?.statusId).toBe(STATUS.resolved);
  });

  test('withdraw while clarification is asked for, decline an available estimate', async () => {
    const question = await h.site
      .actAs(customer)
      .createIssue({ project: 'SD', issueType: 'Request', summary: 'Q' });
    await h.site.actAs(USER.agentDach).transition(question, { status: 'Clarification required / On hold' });
    expect(await names(question)).toEqual(['Withdraw request']);
    await h.site.actAs(customer).customerTransition(question, 'Withdraw request');
    expect(h.site.store.issue(question)?.statusId).toBe(STATUS.closed);

    const custom = await h.site
      .actAs(customer)
      .createIssue({ project: 'SD', issueType: 'Customisation', summary: 'Report' });
    for (const status of ['Estimation in progress', 'Estimation available'])
      await h.site.actAs(USER.agentDach).transition(custom, { status });
    expect(await names(custom)).toEqual(['Decline estimate']);
    await h.site.actAs(customer).customerTransition(custom, 'Decline estimate', 'Too expensive');
    expect(h.site.store.issue(custom)?.statusId).toBe(STATUS.closed);
  });
});
