import { ISSUE_TYPE, STATUS, USER } from '../../sandbox/jira/seed/demo-ids';
import type { SettingsImpactView } from '../../src/contract/admin-views';
import type { SettingsView, TimerSettings } from '../../src/contract/settings';
import { DAY, HOUR, insertTickets, startSweepSite, type LocalSite } from '../support/local-site';
import { invokeThroughPage } from '../../sandbox/forge/page-view';

const START = Date.parse('2026-11-02T08:30:00Z');

describe('previewSettingsImpact: what a settings change would do to the open tickets, before saving', () => {
  let s: LocalSite;
  let resolved: string;
  let waiting: string;
  beforeEach(async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    waiting = await s.ticket('Support Request', ['Clarification required / On hold']);
    resolved = await s.ticket('Support Request', []);
    await s.site.actAs('agent-dach-anna').transition(resolved, { status: 'Resolved', resolution: 'Done' });
    await s.host.drain();
    // The first sweeps index both tickets; six days on, nothing is due under the guide's timers (10 and 50 days).
    await s.advance(2 * HOUR);
    s.jump(new Date(START + 6 * DAY));
    // A sweep on day 6 (nothing due) gives the next run its time.
    await s.advance(HOUR);
  });
  afterEach(() => s.close());

  const call = async <T>(functionKey: string, payload: unknown, accountId: string = USER.admin) => {
    const result = await invokeThroughPage(s.host, s.site, {
      moduleKey: 'process-admin',
      functionKey,
      payload,
      accountId,
    });
    return (result.ok ? result.value : undefined) as { data?: T; error?: { code: string } };
  };

  /** The `saveSettings` payload of the stored site settings with `timers` changed. */
  const sitePayload = async (timers: Partial<TimerSettings>) => {
    const view = (await call<SettingsView>('getSettings', {})).data!;
    return {
      scope: 'site',
      settings: { ...view.site, timers: { ...view.site.timers, ...timers } },
      managedProjects: ['SD'],
      expectedVersion: view.version,
    };
  };

  /** Jira calls that would read or write one ticket. */
  const perTicket = () =>
    ['getIssue', 'getIssueProperty', 'editIssue', 'setIssueProperty', 'doTransition', 'getChangeLogs'].map(
      (op) => s.site.metrics.of(op).requests,
    );

  it('says which tickets the next sweep would close or remind, from the app storage alone, saving nothing', async () => {
    const payload = await sitePayload({ resolvedAutoCloseDays: 5, clarificationReminderIntervalDays: 5 });
    const before = perTicket();
    const searches = s.site.metrics.of('searchAndReconsileIssuesUsingJqlPost').requests;
    const view = (await call<SettingsImpactView>('previewSettingsImpact', payload)).data;
    expect(view).toMatchObject({
      valid: true,
      checked: 2,
      unknown: { count: 0, tickets: [] },
      unindexedProjects: [],
      effects: {
        closeNextSweep: { count: 1, tickets: [resolved] },
        remindNextSweep: { count: 1, tickets: [waiting] },
        earlier: { count: 0, tickets: [] },
        later: { count: 0, tickets: [] },
      },
    });
    expect(view?.nextSweepAt).not.toBeNull();
    expect(perTicket()).toEqual(before);
    expect(s.site.metrics.of('searchAndReconsileIssuesUsingJqlPost').requests).toBe(searches);
    // Nothing was saved: the stored version is the one the payload was built on.
    expect((await call<SettingsView>('getSettings', {})).data?.version).toBe(payload.expectedVersion);
    expect(s.appCommentTexts(waiting)).toEqual([]);
  });

  it('tells earlier from later when nothing becomes due at the next sweep', async () => {
    const payload = await sitePayload({ resolvedAutoCloseDays: 30, clarificationReminderIntervalDays: 12 });
    const view = (await call<SettingsImpactView>('previewSettingsImpact', payload)).data;
    expect(view?.effects).toEqual({
      closeNextSweep: { count: 0, tickets: [] },
      remindNextSweep: { count: 0, tickets: [] },
      earlier: { count: 1, tickets: [resolved] },
      later: { count: 1, tickets: [waiting] },
    });
  });

  it('computes nothing for settings the save would refuse', async () => {
    const payload = await sitePayload({ resolvedAutoCloseDays: 0 });
    const view = (await call<SettingsImpactView>('previewSettingsImpact', payload)).data;
    expect(view).toMatchObject({ valid: false, checked: 0 });
  });

  it('does not guess a ticket whose state copy is missing (a write in flight): it counts and names it', async () => {
    const entry = s.host.kvs.get('entity:due-index', waiting);
    if (!entry) throw new Error('no index entry');
    const { state: _copy, ...withoutCopy } = entry.value as Record<string, unknown>;
    s.host.kvs.put('entity:due-index', waiting, { ...entry, value: withoutCopy });
    // Index queries see an entity as it was a few seconds earlier.
    s.jump(new Date(Date.now() + 10_000));
    try {
      const payload = await sitePayload({ resolvedAutoCloseDays: 5, clarificationReminderIntervalDays: 5 });
      const view = (await call<SettingsImpactView>('previewSettingsImpact', payload)).data;
      expect(view).toMatchObject({
        checked: 1,
        unknown: { count: 1, tickets: [waiting] },
        effects: { closeNextSweep: { count: 1, tickets: [resolved] }, remindNextSweep: { count: 0 } },
      });
    } finally {
      s.host.kvs.put('entity:due-index', waiting, entry);
    }
  });

  it('refuses an agent who is not a Jira administrator, before reading the payload', async () => {
    const payload = await sitePayload({ resolvedAutoCloseDays: 5 });
    expect((await call('previewSettingsImpact', payload, USER.agentDach)).error?.code).toBe('FORBIDDEN');
  });
});

describe('previewSettingsImpact on a site with more running timers than one search page holds', () => {
  let s: LocalSite;
  afterEach(() => s.close());

  it('says before the first sweeps that the project is not indexed yet, instead of counting nothing', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    insertTickets(s.site, ISSUE_TYPE.supportRequest, STATUS.clarification, [Date.now() - 3 * DAY]);
    const view = await asAdminCall(
      s,
      'previewSettingsImpact',
      await timersPayload(s, { clarificationReminderIntervalDays: 2 }),
    );
    expect(view).toMatchObject({ valid: true, checked: 0, unindexedProjects: ['SD'] });
  });

  it('counts all 620 waiting tickets the next sweep would remind, with no Jira call but the admin check', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    const tickets = 620;
    const keys = insertTickets(
      s.site,
      ISSUE_TYPE.supportRequest,
      STATUS.clarification,
      Array.from({ length: tickets }, (_, n) => Date.now() - 3 * DAY + n * 60_000),
    );
    s.configure({ projects: ['SD'], automation: { pointsBudgetPerHour: 10_000 } });
    // The sweeps after installation write every ticket's state (and so its copy) and build the index.
    await s.advance(6 * HOUR);
    const payload = await timersPayload(s, { clarificationReminderIntervalDays: 2 });
    const requests = s.site.metrics.totalRequests;
    const permissionChecks = s.site.metrics.of('getMyPermissions').requests;
    const view = await asAdminCall(s, 'previewSettingsImpact', payload);
    // The admin check may be answered from the permission cache (60 s); nothing else asks Jira.
    const checks = s.site.metrics.of('getMyPermissions').requests - permissionChecks;
    expect(checks).toBeLessThanOrEqual(1);
    expect(s.site.metrics.totalRequests - requests).toBe(checks);
    expect(view).toMatchObject({
      valid: true,
      checked: tickets,
      unknown: { count: 0 },
      unindexedProjects: [],
      effects: {
        closeNextSweep: { count: 0 },
        remindNextSweep: { count: tickets, tickets: keys.slice(0, 20) },
        earlier: { count: 0 },
        later: { count: 0 },
      },
    });
  }, 120_000);
});

describe('lowering the reminder count below the reminders a waiting ticket has had', () => {
  let s: LocalSite;
  afterEach(() => s.close());

  it('the check names the ticket, and after the save it gets no further reminder and closes once, on day 40', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    const key = await s.ticket('Support Request', ['Clarification required / On hold']);
    await s.advance(2 * HOUR);
    // Day 25: the sweep sends reminder 2 (the latest due), the ticket has had 2 of 3 reminders.
    s.jump(new Date(START + 25 * DAY));
    await s.advance(HOUR);
    expect(s.appCommentTexts(key)).toHaveLength(1);
    expect(s.state(key)?.stepsDone).toBe(2);
    const payload = await timersPayload(s, { clarificationReminderCount: 1 });
    const view = await asAdminCall(s, 'previewSettingsImpact', payload);
    expect(view).toMatchObject({
      checked: 1,
      pastReminderCount: { count: 1, tickets: [key] },
      // Reminder 3 on day 30 gives way to the close on day 40.
      effects: { later: { count: 1, tickets: [key] }, closeNextSweep: { count: 0 } },
    });
    expect(await asAdminCall(s, 'saveSettings', payload)).toMatchObject({ ok: true });
    // The sweeps after the save follow the new settings; nothing is due until day 40.
    await s.advance(2 * HOUR);
    s.jump(new Date(START + 40 * DAY - 2 * HOUR));
    await s.until(new Date(START + 40 * DAY - 60_000));
    expect(s.appCommentTexts(key)).toHaveLength(1);
    expect(s.status(key)).toBe('Clarification required / On hold');
    await s.until(new Date(START + 40 * DAY + HOUR));
    expect(s.status(key)).toBe('Closed');
    expect(s.appCommentTexts(key)).toHaveLength(2);
    await s.advance(3 * HOUR);
    expect(s.appCommentTexts(key)).toHaveLength(2);
  }, 120_000);
});

async function asAdminCall(
  s: LocalSite,
  functionKey: string,
  payload: unknown,
): Promise<SettingsImpactView & { ok?: boolean }> {
  const result = await invokeThroughPage(s.host, s.site, {
    moduleKey: 'process-admin',
    functionKey,
    payload,
    accountId: USER.admin,
  });
  const data = (result.ok ? result.value : undefined) as
    { data?: SettingsImpactView & { ok?: boolean } } | undefined;
  if (!data?.data) throw new Error(`${functionKey} answered no data`);
  return data.data;
}

/** The `saveSettings` payload of the stored site settings with `timers` changed. */
async function timersPayload(s: LocalSite, timers: Partial<TimerSettings>) {
  const result = await invokeThroughPage(s.host, s.site, {
    moduleKey: 'process-admin',
    functionKey: 'getSettings',
    payload: {},
    accountId: USER.admin,
  });
  const view = ((result.ok ? result.value : undefined) as { data: SettingsView }).data;
  return {
    scope: 'site',
    settings: { ...view.site, timers: { ...view.site.timers, ...timers } },
    managedProjects: ['SD'],
    expectedVersion: view.version,
  };
}
