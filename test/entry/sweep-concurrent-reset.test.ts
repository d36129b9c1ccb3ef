import type { SiteRequest } from '../../sandbox/contract';
import { DAY, HOUR, startSweepSite, type LocalSite } from '../support/local-site';

/**
 * The race of ADR 0003: a customer replies in the seconds between the sweep's search and its write. The issue
 * event handler restarts the timer (new cycle, nothing sent yet); the sweep, holding the state from its search,
 * must not overwrite that reset with the old cycle's reminder.
 */
const START = Date.parse('2026-11-02T08:30:00Z');
const at = (days: number, offsetMs = 0) => new Date(START + days * DAY + offsetMs);
const CLARIFICATION = 'Clarification required / On hold';

/**
 * Arms the site so that right after it answered the app's first issue search that finds ticket `key` (the due
 * query), and before that answer reaches the sweep, `meanwhile` runs and the host delivers the product events
 * it caused (the event handler runs and writes its state).
 */
function betweenSearchAndWrite(
  s: LocalSite,
  key: string,
  meanwhile: () => Promise<unknown>,
): { fired: () => boolean } {
  const original = s.site.handle.bind(s.site);
  let fired = false;
  s.site.handle = async (request: SiteRequest) => {
    const reply = await original(request);
    const search = request.method === 'POST' && request.path.startsWith('/rest/api/3/search/jql');
    const found = search && reply.body.includes(`"key":"${key}"`);
    if (!fired && found && request.principal.kind === 'app') {
      fired = true;
      await meanwhile();
      await s.host.drain();
    }
    return reply;
  };
  return { fired: () => fired };
}

describe('hourly sweep racing the issue event handler (state-write marker)', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
  });
  afterEach(() => s.close());

  it('a customer reply between the search and the write survives; the reminder count restarts', async () => {
    const key = await s.ticket('Support Request', [CLARIFICATION]);
    const before = s.state(key);
    s.jump(at(10, 30 * 60_000));
    const race = betweenSearchAndWrite(s, key, () =>
      s.site.actAs('customer-acme-1').comment(key, 'Here is the log you asked for'),
    );

    await s.host.runScheduled('process-sweep');
    await s.host.drain();

    expect(race.fired()).toBe(true);
    const reply = s.site.store.issue(key)?.comments.at(-1);
    const replyAt = Date.parse(reply?.created ?? '');
    // The first reminder of the old cycle was due, but the reply restarted the cycle: nothing was sent.
    expect(s.appCommentTexts(key)).toHaveLength(0);
    expect(s.state(key)).toMatchObject({
      cycle: Number(before?.cycle) + 1,
      stepsDone: 0,
      lastReset: { reason: 'customerComment', at: new Date(replyAt).toISOString() },
    });

    // Ten days after the reply comes reminder 1 of 3 again, not reminder 2.
    s.jump(at(20, -HOUR));
    await s.until(at(20, 30 * 60_000 + HOUR));
    const times = s.appCommentTimes(key);
    expect(times).toHaveLength(1);
    expect(times[0]).toBeGreaterThanOrEqual(replyAt + 10 * DAY);
    expect(s.appCommentTexts(key)[0]).toContain('Erinnerung 1 von 3');
  });
});
