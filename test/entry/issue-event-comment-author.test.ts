import { ORG, USER } from '../../sandbox/jira/seed/demo-ids';
import { DAY, HOUR, startSweepSite, type LocalSite } from '../support/local-site';

/**
 * A comment on a waiting ticket by someone the event does not show to be the customer (an agent's account: the
 * event tells neither the comment's visibility nor, without the organizations, who the customer is). Only the
 * customer's public comment restarts the cycle (PROCESS.md §4), so an author who is neither the reporter, a
 * participant nor a member of any organization is left without reading the comment or the ticket
 * (docs/decisions/0020).
 */
const START = Date.parse('2026-11-02T08:30:00Z');
const at = (days: number, offsetMs = 0) => new Date(START + days * DAY + offsetMs);
const CLARIFICATION = 'Clarification required / On hold';

describe('comments on a waiting ticket by an author the event does not show to be the customer', () => {
  let s: LocalSite;
  let key: string;
  beforeEach(async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    key = await s.ticket('Support Request', [CLARIFICATION]);
    const issue = s.site.store.issue(key);
    if (issue) issue.organizationIds = [ORG.acme];
    s.jump(at(5));
  });
  afterEach(() => {
    const failed = s.failedInvocations();
    s.close();
    expect(failed).toEqual([]);
  });

  const agentUk = () => s.site.actAs(USER.agentUk);

  it('an agent in no organization and no participant: no comment read, no ticket read, no write', async () => {
    const before = s.state(key);
    const first = await s.measure(() => agentUk().comment(key, 'Checked the logs.', { internal: true }));
    expect(first.byOperation).toEqual({ getOrganizations: 1, getRequestParticipants: 1 });
    expect(first.points).toBe(2);
    // The "no organization" answer is kept: the next comment asks for the participants only.
    const second = await s.measure(() => agentUk().comment(key, 'Any news on the export?'));
    expect(second.byOperation).toEqual({ getRequestParticipants: 1 });
    expect(second.points).toBe(1);
    expect(s.state(key)).toEqual(before);
  });

  it('an agent who is a request participant: the public comment restarts the cycle', async () => {
    s.site.store.issue(key)?.participantAccountIds.push(USER.agentUk);
    await agentUk().comment(key, 'Answer on behalf of the customer.');
    await s.settle();
    expect(s.state(key)).toMatchObject({
      cycleStartedAt: at(5).toISOString(),
      lastReset: { reason: 'customerComment' },
    });
  });

  it('an agent who is a member of the shared organization: the public comment restarts the cycle', async () => {
    s.site.store.organizations.get(ORG.acme)?.memberAccountIds.push(USER.agentUk);
    await agentUk().comment(key, 'Answer from Acme.');
    await s.settle();
    expect(s.state(key)).toMatchObject({
      cycleStartedAt: at(5).toISOString(),
      lastReset: { reason: 'customerComment' },
    });
  });

  it('an agent’s internal note while they are a participant restarts nothing (the comment is read)', async () => {
    s.site.store.issue(key)?.participantAccountIds.push(USER.agentUk);
    const before = s.state(key);
    const spent = await s.measure(() => agentUk().comment(key, 'Internal only.', { internal: true }));
    expect(spent.byOperation.getComment).toBe(1);
    expect(s.state(key)).toEqual(before);
  });

  it('a member added after "no organization" was kept: the sweep finds the reply before the reminder', async () => {
    await agentUk().comment(key, 'Looking into it.', { internal: true });
    await s.settle();
    s.site.store.organizations.get(ORG.acme)?.memberAccountIds.push(USER.agentUk);
    s.clock.advance(HOUR);
    await agentUk().comment(key, 'Answer from Acme.');
    await s.settle();
    // The kept answer hides the reply from the event: the timer still counts from the ticket's entry.
    expect(s.state(key)).not.toMatchObject({ lastReset: { reason: 'customerComment' } });
    // The first reminder is due on day 10; the sweep's proof reads the comments and the organization first.
    s.jump(at(10, -HOUR));
    await s.until(at(10, HOUR));
    expect(s.appCommentTexts(key)).toHaveLength(0);
    expect(s.state(key)).toMatchObject({ lastReset: { reason: 'customerComment' } });
    expect(s.audit()).toContainEqual(
      expect.objectContaining({ issueKey: key, action: 'timerReset', detail: 'customerReplyFound' }),
    );
  });
});
