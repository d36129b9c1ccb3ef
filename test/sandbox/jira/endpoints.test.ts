import {
  CUSTOMERS,
  FIELD,
  ORG,
  REQUEST_TYPE,
  SERVICE_DESK_ID,
  USER,
} from '../../../sandbox/jira/seed/demo-ids';
import { adf, APP, asUser, harness } from './site-harness';

/**
 * Every implemented endpoint once; the site validates each request and response against the official specs. Each
 * test has its own request and Delivery, so none depends on what another did to them.
 */
describe('Jira simulator endpoints (contract)', () => {
  const h = harness();
  const { call, site } = h;
  let key = '';
  let other = '';

  beforeEach(async () => {
    const customer = site.actAs(CUSTOMERS.acme[0] ?? '');
    key = await customer.createIssue({
      project: 'SD',
      issueType: 'Incident',
      summary: 'Login fails',
      requestTypeId: REQUEST_TYPE.incident,
      fields: { description: adf('Error 500') },
    });
    other = await site
      .actAs(USER.agentDach)
      .createIssue({ project: 'SD', issueType: 'Delivery', summary: 'Delivery 14.21' });
  });

  test('issue read and edit', async () => {
    const get = await call(
      'GET',
      `/rest/api/3/issue/${key}?expand=names,changelog,transitions&properties=*all`,
    );
    expect(get.status).toBe(200);
    expect(get.json.fields.summary).toBe('Login fails');
    expect(get.json.fields[FIELD.requestType].requestType.name).toBe('Incident');
    expect(get.json.fields[FIELD.organizations]).toEqual([expect.objectContaining({ id: ORG.acme })]);
    const edit = await call('PUT', `/rest/api/3/issue/${key}?notifyUsers=false`, {
      fields: { [FIELD.deliveryVersion]: '14.21.3.1', [FIELD.confidential]: { value: 'No' } },
      update: { labels: [{ add: 'vip' }], comment: [{ add: { body: adf('Looking into it') } }] },
      properties: [{ key: 'jsm-process-state', value: { timer: 'none' } }],
    });
    expect(edit.status).toBe(204);
    const after = await call(
      'GET',
      `/rest/api/3/issue/${key}?fields=labels,${FIELD.deliveryVersion}&properties=jsm-process-state`,
    );
    expect(after.json.fields).toEqual({ labels: ['vip'], [FIELD.deliveryVersion]: '14.21.3.1' });
    expect(after.json.properties).toEqual({ 'jsm-process-state': { timer: 'none' } });
    expect(
      (
        await call('PUT', `/rest/api/3/issue/${key}`, {
          fields: { description: { type: 'doc', version: 1, content: [{ type: 'bogus' }] } },
        })
      ).status,
    ).toBe(400);
    expect((await call('GET', '/rest/api/3/issue/SD-99999')).status).toBe(404);
  });

  test('comments, properties, changelog', async () => {
    const edit = await call('PUT', `/rest/api/3/issue/${key}`, {
      update: { labels: [{ add: 'vip' }], comment: [{ add: { body: adf('Looking into it') } }] },
      properties: [{ key: 'jsm-process-state', value: { timer: 'none' } }],
    });
    expect(edit.status).toBe(204);
    const added = await call('POST', `/rest/api/3/issue/${key}/comment`, {
      body: adf('Internal'),
      properties: [{ key: 'sd.public.comment', value: { internal: true } }],
    });
    expect(added.status).toBe(201);
    expect(added.json.jsdPublic).toBe(false);
    expect((await call('GET', `/rest/api/3/issue/${key}/comment?orderBy=-created`)).json.total).toBe(2);
    expect((await call('POST', `/rest/api/3/issue/${key}/comment`, { body: 'plain text' })).status).toBe(400);
    expect((await call('PUT', `/rest/api/3/issue/${key}/properties/my.key`, { a: 1 })).status).toBe(201);
    expect((await call('PUT', `/rest/api/3/issue/${key}/properties/my.key`, { a: 2 })).status).toBe(200);
    expect((await call('GET', `/rest/api/3/issue/${key}/properties/my.key`)).json).toEqual({
      key: 'my.key',
      value: { a: 2 },
    });
    expect(
      (await call('GET', `/rest/api/3/issue/${key}/properties`)).json.keys.map((k: { key: string }) => k.key),
    ).toEqual(['jsm-process-state', 'my.key']);
    expect((await call('DELETE', `/rest/api/3/issue/${key}/properties/my.key`)).status).toBe(204);
    expect((await call('GET', `/rest/api/3/issue/${key}/properties/my.key`)).status).toBe(404);
    const log = await call('GET', `/rest/api/3/issue/${key}/changelog`);
    expect(log.json.values.length).toBeGreaterThan(0);
    const bulk = await call('POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: [key],
      fieldIds: ['labels'],
    });
    expect(bulk.json.issueChangeLogs[0].changeHistories[0].items[0].fieldId).toBe('labels');
  });

  test('links', async () => {
    expect((await call('GET', '/rest/api/3/issueLinkType')).json.issueLinkTypes[0]).toMatchObject({
      name: 'Delivery',
      outward: 'ships',
    });
    expect(
      (
        await call('POST', '/rest/api/3/issueLink', {
          type: { name: 'Delivery' },
          inwardIssue: { key: other },
          outwardIssue: { key },
        })
      ).status,
    ).toBe(201);
    const links = (await call('GET', `/rest/api/3/issue/${other}?fields=issuelinks`)).json.fields.issuelinks;
    expect(links[0].outwardIssue.key).toBe(key);
    const id = links[0].id as string;
    expect((await call('GET', `/rest/api/3/issueLink/${id}`)).json.inwardIssue.key).toBe(other);
    expect((await call('DELETE', `/rest/api/3/issueLink/${id}`)).status).toBe(204);
    expect((await call('GET', `/rest/api/3/issueLink/${id}`)).status).toBe(404);
  });

  test('metadata, users and permissions', async () => {
    const fields = (await call('GET', '/rest/api/3/field')).json as { id: string; name: string }[];
    expect(fields.find((f) => f.name === 'Delivery version')?.id).toBe(FIELD.deliveryVersion);
    expect((await call('GET', '/rest/api/3/status')).json.map((s: { name: string }) => s.name)).toContain(
      'Clarification required / On hold',
    );
    expect((await call('GET', '/rest/api/3/issuetype')).json).toHaveLength(9);
    expect((await call('GET', '/rest/api/3/resolution')).json.map((r: { name: string }) => r.name)).toEqual([
      'Done',
      "Won't Do",
      'Duplicate',
    ]);
    expect((await call('GET', '/rest/api/3/project/SD')).json.name).toBe('Support Desk');
    expect((await call('GET', '/rest/api/3/serverInfo')).json.deploymentType).toBe('Cloud');
    expect((await call('GET', `/rest/api/3/user?accountId=${USER.agentDach}`)).json.locale).toBe('de_DE');
    expect((await call('GET', '/rest/api/3/myself')).json.accountType).toBe('app');
    const admin = await call(
      'GET',
      '/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS',
      undefined,
      asUser(USER.admin),
    );
    expect(admin.json.permissions.ADMINISTER.havePermission).toBe(true);
    const agent = await call(
      'GET',
      '/rest/api/3/mypermissions?permissions=ADMINISTER&projectKey=SD',
      undefined,
      asUser(USER.agentUk),
    );
    expect(agent.json.permissions.ADMINISTER.havePermission).toBe(false);
    expect((await call('GET', '/rest/api/3/mypermissions')).status).toBe(400);
    const check = await call('POST', '/rest/api/3/permissions/check', {
      accountId: USER.agentUk,
      projectPermissions: [{ permissions: ['EDIT_ISSUES'], projects: [10000] }],
    });
    expect(check.json.projectPermissions[0].projects).toEqual([10000]);
    const schemes = await call('GET', '/rest/api/3/issuesecurityschemes', undefined, asUser(USER.admin));
    expect(schemes.json.issueSecuritySchemes[0].levels.map((l: { name: string }) => l.name)).toEqual([
      'DACH support',
      'International support',
      'APAC support',
      'Restricted',
    ]);
    expect(
      (await call('GET', '/rest/api/3/issuesecurityschemes', undefined, asUser(USER.agentUk))).status,
    ).toBe(403);
    expect((await call('GET', '/rest/api/3/issuesecurityschemes/10000')).json.name).toBe(
      'Support Desk security',
    );
    expect(
      (await call('GET', '/rest/api/3/issuesecurityschemes/10000/members')).json.values.length,
    ).toBeGreaterThan(0);
    expect((await call('GET', '/rest/api/3/project/SD/securitylevel')).json.levels).toHaveLength(4);
    expect((await call('GET', '/rest/api/3/nonsense')).status).toBe(404);
  });

  test('service desk API', async () => {
    const request = await call(
      'GET',
      `/rest/servicedeskapi/request/${key}?expand=sla,participant,status,requestType,serviceDesk`,
    );
    expect(request.status).toBe(200);
    expect(request.json.currentStatus.status).toBe('Open');
    expect(request.json.sla.values.map((v: { name: string }) => v.name)).toEqual([
      'Time to first response',
      'Time to resolution',
    ]);
    const comment = await call(
      'POST',
      `/rest/servicedeskapi/request/${key}/comment`,
      { body: 'We are on it', public: true },
      asUser(USER.agentDach),
    );
    expect(comment.status).toBe(201);
    expect(comment.json.public).toBe(true);
    expect(
      (await call('POST', `/rest/servicedeskapi/request/${key}/comment`, { body: 'x' })).json.errorMessage,
    ).toMatch(/public/);
    expect((await call('GET', `/rest/servicedeskapi/request/${key}/comment`)).json.size).toBe(1);
    expect((await call('GET', `/rest/servicedeskapi/request/${key}/participant`)).json.values).toEqual([]);
    const sla = await call('GET', `/rest/servicedeskapi/request/${key}/sla`);
    expect(sla.json.values[0].completedCycles).toHaveLength(1);
    expect(
      (
        await call(
          'GET',
          `/rest/servicedeskapi/request/${key}/sla`,
          undefined,
          asUser(CUSTOMERS.acme[0] ?? ''),
        )
      ).status,
    ).toBe(403);
    expect((await call('GET', `/rest/servicedeskapi/request/${key}/status`)).json.values[0].status).toBe(
      'Open',
    );
    expect((await call('GET', '/rest/servicedeskapi/organization')).json.values).toHaveLength(3);
    expect(
      (
        await call('GET', '/rest/servicedeskapi/organization', undefined, asUser(CUSTOMERS.globex[0] ?? ''))
      ).json.values.map((o: { name: string }) => o.name),
    ).toEqual(['Globex Ltd']);
    expect((await call('GET', `/rest/servicedeskapi/organization/${ORG.acme}/user`)).json.size).toBe(3);
    expect(
      (await call('GET', `/rest/servicedeskapi/servicedesk/${SERVICE_DESK_ID}/organization`)).json.size,
    ).toBe(3);
    expect((await call('GET', '/rest/servicedeskapi/servicedesk')).json.values[0].projectKey).toBe('SD');
    expect(
      (await call('GET', `/rest/servicedeskapi/servicedesk/${SERVICE_DESK_ID}/requesttype`)).json.values,
    ).toHaveLength(2);
    expect((await call('GET', '/rest/servicedeskapi/request/SD-9999')).json).toMatchObject({
      errorMessage: expect.any(String),
    });
    expect(APP.kind).toBe('app');
  });
});
