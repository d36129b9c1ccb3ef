import { RESOLUTION, USER } from '../../../sandbox/jira/seed/demo-ids';
import { adf, harness } from './site-harness';

describe('transitions', () => {
  const h = harness();
  const transitionTo = async (key: string, status: string) => {
    const list = await h.call('GET', `/rest/api/3/issue/${key}/transitions?expand=transitions.fields`);
    const t = list.json.transitions.find((x: { to: { name: string } }) => x.to.name === status);
    if (!t) throw new Error(`no transition to ${status}`);
    return t as { id: string; fields: Record<string, unknown> };
  };

  test('resolution may be sent only when it is on the transition screen', async () => {
    const key = await h.site
      .actAs(USER.agentUk)
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'How to export?' });
    const resolve = await transitionTo(key, 'Resolved');
    expect(Object.keys(resolve.fields)).toEqual(['resolution']);
    const ok = await h.call('POST', `/rest/api/3/issue/${key}/transitions`, {
      transition: { id: resolve.id },
      fields: { resolution: { name: "Won't Do" } },
    });
    expect(ok.status).toBe(204);
    expect(h.site.store.issue(key)?.resolutionId).toBe(RESOLUTION.wontDo);

    const close = await transitionTo(key, 'Closed');
    expect(close.fields).toEqual({});
    const refused = await h.call('POST', `/rest/api/3/issue/${key}/transitions`, {
      transition: { id: close.id },
      fields: { resolution: { name: 'Done' } },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.errors.resolution).toBe(
      "Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown.",
    );
    expect(h.site.store.issue(key)?.statusId).not.toBe('10009');
  });

  test('post-functions set Done on close and clear the resolution on reopen', async () => {
    const key = await h.site
      .actAs(USER.agentUk)
      .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'Crash' });
    await h.site.actAs(USER.agentUk).transition(key, { status: 'Resolved' });
    expect(h.site.store.issue(key)?.resolutionId).toBe(RESOLUTION.done);
    await h.site.actAs(USER.agentUk).transition(key, { status: 'In Progress' });
    expect(h.site.store.issue(key)?.resolutionId).toBeNull();
    expect(h.site.store.issue(key)?.resolutionDate).toBeNull();
  });

  test('a transition not available from the current status is refused and changes nothing', async () => {
    const key = await h.site
      .actAs(USER.agentUk)
      .createIssue({ project: 'SD', issueType: 'Customisation', summary: 'Custom report' });
    const wf = h.site.store.projects.get('10000')?.workflows['10106'];
    const closeFromEstimate = wf?.transitions.find((t) => t.from.includes('10005') && t.to === '10009');
    const res = await h.call('POST', `/rest/api/3/issue/${key}/transitions`, {
      transition: { id: closeFromEstimate?.id },
    });
    expect(res.status).toBe(400);
    expect(
      (await h.call('POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '99999' } })).status,
    ).toBe(400);
    expect(h.site.store.issue(key)?.statusId).toBe('10001');
  });

  test('the workflow offers transitions the process forbids (Support Request Open → In Progress)', async () => {
    const key = await h.site
      .actAs(USER.agentUk)
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Q' });
    expect((await transitionTo(key, 'In Progress')).id).toBeDefined();
    const clar = await transitionTo(key, 'Clarification required / On hold');
    const res = await h.call('POST', `/rest/api/3/issue/${key}/transitions`, {
      transition: { id: clar.id },
      update: { comment: [{ add: { body: adf('Which version?') } }] },
      properties: [{ key: 'jsm-process-state', value: { timer: 'clarification' } }],
    });
    expect(res.status).toBe(204);
    const issue = h.site.store.issue(key);
    expect(issue?.comments).toHaveLength(1);
    expect(issue?.properties['jsm-process-state']).toEqual({ timer: 'clarification' });
  });
});
