import { FIELD } from '../../sandbox/jira/seed/demo-ids';
import { DEMO_CONFIG, startEventsSite, USER, type EventsSite } from '../support/events-site';

const SATURDAY = '2026-11-28T10:00:00Z';
const TEAM_ID = '4513b7ea-3b91-438f-b7e4-e3e54af9147c';
const severe = { [FIELD.affectedSystem]: { value: 'Production' }, [FIELD.systemReachable]: { value: 'No' } };
const opsgenie = { ...DEMO_CONFIG, onCall: { mode: 'opsgenie', target: TEAM_ID } };

describe('on-call through JSM Operations (onCall.mode = opsgenie, guide §1.1.1)', () => {
  let s: EventsSite;
  afterEach(() => {
    const failed = s.failedInvocations();
    s.close();
    expect(failed).toEqual([]);
  });

  it('a severe Incident on a Saturday raises exactly one alert, though its events arrive twice', async () => {
    s = await startEventsSite(SATURDAY, { config: opsgenie, duplicateRate: 1 });
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Incident', summary: 'Down', fields: severe });
    await s.settle();
    expect(s.host.stats.productEvents.duplicated).toBeGreaterThan(0);
    // One create request reached JSM Ops (count 1): the app's ledger, not JSM's alias de-duplication, held.
    expect(s.site.metrics.of('jsmOps.POST').statuses).toEqual({ 202: 1 });
    const [alert, ...others] = s.site.opsAlerts.all();
    expect(others).toEqual([]);
    expect(alert).toMatchObject({ count: 1, createdBy: USER.app, alias: expect.stringContaining(':onCall') });
    expect(alert?.payload).toMatchObject({
      priority: 'P1',
      responders: [{ id: TEAM_ID, type: 'team' }],
      details: { issueKey: key, issueId: s.site.store.issue(key)?.id },
    });
    // Ids only: no summary or other ticket text leaves Jira.
    expect(JSON.stringify(alert?.payload)).not.toContain('Down');
    expect(s.appComments(key)).toEqual([
      expect.objectContaining({
        internal: false,
        text: expect.stringContaining('Rufbereitschaft alarmiert'),
      }),
    ]);
  });

  it('no alert on a working day or for a ticket that is not severe', async () => {
    s = await startEventsSite(SATURDAY, { config: opsgenie });
    await s.as('customer-acme-1').createIssue({ project: 'SD', issueType: 'Incident', summary: 'Slow' });
    s.clock.set('2026-11-30T10:00:00Z');
    await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Incident', summary: 'Down', fields: severe });
    await s.settle();
    expect(s.site.opsAlerts.all()).toEqual([]);
  });
});
