import { ORG } from '../../sandbox/jira/seed/demo-ids';
import { DAY, HOUR, startSweepSite, type LocalSite } from '../support/local-site';

/**
 * Resets by the issue event handler seen through the sweep: these tests need the real `onIssueEvent`
 * exported from src/index.ts, and no stand-in writes the state for them.
 */
const START = Date.parse('2026-11-02T08:30:00Z');
const at = (days: number, offsetMs = 0) => new Date(START + days * DAY + offsetMs);

async function commentedOnDay5(s: LocalSite, comment: (key: string) => Promise<unknown>): Promise<string> {
  const key = await s.ticket('Support Request', ['Clarification required / On hold']);
  const issue = s.site.store.issue(key);
  if (issue) issue.organizationIds = [ORG.acme];
  s.jump(at(5));
  await comment(key);
  await s.host.drain();
  s.jump(at(10, -HOUR));
  await s.until(at(10, HOUR));
  return key;
}

describe('hourly sweep after replies (customer replies restart the cycle, others do not)', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
  });
  afterEach(() => s.close());

  it.each([
    ['the reporter', 'customer-acme-1'],
    ['a member of the shared organization', 'customer-acme-2'],
  ])('%s replying on day 5 moves the first reminder to day 15', async (_who, accountId) => {
    const key = await commentedOnDay5(s, (k) =>
      s.site.actAs(accountId).comment(k, 'Answer from the customer'),
    );
    expect(s.appCommentTexts(key)).toHaveLength(0);
    s.jump(at(15, -HOUR));
    await s.until(at(15, HOUR));
    expect(s.appCommentTexts(key)).toHaveLength(1);
  });

  it('a member of the shared organization whose reply event was lost: the sweep proof finds the reply', async () => {
    const key = await commentedOnDay5(s, async (k) => {
      // The app is not listening while the customer answers: the comment event never reaches it.
      s.host.uninstall();
      await s.site.actAs('customer-acme-2').comment(k, 'Answer from a colleague');
      s.host.install();
    });
    expect(s.appCommentTexts(key)).toHaveLength(0);
    expect(s.state(key)).toMatchObject({ lastReset: { reason: 'customerComment' } });
    expect(s.audit()).toContainEqual(
      expect.objectContaining({ issueKey: key, action: 'timerReset', detail: 'customerReplyFound' }),
    );
  });

  it('a reply whose event was lost, behind more comments than the proof’s first page holds, is found before the close', async () => {
    const key = await s.ticket('Support Request', ['Clarification required / On hold']);
    for (const day of [10, 20, 30]) {
      s.jump(at(day, -HOUR));
      await s.until(at(day, HOUR));
    }
    expect(s.appCommentTexts(key)).toHaveLength(3);
    s.jump(at(35));
    s.host.uninstall();
    await s.site.actAs('customer-acme-1').comment(key, 'Sorry for the delay: here is the log.');
    for (const n of [1, 2, 3, 4, 5])
      await s.site.actAs('agent-dach-anna').comment(key, `Note ${n}`, { internal: true });
    s.host.install();
    s.jump(at(40, -HOUR));
    await s.until(at(40, HOUR));
    // The first page holds what a quiet cycle would (three reminders and one more): five notes hide the reply.
    expect(s.site.metrics.of('getComments').requests).toBeGreaterThan(1);
    expect(s.status(key)).toBe('Clarification required / On hold');
    expect(s.state(key)).toMatchObject({
      timer: 'clarification',
      stepsDone: 0,
      lastReset: { reason: 'customerComment' },
    });
  });

  it.each([
    [
      'an agent public comment',
      (s: LocalSite, k: string) => s.site.actAs('agent-dach-anna').comment(k, 'Any news?'),
    ],
    [
      'an internal note',
      (s: LocalSite, k: string) => s.site.actAs('agent-dach-anna').comment(k, 'Note', { internal: true }),
    ],
  ])('%s does not restart the cycle', async (_what, write) => {
    const key = await commentedOnDay5(s, (k) => write(s, k));
    expect(s.appCommentTexts(key)).toHaveLength(1);
  });
});
