import { ActAsError } from '../../../sandbox/jira/act-as';
import { CUSTOMERS, REQUEST_TYPE, USER } from '../../../sandbox/jira/seed/demo-ids';
import { generateTickets } from '../../../sandbox/jira/seed/generate-tickets';
import { createJiraSite } from '../../../sandbox/jira/site';
import { asUser, harness } from './site-harness';

const customer = CUSTOMERS.globex[0] ?? '';

describe('JSM request channel', () => {
  // The channel clause is under test, not the search index lag (search-lag.test.ts): new issues are searchable at once.
  const h = harness({ seed: { seed: 7 }, searchFieldLagMs: 0 });
  const keysFor = async (jql: string) =>
    (
      (await h.call('POST', '/rest/api/3/search/jql', { jql, fields: ['key'] })).json.issues as {
        key: string;
      }[]
    )
      .map((i) => i.key)
      .sort();

  let byMail = '';
  let byPortal = '';
  let byAgent = '';
  let byApp = '';
  let byRest = '';

  beforeAll(async () => {
    byMail = await h.site.actAs(customer).createIssue({
      project: 'SD',
      issueType: 'Incident',
      summary: 'Mail: SFTP full',
      requestTypeId: REQUEST_TYPE.incident,
      channel: 'email',
    });
    byPortal = await h.site
      .actAs(customer)
      .createIssue({ project: 'SD', issueType: 'Request', summary: 'Portal question' });
    byAgent = await h.site
      .actAs(USER.agentUk)
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Logged by phone' });
    byApp = await h.site
      .actAs({ kind: 'app' })
      .createIssue({ project: 'SD', issueType: 'Delivery', summary: 'Delivery 14.21' });
    const created = await h.call('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'SD' }, issuetype: { name: 'Request' }, summary: 'Raw REST create' },
    });
    byRest = created.json.key;
  });

  test('actAs defaults: portal for customers, jira for agents and the app; raw REST is api', () => {
    const channel = (key: string) => h.site.store.issue(key)?.channel;
    expect([byMail, byPortal, byAgent, byApp, byRest].map(channel)).toEqual([
      'email',
      'portal',
      'jira',
      'jira',
      'api',
    ]);
  });

  test('a demo customer can raise an e-mail ticket: shared with their organization, reported by them', () => {
    const issue = h.site.store.issue(byMail);
    expect(issue?.reporterAccountId).toBe(customer);
    expect(issue?.organizationIds).toEqual(['2']);
    expect(h.site.store.users.get(customer)?.emailAddress).toBe('contact1@globex.example');
  });

  test('JQL request-channel-type: =, quoted, in, not in, !=', async () => {
    expect(await keysFor('request-channel-type = email')).toEqual([byMail]);
    expect(
      await keysFor(`id = ${h.site.store.issue(byMail)?.id ?? ''} AND "request-channel-type" = email`),
    ).toEqual([byMail]);
    expect(
      await keysFor(`id = ${h.site.store.issue(byPortal)?.id ?? ''} AND "request-channel-type" = email`),
    ).toEqual([]);
    expect(await keysFor('request-channel-type in (email, portal)')).toEqual([byMail, byPortal].sort());
    expect(await keysFor('project = SD AND request-channel-type not in (email, portal, jira)')).toEqual([
      byRest,
    ]);
    expect(await keysFor('project = SD AND request-channel-type != api')).toEqual(
      [byMail, byPortal, byAgent, byApp].sort(),
    );
  });

  test('the customer-request view has no channel member (CustomerRequestDTO has no place for it)', async () => {
    const request = await h.call(
      'GET',
      `/rest/servicedeskapi/request/${byMail}`,
      undefined,
      asUser(customer),
    );
    expect(request.status).toBe(200);
    expect(JSON.stringify(request.json)).not.toMatch(/channel/i);
  });

  test('an unknown channel is refused with 400 and creates nothing', async () => {
    const before = h.site.store.issueCount;
    const res = await h.site.handle({
      method: 'POST',
      path: '/rest/api/3/issue',
      headers: { 'X-Sim-Request-Channel': 'fax' },
      principal: { kind: 'app' },
      body: JSON.stringify({
        fields: { project: { key: 'SD' }, issuetype: { name: 'Request' }, summary: 'By fax' },
      }),
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).errorMessages[0]).toMatch(/Unknown request channel 'fax'/);
    expect(h.site.store.issueCount).toBe(before);
    await expect(
      h.site.actAs(customer).createIssue({
        project: 'SD',
        issueType: 'Request',
        summary: 'x',
        channel: 'pigeon' as never,
      }),
    ).rejects.toBeInstanceOf(ActAsError);
  });
});

describe('generated tickets carry channels', () => {
  test('about one customer ticket in five by e-mail, Delivery tickets from Jira, deterministic', () => {
    const make = () => {
      const site = createJiraSite({ seed: { seed: 3 } });
      generateTickets(site, { count: 600, seed: 3, now: new Date('2026-11-27T12:00:00Z') });
      return [...site.store.issues()];
    };
    const issues = make();
    const deliveries = issues.filter((i) => i.issueTypeId === '10108');
    const customerTickets = issues.filter((i) => i.issueTypeId !== '10108');
    expect(deliveries.every((i) => i.channel === 'jira')).toBe(true);
    const share = customerTickets.filter((i) => i.channel === 'email').length / customerTickets.length;
    expect(share).toBeGreaterThan(0.12);
    expect(share).toBeLessThan(0.28);
    expect(customerTickets.every((i) => i.channel === 'email' || i.channel === 'portal')).toBe(true);
    expect(make().map((i) => i.channel)).toEqual(issues.map((i) => i.channel));
  });
});
