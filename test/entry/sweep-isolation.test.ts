import { DAY, HOUR, startSweepSite, waitingInClarification, type LocalSite } from '../support/local-site';

const START = Date.parse('2026-11-02T08:30:00Z');
const MINUTE = 60_000;

type Fetch = (target: { type: string; remote?: string }, path: string, init?: unknown) => Promise<unknown>;
const g = globalThis as { __forge_fetch__?: Fetch };

/** Answers the calls `refuse` picks with `response()` until the returned function restores the transport. */
function intercept(
  refuse: (target: { type: string; remote?: string }, path: string, body: string) => boolean,
  response: () => Response,
) {
  const real = g.__forge_fetch__;
  let refused = 0;
  g.__forge_fetch__ = async (target, path, init) => {
    const body =
      typeof (init as { body?: unknown } | undefined)?.body === 'string'
        ? (init as { body: string }).body
        : '';
    if (refuse(target, path, body)) {
      refused += 1;
      return response();
    }
    return real?.(target, path, init);
  };
  return { refused: () => refused, restore: () => (g.__forge_fetch__ = real) };
}

describe('hourly sweep: one bad ticket or a refused search never stops the others', () => {
  let s: LocalSite | undefined;
  afterEach(() => s?.close());

  it('a ticket whose Jira answers cannot be read is audited as failed and skipped; the others are reminded', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    const [bad, ...good] = await waitingInClarification(s, 4);
    // The most overdue ticket: its reminder write is refused (409), and its re-read comes back unreadable.
    const jira = intercept(
      (target, path) => target.remote === 'jira' && path.startsWith(`/rest/api/3/issue/${bad ?? ''}?`),
      () => new Response(JSON.stringify({ id: 5, fields: 'unreadable' }), { status: 409 }),
    );
    const reads = intercept(
      (target, path) =>
        target.remote === 'jira' &&
        path.startsWith(`/rest/api/3/issue/${bad ?? ''}?`) &&
        path.includes('expand'),
      () => new Response(JSON.stringify({ id: 5, fields: 'unreadable' }), { status: 200 }),
    );
    s.jump(new Date(START + 10 * DAY - HOUR));
    await s.until(new Date(START + 10 * DAY + 70 * MINUTE));
    reads.restore();
    jira.restore();
    expect(reads.refused()).toBeGreaterThan(0);
    for (const key of good)
      expect({ key, reminders: s.appCommentTexts(key).length }).toEqual({ key, reminders: 1 });
    expect(s.appCommentTexts(bad ?? '')).toHaveLength(0);
    expect(s.audit()).toContainEqual(
      expect.objectContaining({ issueKey: bad, action: 'sweep', outcome: 'failed', source: 'sweep' }),
    );
  });

  /**
   * One ticket whose first reminder is due on day 10; its reminder edits (`PUT /issue` carrying the state) that
   * `refuse` picks are answered `status`. Returns how many were refused, and when the one reminder went out after
   * the first hourly run it was due in.
   */
  async function refusedReminder(
    site: LocalSite,
    refuse: (firstRun: number) => boolean,
    status: number,
    watchMinutes: number,
  ): Promise<{ key: string; refused: number; lateMs: number }> {
    const [key = ''] = await waitingInClarification(site, 1);
    const firstRun = site.host.nextScheduledRun('process-sweep', START + 10 * DAY + 5 * MINUTE);
    const jira = intercept(
      (target, path, body) =>
        target.remote === 'jira' &&
        path.startsWith(`/rest/api/3/issue/${key}?`) &&
        body.includes('"properties"') &&
        refuse(firstRun),
      () => new Response(JSON.stringify({ errorMessages: ['refused'] }), { status }),
    );
    site.jump(new Date(START + 10 * DAY - HOUR));
    await site.until(new Date(firstRun + watchMinutes * MINUTE));
    jira.restore();
    const [sent, ...more] = site.appCommentTimes(key);
    expect(more).toEqual([]);
    expect(sent).toBeGreaterThan(firstRun);
    return { key, refused: jira.refused(), lateMs: (sent ?? Infinity) - firstRun };
  }

  it('a ticket that keeps changing under its reminder (409 on both decisions): looked at again a minute later, not next hour', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    let writes = 0;
    // The reminder's edit of the ticket is refused twice (the sweep's decision and its one re-decision).
    const { refused, lateMs } = await refusedReminder(s, () => ++writes <= 2, 409, 20);
    expect(refused).toBe(2);
    expect(lateMs).toBeLessThan(5 * MINUTE);
  });

  it('a ticket Jira refuses on every decision is looked at again three times, then at the next hourly run', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    const [key = ''] = await waitingInClarification(s, 1);
    const firstRun = s.host.nextScheduledRun('process-sweep', START + 10 * DAY + 5 * MINUTE);
    const jira = intercept(
      (target, path, body) =>
        target.remote === 'jira' &&
        path.startsWith(`/rest/api/3/issue/${key}?`) &&
        body.includes('"properties"') &&
        Date.now() < firstRun + 50 * MINUTE,
      () => new Response(JSON.stringify({ errorMessages: ['refused'] }), { status: 409 }),
    );
    s.jump(new Date(START + 10 * DAY - HOUR));
    await s.until(new Date(firstRun + 50 * MINUTE));
    // The hourly run's decision and re-decision, then three looks a minute apart, each deciding twice.
    expect(jira.refused()).toBe(2 * (1 + 3));
    jira.restore();
    await s.until(new Date(firstRun + 70 * MINUTE));
    const [sent, ...more] = s.appCommentTimes(key);
    expect(more).toEqual([]);
    expect(sent).toBeGreaterThan(firstRun + 55 * MINUTE);
  });

  it('a reminder write answered 503 (it may have landed): its claim is taken over just past the lease, not next hour', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    // Every attempt of the hourly run's write (the client retries an edit it may repeat) in its first two minutes.
    const during = (firstRun: number) => Date.now() >= firstRun && Date.now() < firstRun + 2 * MINUTE;
    const { key, refused, lateMs } = await refusedReminder(s, during, 503, 30);
    expect(refused).toBeGreaterThan(0);
    // The ledger's lease (10 minutes) and half a minute: the next hourly run would be 60 minutes.
    expect(lateMs).toBeLessThan(15 * MINUTE);
    expect(s.audit()).toContainEqual(
      expect.objectContaining({ issueKey: key, action: 'reminder', outcome: 'failed', detail: 'ambiguous' }),
    );
  });

  it('a search Jira answers 409 again and again: the project sweep goes on through the queue within minutes', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    const keys = await waitingInClarification(s, 2);
    const firstRun = s.host.nextScheduledRun('process-sweep', START + 10 * DAY + 5 * MINUTE);
    let searches = 0;
    const jira = intercept(
      (target, path) =>
        target.remote === 'jira' &&
        path.startsWith('/rest/api/3/search/jql') &&
        Date.now() >= firstRun &&
        ++searches <= 5,
      () => new Response(JSON.stringify({ errorMessages: ['conflicting update'] }), { status: 409 }),
    );
    s.jump(new Date(START + 10 * DAY - HOUR));
    await s.until(new Date(firstRun + 20 * MINUTE));
    jira.restore();
    expect(jira.refused()).toBe(5);
    for (const key of keys) {
      const [sent] = s.appCommentTimes(key);
      expect(sent).toBeGreaterThan(firstRun);
      expect((sent ?? Infinity) - firstRun).toBeLessThan(15 * MINUTE);
    }
  });
});
