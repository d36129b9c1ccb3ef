import type { InvocationKind } from '../../sandbox/forge/invocation';
import { expectFailedInvocations } from '../support/honest-run';
import { DAY, startSweepSite, type LocalSite } from '../support/local-site';

/**
 * Forge does not retry a scheduled invocation that dies, so the hourly sweep leaves a queued item that resumes
 * it. These runs kill invocations at the worst moments for that hand-over and show that a due step still goes
 * out about a ledger lease after the hourly run that should have sent it, not an hour later.
 */
const START = Date.parse('2026-11-02T08:30:00Z');
const MINUTE = 60_000;
const CLARIFICATION = 'Clarification required / On hold';

type ForgeFetch = (target: { type: string }, path: string, init?: { body?: unknown }) => Promise<unknown>;

/** One planned death: the first successful KVS write of a `kind` invocation whose request body matches. */
interface PlannedKill {
  kind: InvocationKind;
  write: RegExp;
}

/**
 * Kills invocations through the Forge host's crash injector, right after the planned writes landed, one after
 * the other (each once). Returns how many of them happened and a restore for the transport.
 */
function killAfterWrites(
  s: LocalSite,
  plan: readonly PlannedKill[],
): { done: () => number; restore: () => void } {
  const g = globalThis as { __forge_fetch__?: ForgeFetch };
  const real = g.__forge_fetch__;
  let next = 0;
  g.__forge_fetch__ = async (target, path, init) => {
    const planned = plan[next];
    const body = typeof init?.body === 'string' ? init.body : '';
    const armed = planned !== undefined && target.type === 'kvs' && planned.write.test(body);
    const before = s.host.kills.kvs;
    if (armed) s.host.setKills({ rate: 1, targets: ['kvs'], kinds: [planned.kind] });
    try {
      return await real?.(target, path, init);
    } finally {
      if (armed) s.host.setKills({ rate: 0 });
      if (s.host.kills.kvs > before) next += 1;
    }
  };
  return { done: () => next, restore: () => (g.__forge_fetch__ = real) };
}

describe('hourly sweep: resumed within a lease when its run dies', () => {
  let s: LocalSite | undefined;
  afterEach(() => s?.close());

  /** One waiting ticket whose first reminder is due on day 10; returns it and the first hourly run after. */
  async function dueTicket(site: LocalSite): Promise<{ key: string; due: number; run: number }> {
    const key = await site.ticket('Support Request', [CLARIFICATION]);
    const due = Date.now() + 10 * DAY;
    await site.advance(2 * 3_600_000);
    const run = site.host.nextScheduledRun('process-sweep', due);
    await site.until(new Date(run - MINUTE));
    return { key, due, run };
  }

  it('a run killed on its first storage write (its run marker): the step goes out within minutes', async () => {
    s = await startSweepSite(new Date(START).toISOString());
    const { key, run } = await dueTicket(s);
    expectFailedInvocations(s.host, /killed after a successful kvs write/);
    const kill = killAfterWrites(s, [{ kind: 'scheduled', write: /"key":"sweep:run:/ }]);
    await s.until(new Date(run + 2 * MINUTE));
    expect(kill.done()).toBe(1);
    expect(s.appCommentTimes(key)).toHaveLength(0);
    await s.until(new Date(run + 2 * 3_600_000));
    kill.restore();
    const [sent, ...more] = s.appCommentTimes(key);
    expect(more).toEqual([]);
    // The item queued before the marker resumes the sweep just past the ledger's lease (11 minutes).
    expect(sent).toBeGreaterThanOrEqual(run);
    expect((sent ?? Infinity) - run).toBeLessThanOrEqual(15 * MINUTE);
  });

  it('a resume that took over the claim and died right after re-arming it: its retry looks again past the lease', async () => {
    s = await startSweepSite(new Date(START).toISOString());
    const { key, run } = await dueTicket(s);
    expectFailedInvocations(s.host, /killed after a successful kvs write/);
    const claim = /"key":"act:(?:(?!:takeover:)[^"])*"/;
    const kill = killAfterWrites(s, [
      // The hourly run dies right after claiming the reminder.
      { kind: 'scheduled', write: claim },
      // Its resume item finds the claim stale, wins the takeover, re-arms the claim and dies.
      { kind: 'consumer', write: claim },
    ]);
    await s.until(new Date(run + 2 * 3_600_000));
    kill.restore();
    expect(kill.done()).toBe(2);
    const [sent, ...more] = s.appCommentTimes(key);
    expect(more).toEqual([]);
    // The retry 30 s later finds the claim fresh; it sweeps again once the re-armed lease is over (10 minutes),
    // instead of leaving the reminder to the next hourly run.
    expect(sent).toBeGreaterThanOrEqual(run);
    expect((sent ?? Infinity) - run).toBeLessThanOrEqual(25 * MINUTE);
  });
});
