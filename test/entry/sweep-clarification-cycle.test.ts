import { ISSUE_TYPE } from '../../sandbox/jira/seed/demo-ids';
import { DAY, HOUR, resetByCustomerReply, startSweepSite, type LocalSite } from '../support/local-site';

const CLARIFICATION = 'Clarification required / On hold';
const START = Date.parse('2026-11-02T08:30:00Z');
const at = (days: number, offsetMs = 0) => new Date(START + days * DAY + offsetMs);

describe('hourly sweep: Clarification cycles', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
  });
  afterEach(() => s.close());

  it('restarts the cycle after a customer reply (state as the event handler writes it)', async () => {
    const key = await s.ticket('Support Request', [CLARIFICATION]);
    await s.advance(2 * HOUR);
    s.jump(at(10, -HOUR));
    await s.until(at(10, HOUR));
    expect(s.appCommentTexts(key)).toHaveLength(1);
    // Day 15: the reporter answers; the timer restarts from the reply (reminders on days 25, 35, close on 55).
    s.jump(at(15));
    await s.site.actAs('customer-acme-1').comment(key, 'Here is the log file you asked for.');
    await resetByCustomerReply(s, key, at(15));
    s.jump(at(20, -HOUR));
    await s.until(at(20, 2 * HOUR));
    expect(s.appCommentTexts(key)).toHaveLength(1);
    s.jump(at(25, -2 * HOUR));
    await s.until(at(25, -60_000));
    expect(s.appCommentTexts(key)).toHaveLength(1);
    await s.until(at(25, HOUR));
    expect(s.appCommentTexts(key)).toHaveLength(2);
    expect(s.appCommentTexts(key)[1]).toContain('Erinnerung 1 von 3');
    expect(s.status(key)).toBe(CLARIFICATION);
  });

  it('ends the cycle when the ticket leaves the status: no reminder afterwards', async () => {
    const key = await s.ticket('Software Defect', ['In Progress', CLARIFICATION]);
    await s.advance(2 * HOUR);
    s.jump(at(5));
    // The agent resumes work; the status event that would stop the timer is lost (no event handler).
    await s.site.actAs('agent-dach-anna').transition(key, { status: 'In Progress' });
    s.jump(at(10, -HOUR));
    await s.until(at(10, 2 * HOUR));
    expect(s.appCommentTexts(key)).toHaveLength(0);
    expect(s.state(key)).toMatchObject({ timer: 'none', statusId: s.site.store.issue(key)?.statusId });
  });

  it('picks up a ticket that waited before the app was installed with the step due now only', async () => {
    s.configure({ projects: [] });
    const key = await s.ticket('Non-Software Defect', ['In Progress', CLARIFICATION]);
    // Installed (project managed) 25 days later: reminder 2 is due now, reminder 1 is not sent any more.
    s.jump(at(25));
    s.configure({ projects: ['SD'] });
    await s.advance(2 * HOUR);
    expect(s.appCommentTexts(key)).toHaveLength(1);
    expect(s.appCommentTexts(key)[0]).toContain('Erinnerung 2 von 3');
    s.jump(at(30, -2 * HOUR));
    await s.until(at(30, HOUR));
    expect(s.appCommentTexts(key)).toHaveLength(2);
    expect(s.appCommentTexts(key)[1]).toContain('Erinnerung 3 von 3');
  });

  it('stops the timer when the ticket is reclassified to a type without Clarification', async () => {
    const key = await s.ticket('Support Request', [CLARIFICATION]);
    await s.advance(2 * HOUR);
    s.jump(at(4));
    // The simulator's edit screen has no issue type (Jira changes types with "Move"): change it in the store.
    const issue = s.site.store.issue(key);
    if (issue) issue.issueTypeId = ISSUE_TYPE.suggestion;
    s.jump(at(10, -HOUR));
    await s.until(at(10, 2 * HOUR));
    expect(s.appCommentTexts(key)).toHaveLength(0);
    expect(s.state(key)).toMatchObject({ timer: 'none' });
  });
});
