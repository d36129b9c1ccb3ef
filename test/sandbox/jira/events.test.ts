import type { ProductEvent } from '../../../sandbox/contract';
import { FIELD, STATUS, USER } from '../../../sandbox/jira/seed/demo-ids';
import { APP, asUser, harness } from './site-harness';

describe('product events', () => {
  const h = harness();
  let key = '';
  let delivery = '';
  const take = (): ProductEvent[] => h.events.splice(0, h.events.length);

  // Each test has its own ticket and Delivery, so none depends on what another did to them.
  beforeEach(async () => {
    key = await h.site
      .actAs(USER.agentDach)
      .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'Crash' });
    delivery = await h.site
      .actAs(USER.agentDach)
      .createIssue({ project: 'SD', issueType: 'Delivery', summary: 'Delivery 14.21.3.1' });
    take();
  });

  test('created:issue carries the documented issue fields and the actor', async () => {
    const k = await h.site
      .actAs(USER.agentUk)
      .createIssue({ project: 'SD', issueType: 'Suggestion', summary: 'Idea' });
    const [event] = take();
    expect(event?.eventType).toBe('avi:jira:created:issue');
    expect(event?.causedBy).toEqual(asUser(USER.agentUk));
    expect(event?.payload).toMatchObject({
      atlassianId: USER.agentUk,
      issue: {
        key: k,
        fields: {
          summary: 'Idea',
          status: { name: 'Open' },
          issuetype: { name: 'Suggestion' },
          project: { key: 'SD' },
        },
      },
    });
  });

  test('a status change emits updated:issue with status and resolution changelog items', async () => {
    await h.site.actAs(USER.agentDach).transition(key, { status: 'Resolved' });
    const [event, ...rest] = take();
    expect(rest).toEqual([]);
    expect(event?.eventType).toBe('avi:jira:updated:issue');
    expect((event?.payload.changelog as { items: unknown[] }).items).toEqual([
      {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: STATUS.open,
        fromString: 'Open',
        to: STATUS.resolved,
        toString: 'Resolved',
      },
      {
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: null,
        fromString: null,
        to: '10000',
        toString: 'Done',
      },
    ]);
  });

  test('a field edit by the app emits updated:issue caused by the app', async () => {
    await h.call('PUT', `/rest/api/3/issue/${key}`, { fields: { [FIELD.deliveryVersion]: 'CUSTOM' } });
    const [event] = take();
    expect(event?.causedBy).toEqual(APP);
    expect(event?.payload.atlassianId).toBe(USER.app);
    expect((event?.payload.changelog as { items: unknown[] }).items).toEqual([
      {
        field: 'Delivery version',
        fieldtype: 'custom',
        fieldId: FIELD.deliveryVersion,
        from: null,
        fromString: null,
        to: null,
        toString: 'CUSTOM',
      },
    ]);
  });

  test('comments emit commented:issue without the undocumented jsdPublic; a transition with a comment emits updated + commented', async () => {
    await h.site.actAs(USER.agentDach).transition(key, { status: 'Resolved' });
    take();
    await h.site.actAs(USER.agentDach).comment(key, 'internal', { internal: true });
    const [comment] = take();
    expect(comment?.eventType).toBe('avi:jira:commented:issue');
    expect(comment?.payload.comment).toMatchObject({ author: { accountId: USER.agentDach } });
    expect(comment?.payload.comment).not.toHaveProperty('jsdPublic');
    // The comment itself says it (the platform Comment's documented jsdPublic), to staff only.
    const id = String((comment?.payload.comment as { id: string }).id);
    const read = await h.call('GET', `/rest/api/3/issue/${key}/comment/${id}`);
    expect(read.json).toMatchObject({ id, jsdPublic: false });
    const asCustomer = await h.call(
      'GET',
      `/rest/api/3/issue/${key}/comment/${id}`,
      undefined,
      asUser('customer-acme-1'),
    );
    expect(asCustomer.status).toBe(404);
    await h.site.actAs(USER.agentDach).transition(key, { status: 'Closed', comment: 'Closing' });
    expect(take().map((e) => e.eventType)).toEqual(['avi:jira:updated:issue', 'avi:jira:commented:issue']);
  });

  test('a site told to send comment visibility adds jsdPublic to comment events', async () => {
    const other = harness({ seed: { seed: 7 }, commentEventVisibility: 'jsdPublic' });
    const k = await other.site
      .actAs(USER.agentDach)
      .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'Crash' });
    await other.site.actAs(USER.agentDach).comment(k, 'internal', { internal: true });
    expect(other.events.at(-1)?.payload.comment).toMatchObject({ jsdPublic: false });
  });

  test('links emit created/deleted issuelink events with the flat shape', async () => {
    await h.site.actAs(USER.agentDach).link('Delivery', delivery, key);
    const [created] = take();
    const source = h.site.store.issue(delivery);
    const destination = h.site.store.issue(key);
    expect(created).toMatchObject({
      eventType: 'avi:jira:created:issuelink',
      payload: {
        sourceIssueId: source?.id,
        destinationIssueId: destination?.id,
        issueLinkType: { name: 'Delivery', outward: 'ships', inward: 'is shipped in' },
      },
    });
    expect(destination?.histories.at(-1)?.items[0]).toMatchObject({
      field: 'Link',
      toString: `This issue is shipped in ${delivery}`,
    });
    await h.call('DELETE', `/rest/api/3/issueLink/${String(created?.payload.id)}`);
    expect(take().map((e) => e.eventType)).toEqual(['avi:jira:deleted:issuelink']);
  });

  test('property-only writes emit no event (PUT property, PUT issue with only properties)', async () => {
    await h.site.actAs(USER.agentDach).setProperty(key, 'jsm-process-state', { timer: 'resolved' });
    await h.call('PUT', `/rest/api/3/issue/${key}`, {
      properties: [{ key: 'jsm-process-state', value: { timer: 'none' } }],
    });
    expect(take()).toEqual([]);
    expect(h.site.store.issue(key)?.properties['jsm-process-state']).toEqual({ timer: 'none' });
  });

  test('refused writes emit nothing', async () => {
    await h.call('PUT', `/rest/api/3/issue/${key}`, { fields: { summary: '' } });
    expect(take()).toEqual([]);
  });
});
