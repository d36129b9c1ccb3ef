import { processRateLimitGate } from '../../src/adapters/jira/rate-limit-gate';
import { DAY, HOUR, startSweepSite, type LocalSite } from '../support/local-site';

const CLARIFICATION = 'Clarification required / On hold';
const MINUTE = 60_000;

type ForgeFetch = (
  target: { type: string; remote?: string },
  path: string,
  init?: unknown,
) => Promise<unknown>;

/**
 * The app's hourly points pool is shared by every site it is installed on. When Jira says it is spent
 * (`jira-quota-global-based`), every request of the installation would get 429 until the top of the UTC hour,
 * so the app stops calling Jira until then, and picks the work up after the reset.
 */
/** A ticket waiting for the customer; Jira's wall stands from a minute before the sweep that reminds it. */
async function ticketBeforeTheWall(site: LocalSite) {
  const key = await site.ticket('Support Request', [CLARIFICATION]);
  const due = Date.now() + 10 * DAY;
  const wallAt = site.host.nextScheduledRun('process-sweep', due) - MINUTE;
  return { key, due, wallAt, resetAt: Math.floor(wallAt / HOUR) * HOUR + HOUR };
}

describe('quota 429: the installation pauses every Jira call until the pool resets', () => {
  let s: LocalSite | undefined;
  afterEach(() => s?.close());

  it('after one quota 429 no Jira call is made until the top of the hour, and the reminder follows the reset', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    const { key, due, wallAt, resetAt } = await ticketBeforeTheWall(s);
    const g = globalThis as { __forge_fetch__?: ForgeFetch };
    const real = g.__forge_fetch__;
    let quotaAnswers = 0;
    const callsWhilePaused: string[] = [];
    g.__forge_fetch__ = async (target, path, init) => {
      const now = Date.now();
      if (target.remote === 'jira' && now >= wallAt && now < resetAt) {
        if (quotaAnswers > 0) callsWhilePaused.push(path);
        quotaAnswers += 1;
        return new Response(JSON.stringify({ errorMessages: ['Rate limit exceeded.'] }), {
          status: 429,
          headers: { 'Retry-After': '60', 'RateLimit-Reason': 'jira-quota-global-based' },
        });
      }
      return real?.(target, path, init);
    };
    try {
      s.jump(new Date(due - HOUR));
      await s.until(new Date(resetAt + 2 * HOUR));
    } finally {
      g.__forge_fetch__ = real;
    }
    expect(quotaAnswers).toBe(1);
    expect(callsWhilePaused).toEqual([]);
    const times = s.appCommentTimes(key);
    expect(times).toHaveLength(1);
    expect(times[0]).toBeGreaterThanOrEqual(resetAt);
    expect(times[0]! - resetAt).toBeLessThanOrEqual(HOUR + 5 * MINUTE);
  });

  it('the pause survives into later invocations that run in a new process, which call Jira not once before the reset', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    const { key, due, wallAt, resetAt } = await ticketBeforeTheWall(s);
    const g = globalThis as { __forge_fetch__?: ForgeFetch };
    const real = g.__forge_fetch__;
    // Jira answers one quota 429 and then serves every request again: only the app's own memory of the pause
    // keeps it from calling Jira before the reset.
    let quotaAnswered = false;
    const callsAfterWall: string[] = [];
    g.__forge_fetch__ = async (target, path, init) => {
      const now = Date.now();
      if (target.remote === 'jira' && now >= wallAt && now < resetAt) {
        if (!quotaAnswered) {
          quotaAnswered = true;
          return new Response('{}', {
            status: 429,
            headers: { 'Retry-After': '60', 'RateLimit-Reason': 'jira-quota-tenant-based' },
          });
        }
        callsAfterWall.push(path);
      }
      return real?.(target, path, init);
    };
    // Every invocation starts in a new process: nothing the last one learned stays in memory.
    const installation = '1a570000-0000-4000-8000-000000000001';
    const cold = s.host.onInvocation(() => processRateLimitGate.forget(installation));
    const invocationsInPause: string[] = [];
    const watch = s.host.onInvocation((record) => {
      if (Date.now() > wallAt && Date.now() < resetAt) invocationsInPause.push(record.moduleKey);
    });
    try {
      s.jump(new Date(due - HOUR));
      await s.until(new Date(resetAt + 2 * HOUR));
    } finally {
      g.__forge_fetch__ = real;
      cold();
      watch();
    }
    expect(quotaAnswered).toBe(true);
    // The deferred sweep came back within the paused hour, in a new process, and left Jira alone.
    expect(invocationsInPause.length).toBeGreaterThan(1);
    expect(callsAfterWall).toEqual([]);
    const times = s.appCommentTimes(key);
    expect(times).toHaveLength(1);
    expect(times[0]).toBeGreaterThanOrEqual(resetAt);
  });
});
