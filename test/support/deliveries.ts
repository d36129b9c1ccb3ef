import { FIELD, ISSUE_TYPE, ORG, PROJECT_ID, REQUEST_TYPE, STATUS } from '../../sandbox/jira/seed/demo-ids';
import { newIssue } from '../../sandbox/jira/model/new-issue';
import type { LocalSite } from './local-site';

/** A Planned Delivery of ACME (organization 1) for `version`. */
export const createDeliveryOn = (s: LocalSite, version: string, estimated = '2026-12-15') =>
  s.agent.createIssue({
    project: 'SD',
    issueType: 'Delivery',
    summary: `Delivery ${version}`,
    fields: {
      [FIELD.deliveryVersion]: version,
      [FIELD.organizations]: [{ id: '1' }],
      [FIELD.estimatedDeliveryDate]: estimated,
    },
  });

/** An ACME ticket that went through In Progress to Delivery Pending for `version`. */
export async function pendingOn(s: LocalSite, issueType: string, version: string, summary = 'Export fails') {
  const key = await s.as('customer-acme-1').createIssue({ project: 'SD', issueType, summary });
  await s.agent.transition(key, { status: 'In Progress' });
  await s.agent.edit(key, { [FIELD.deliveryVersion]: version });
  await s.agent.transition(key, { status: 'Delivery Pending' });
  return key;
}

/**
 * ACME tickets that reached Delivery Pending for `version` before any Delivery was planned, put on the site
 * directly (no events; search knows them at once): Software Defects, or the issue type `typeOf` names for each.
 */
export function waitingTickets(
  s: LocalSite,
  count: number,
  version: string,
  typeOf: (index: number) => string = () => ISSUE_TYPE.softwareDefect,
): string[] {
  const store = s.site.store;
  const project = store.projects.get(PROJECT_ID);
  if (!project) throw new Error('no project');
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const issue = newIssue({
      id: store.nextId('issue'),
      key: `SD-${project.nextIssueNumber++}`,
      projectId: PROJECT_ID,
      issueTypeId: typeOf(i),
      statusId: STATUS.deliveryPending,
      summary: `Defect ${i}`,
      reporterAccountId: 'customer-acme-1',
      created: new Date().toISOString(),
    });
    issue.organizationIds = [ORG.acme];
    issue.requestTypeId = REQUEST_TYPE.incident;
    issue.custom[FIELD.deliveryVersion] = version;
    store.insertIssue(issue);
    keys.push(issue.key);
  }
  return keys;
}
