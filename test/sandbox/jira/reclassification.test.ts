import { ActAsError } from '../../../sandbox/jira/act-as';
import { CUSTOMERS, ISSUE_TYPE, REQUEST_TYPE, STATUS, USER } from '../../../sandbox/jira/seed/demo-ids';
import { asUser, harness } from './site-harness';

describe('changing the issue type (reclassification, PROCESS.md §2)', () => {
  const h = harness();
  const incident = () =>
    h.site.actAs(USER.agentDach).createIssue({
      project: 'SD',
      issueType: 'Incident',
      summary: 'Login fails',
      requestTypeId: REQUEST_TYPE.incident,
    });

  test('by id: type changes in place, changelog and updated:issue carry the issuetype item', async () => {
    const key = await incident();
    h.events.length = 0;
    const res = await h.call('PUT', `/rest/api/3/issue/${key}`, {
      fields: { issuetype: { id: ISSUE_TYPE.softwareDefect } },
    });
    expect(res.status).toBe(204);
    const issue = h.site.store.issue(key);
    expect(issue?.issueTypeId).toBe(ISSUE_TYPE.softwareDefect);
    expect(issue?.statusId).toBe(STATUS.open);
    const item = {
      field: 'issuetype',
      fieldtype: 'jira',
      fieldId: 'issuetype',
      from: ISSUE_TYPE.incident,
      fromString: 'Incident',
      to: ISSUE_TYPE.softwareDefect,
      toString: 'Software Defect',
    };
    expect(issue?.histories.at(-1)?.items).toEqual([item]);
    expect(h.events).toHaveLength(1);
    expect(h.events[0]?.eventType).toBe('avi:jira:updated:issue');
    expect(h.events[0]?.payload.changelog).toMatchObject({ items: [expect.objectContaining(item)] });

    const bean = await h.call('GET', `/rest/api/3/issue/${key}?fields=issuetype`);
    expect(bean.json.fields.issuetype.name).toBe('Software Defect');
    // Search sees the new type at once only for an issue it reconciles (the change reaches its index later).
    const found = await h.call('POST', '/rest/api/3/search/jql', {
      jql: `key = ${key} AND issuetype = "Software Defect"`,
      fields: ['key'],
      reconcileIssues: [Number(issue?.id)],
    });
    expect(found.json.issues.map((i: { key: string }) => i.key)).toEqual([key]);
  });

  test('by name through actAs.edit, and through update.issuetype set', async () => {
    const key = await incident();
    await h.site.actAs(USER.agentUk).edit(key, { issuetype: { name: 'Non-Software Defect' } });
    expect(h.site.store.issue(key)?.issueTypeId).toBe(ISSUE_TYPE.nonSoftwareDefect);
    const res = await h.call('PUT', `/rest/api/3/issue/${key}`, {
      update: { issuetype: [{ set: { name: 'Software Defect' } }] },
    });
    expect(res.status).toBe(204);
    expect(h.site.store.issue(key)?.issueTypeId).toBe(ISSUE_TYPE.softwareDefect);
  });

  test("refused with 400 on issuetype when the target workflow lacks the ticket's status", async () => {
    const key = await incident();
    await h.site.actAs(USER.agentDach).transition(key, { status: 'Clarification required / On hold' });
    // Suggestion is not a (C) type: its workflow has no Clarification status, so this would need a Move.
    h.events.length = 0;
    const res = await h.call('PUT', `/rest/api/3/issue/${key}`, {
      fields: { issuetype: { name: 'Suggestion' } },
    });
    expect(res.status).toBe(400);
    expect(res.json.errorMessages).toEqual([]);
    expect(res.json.errors.issuetype).toMatch(/Suggestion.*Clarification required \/ On hold/);
    expect(h.site.store.issue(key)?.issueTypeId).toBe(ISSUE_TYPE.incident);
    expect(h.events).toEqual([]);
    await expect(
      h.site.actAs(USER.agentDach).edit(key, { issuetype: { id: ISSUE_TYPE.delivery } }),
    ).rejects.toBeInstanceOf(ActAsError);
  });

  test('refused for an unknown type or one outside the project, and for customers', async () => {
    const key = await incident();
    for (const issuetype of [{ id: '99999' }, { name: 'Epic' }, {}]) {
      const res = await h.call('PUT', `/rest/api/3/issue/${key}`, { fields: { issuetype } });
      expect(res.status).toBe(400);
      expect(res.json.errors.issuetype).toBe('The issue type selected is invalid.');
    }
    const project = h.site.store.projects.get(h.site.store.issue(key)?.projectId ?? '');
    project?.issueTypeIds.splice(project.issueTypeIds.indexOf(ISSUE_TYPE.suggestion), 1);
    const outside = await h.call('PUT', `/rest/api/3/issue/${key}`, {
      fields: { issuetype: { id: ISSUE_TYPE.suggestion } },
    });
    project?.issueTypeIds.push(ISSUE_TYPE.suggestion);
    expect(outside.json.errors.issuetype).toBe('The issue type selected is invalid.');
    const reporter = CUSTOMERS.acme[0] ?? '';
    const own = await h.site
      .actAs(reporter)
      .createIssue({ project: 'SD', issueType: 'Incident', summary: 'Upload fails' });
    const customer = await h.call(
      'PUT',
      `/rest/api/3/issue/${own}`,
      { fields: { issuetype: { name: 'Request' } } },
      asUser(reporter),
    );
    expect(customer.status).toBe(403);
    expect(h.site.store.issue(own)?.issueTypeId).toBe(ISSUE_TYPE.incident);
  });
});
