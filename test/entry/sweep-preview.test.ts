import { ISSUE_TYPE, STATUS, USER } from '../../sandbox/jira/seed/demo-ids';
import type { SweepPreviewView } from '../../src/contract/admin-views';
import {
  DAY,
  dropStateCopy,
  HOUR,
  insertTickets,
  startSweepSite,
  type LocalSite,
} from '../support/local-site';

const START = Date.parse('2026-11-02T08:30:00Z');

/** Jira calls that would read or write tickets. */
const TICKET_OPS = [
  'searchAndReconsileIssuesUsingJqlPost',
  'getIssue',
  'getIssueProperty',
  'editIssue',
  'setIssueProperty',
  'doTransition',
  'addComment',
  'getChangeLogs',
];

/** The preview line of a ticket that entered Clarification on 2 Nov, 08:30: reminder 1 of 3, due 10 days later. */
const reminder1On12Nov = (issueKey: string) => ({
  issueKey,
  timer: 'clarification',
  action: 'remind',
  reminder: { number: 1, of: 3 },
  dueAt: '2026-11-12T08:30:00.000Z',
});

describe('previewSweep: what the next sweep and the week after it will do, from the due index', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
  });
  afterEach(() => s.close());

  const call = async (payload: unknown = {}, accountId: string = USER.admin) => {
    const result = await s.host.invokeResolver({
      moduleKey: 'process-admin',
      functionKey: 'previewSweep',
      payload,
      accountId,
    });
    return (result.ok ? result.value : undefined) as { data?: SweepPreviewView; error?: { code: string } };
  };
  const preview = async (payload: unknown = {}) => (await call(payload)).data;
  const ticketOps = () => TICKET_OPS.map((op) => s.site.metrics.of(op).requests);

  it('lists everything due by the next run, writing nothing and asking Jira nothing but the admin check', async () => {
    const key = await s.ticket('Support Request', ['Clarification required / On hold']);
    await s.advance(2 * HOUR);
    // Reminder 1 falls due on day 10 at 08:30; the last scheduled sweep before it runs, the next one is after it.
    const due = START + 10 * DAY;
    s.jump(new Date(due - 2 * HOUR));
    const first = s.host.nextScheduledRun('process-sweep');
    const lastBefore = first + Math.floor((due - 1 - first) / HOUR) * HOUR;
    await s.until(new Date(lastBefore + 60_000));
    const before = ticketOps();
    const view = await preview();
    expect(Date.parse(view?.nextSweepAt ?? '')).toBeGreaterThanOrEqual(due);
    expect(view?.items).toEqual([reminder1On12Nov(key)]);
    // The sweep searches the one due ticket (1 + 1 points) and writes its reminder (1).
    expect(view?.estimatedPoints).toBe(3);
    expect(ticketOps()).toEqual(before);
    expect(s.appCommentTexts(key)).toHaveLength(0);
    expect(s.audit().filter((e) => e.action === 'reminder')).toHaveLength(0);
  });

  it('says when the next scheduled sweep runs: the last run plus the trigger interval, as the host schedules it', async () => {
    // No sweep has run yet: nothing to count from.
    expect((await preview())?.nextSweepAt).toBeNull();
    await s.advance(3 * HOUR + 20 * 60_000);
    const next = Date.parse((await preview())?.nextSweepAt ?? '');
    // The host fires the trigger at its scheduled instant; the run reads its clock a few simulated ms later.
    const scheduled = s.host.nextScheduledRun('process-sweep');
    expect(Math.abs(next - scheduled)).toBeLessThan(60_000);
    expect(next).toBeGreaterThan(Date.now());
  });

  it('lists what the sweeps of the 7 days after the next one will do', async () => {
    const key = await s.ticket('Support Request', ['Clarification required / On hold']);
    await s.advance(2 * HOUR);
    s.jump(new Date(START + 5 * DAY));
    await s.advance(HOUR);
    const view = await preview();
    expect(view?.items).toEqual([]);
    expect(view?.estimatedPoints).toBe(0);
    // Reminder 1 of 3 falls due on day 10, within the week after the next run; reminder 2 (day 20) does not.
    expect(view?.week).toEqual([reminder1On12Nov(key)]);
    const weekUntil = Date.parse(view?.weekUntil ?? '');
    expect(weekUntil - Date.parse(view?.nextSweepAt ?? '')).toBe(7 * DAY);
    expect(view).toMatchObject({ unknown: { count: 0, tickets: [] }, unindexedProjects: [] });
  });

  it('names a ticket whose state copy is missing instead of guessing its steps', async () => {
    const key = await s.ticket('Support Request', ['Clarification required / On hold']);
    await s.advance(2 * HOUR);
    s.jump(new Date(START + 5 * DAY));
    await s.advance(HOUR);
    dropStateCopy(s, key);
    // Index queries see an entity as it was a few seconds earlier.
    s.jump(new Date(Date.now() + 10_000));
    const view = await preview();
    expect(view).toMatchObject({ week: [], unknown: { count: 1, tickets: [key] } });
  });

  it('says before the first sweeps that the project is not indexed yet', async () => {
    insertTickets(s.site, ISSUE_TYPE.supportRequest, STATUS.clarification, [Date.now() - 3 * DAY]);
    expect(await preview()).toMatchObject({ items: [], week: [], unindexedProjects: ['SD'] });
  });

  it('is empty for a project the app does not manage', async () => {
    await s.ticket('Support Request', ['Clarification required / On hold']);
    await s.advance(2 * HOUR);
    s.jump(new Date(START + 9 * DAY));
    expect(await preview({ projectKey: 'OTHER' })).toMatchObject({
      items: [],
      week: [],
      unknown: { count: 0 },
    });
    expect((await preview({ projectKey: 'SD' }))?.week).toHaveLength(1);
  });

  it('refuses an agent who is not a Jira administrator', async () => {
    expect((await call({}, USER.agentDach)).error?.code).toBe('FORBIDDEN');
  });
});

describe('previewSweep on a site with more steps in the week than one search page or 500 tickets', () => {
  let s: LocalSite;
  afterEach(() => s.close());

  it('lists all 560 reminders of the week, with no Jira call but the admin check', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    const tickets = 560;
    // Waiting for 5 days, a minute apart: reminder 1 of each falls due on days 10 to 10.4.
    const entered = Array.from({ length: tickets }, (_, n) => Date.now() - 5 * DAY + n * 60_000);
    const keys = insertTickets(s.site, ISSUE_TYPE.supportRequest, STATUS.clarification, entered);
    s.configure({ projects: ['SD'], automation: { pointsBudgetPerHour: 10_000 } });
    // The sweeps after installation write every ticket's state (and so its copy) and build the index.
    await s.advance(6 * HOUR);
    const requests = s.site.metrics.totalRequests;
    const permissionChecks = s.site.metrics.of('getMyPermissions').requests;
    const searches = s.site.metrics.of('searchAndReconsileIssuesUsingJqlPost').requests;
    const result = await s.host.invokeResolver({
      moduleKey: 'process-admin',
      functionKey: 'previewSweep',
      payload: {},
      accountId: USER.admin,
    });
    const view = ((result.ok ? result.value : undefined) as { data?: SweepPreviewView }).data;
    // The admin check may be answered from the permission cache (60 s); nothing else asks Jira.
    const checks = s.site.metrics.of('getMyPermissions').requests - permissionChecks;
    expect(checks).toBeLessThanOrEqual(1);
    expect(s.site.metrics.totalRequests - requests).toBe(checks);
    expect(s.site.metrics.of('searchAndReconsileIssuesUsingJqlPost').requests).toBe(searches);
    expect(view?.items).toEqual([]);
    expect(view?.week.map((i) => i.issueKey)).toEqual(keys);
    expect(view?.week.map((i) => i.dueAt)).toEqual(
      entered.map((ms) => new Date(Math.ceil((ms + 10 * DAY) / 1000) * 1000).toISOString()),
    );
    expect(new Set(view?.week.map((i) => `${i.action} ${i.reminder?.number} of ${i.reminder?.of}`))).toEqual(
      new Set(['remind 1 of 3']),
    );
    expect(view).toMatchObject({ unknown: { count: 0 }, unindexedProjects: [] });
  }, 120_000);
});
