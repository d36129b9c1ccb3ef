import {
  DEMO_CONFIG,
  startEventsSite,
  USER,
  type LocalSite,
  SATURDAY,
  SEVERE_FIELDS,
  ON_CALL_TEAM_ID,
  closeSiteAfterEach,
} from '../support/local-site';

const opsgenie = { ...DEMO_CONFIG, onCall: { mode: 'opsgenie', target: ON_CALL_TEAM_ID } };

describe('on-call through JSM Operations (onCall.mode = opsgenie, guide §1.1.1)', () => {
  let s: LocalSite;
  closeSiteAfterEach(() => s);

  it('a severe Incident on a Saturday raises exactly one alert, though its events arrive twice', async () => {
    s = await startEventsSite(SATURDAY, { config: opsgenie, duplicateRate: 1 });
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Incident', summary: 'Down', fields: SEVERE_FIELDS });
    await s.settle();
    expect(s.host.stats.productEvents.duplicated).toBeGreaterThan(0);
    // One create request reached JSM Ops (count 1): the app's ledger, not JSM's alias de-duplication, held.
    expect(s.site.metrics.of('jsmOps.POST').statuses).toEqual({ 202: 1 });
    const [alert, ...others] = s.site.opsAlerts.all();
    expect(others).toEqual([]);
    expect(alert).toMatchObject({ count: 1, createdBy: USER.app, alias: expect.stringContaining(':onCall') });
    expect(alert?.payload).toMatchObject({
      priority: 'P1',
      responders: [{ id: ON_CALL_TEAM_ID, type: 'team' }],
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
      .createIssue({ project: 'SD', issueType: 'Incident', summary: 'Down', fields: SEVERE_FIELDS });
    await s.settle();
    expect(s.site.opsAlerts.all()).toEqual([]);
  });
});
