import { USER } from '../../sandbox/jira/seed/demo-ids';
import type { SettingsImpactView } from '../../src/contract/admin-views';
import type { SettingsView, TimerSettings } from '../../src/contract/settings';
import { DAY, HOUR, startSweepSite, type LocalSite } from '../support/local-site';

const START = Date.parse('2026-11-02T08:30:00Z');

describe('previewSettingsImpact: what a settings change would do to the open tickets, before saving', () => {
  let s: LocalSite;
  let resolved: string;
  let waiting: string;
  beforeAll(async () => {
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
  afterAll(() => s.close());

  const call = async <T>(functionKey: string, payload: unknown, accountId: string = USER.admin) => {
    const result = await s.host.invokeResolver({
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

  it('says which tickets the next sweep would close or remind, reading them in one search and saving nothing', async () => {
    const payload = await sitePayload({ resolvedAutoCloseDays: 5, clarificationReminderIntervalDays: 5 });
    const before = perTicket();
    const searches = s.site.metrics.of('searchAndReconsileIssuesUsingJqlPost').requests;
    const view = (await call<SettingsImpactView>('previewSettingsImpact', payload)).data;
    expect(view).toMatchObject({
      valid: true,
      checked: 2,
      truncated: false,
      effects: {
        closeNextSweep: { count: 1, tickets: [resolved] },
        remindNextSweep: { count: 1, tickets: [waiting] },
        earlier: { count: 0, tickets: [] },
        later: { count: 0, tickets: [] },
      },
    });
    expect(view?.nextSweepAt).not.toBeNull();
    expect(perTicket()).toEqual(before);
    expect(s.site.metrics.of('searchAndReconsileIssuesUsingJqlPost').requests).toBe(searches + 1);
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

  it('refuses an agent who is not a Jira administrator, before reading the payload', async () => {
    const payload = await sitePayload({ resolvedAutoCloseDays: 5 });
    expect((await call('previewSettingsImpact', payload, USER.agentDach)).error?.code).toBe('FORBIDDEN');
  });
});
