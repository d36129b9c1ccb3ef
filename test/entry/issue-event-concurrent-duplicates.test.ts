/**
 * At-least-once delivery where the copies of one product event run AT THE SAME TIME (every event delivered
 * twice, both deliveries started together): each comment the event rules post, and each on-call alert, still
 * happens exactly once. The ledger's claim, not the order of deliveries, has to hold.
 */
import { FIELD, ISSUE_TYPE } from '../../sandbox/jira/seed/demo-ids';
import {
  DEMO_CONFIG,
  startEventsSite,
  type LocalSite,
  SATURDAY,
  SEVERE_FIELDS,
  ON_CALL_TEAM_ID,
  closeSiteAfterEach,
} from '../support/local-site';

const twiceAtOnce = { duplicateRate: 1, concurrent: true } as const;

describe('product events delivered twice, concurrently', () => {
  let s: LocalSite;
  closeSiteAfterEach(() => s);

  it('a severe Incident on a Saturday raises one alert and tells the customer once', async () => {
    s = await startEventsSite(SATURDAY, {
      ...twiceAtOnce,
      config: { ...DEMO_CONFIG, onCall: { mode: 'opsgenie', target: ON_CALL_TEAM_ID } },
    });
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Incident', summary: 'Down', fields: SEVERE_FIELDS });
    await s.settle();
    expect(s.host.stats.productEvents.duplicated).toBeGreaterThan(0);
    expect(s.site.metrics.of('jsmOps.POST').statuses).toEqual({ 202: 1 });
    expect(s.site.opsAlerts.all()).toHaveLength(1);
    expect(s.appComments(key)).toEqual([
      expect.objectContaining({
        internal: false,
        text: expect.stringContaining('Rufbereitschaft alarmiert'),
      }),
    ]);
  });

  it('a request raised out of hours gets one auto-reply', async () => {
    s = await startEventsSite(SATURDAY, twiceAtOnce);
    const key = await s
      .as('customer-globex-1')
      .createIssue({ project: 'SD', issueType: 'Request', summary: 'How to?' });
    await s.settle();
    expect(s.appComments(key)).toEqual([
      expect.objectContaining({ internal: false, text: expect.stringContaining('am 30.11.2026') }),
    ]);
  });

  it('Confidential = Yes restricts the ticket and posts its note once', async () => {
    s = await startEventsSite(undefined, twiceAtOnce);
    const key = await s.as('customer-acme-1').createIssue({
      project: 'SD',
      issueType: 'Request',
      summary: 'Q',
      fields: { [FIELD.confidential]: { value: 'Yes' } },
    });
    await s.settle();
    expect(s.securityLevel(key)).toBeDefined();
    expect(s.appComments(key)).toHaveLength(1);
  });

  it('a Software Defect set to P1 gets one internal note', async () => {
    s = await startEventsSite(undefined, twiceAtOnce);
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Incident', summary: 'Crash' });
    await s.agent.edit(key, { issuetype: { id: ISSUE_TYPE.softwareDefect } });
    await s.settle();
    await s.agent.edit(key, { priority: { name: 'P1' } });
    await s.settle();
    expect(s.appComments(key)).toEqual([
      expect.objectContaining({ internal: true, text: expect.stringContaining('Priorität P1') }),
    ]);
  });
});
