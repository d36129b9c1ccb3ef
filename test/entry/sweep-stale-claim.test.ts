import { expectFailedInvocations } from '../support/honest-run';
import { Queue } from '@forge/events';
import { DAY, startSweepSite, type LocalSite } from '../support/local-site';

/**
 * A sweep killed right after its ledger claim (a successful KVS write) leaves a pending claim and no reminder.
 * After the lease, several runners at the same instant find that stale claim: the scheduled run and duplicated
 * queue deliveries of a project continuation. Each re-reads the ticket's state property (the reminder has not
 * landed) and would write it; exactly one may.
 */
const START = Date.parse('2026-11-02T08:30:00Z');
const MINUTE = 60_000;
const at = (days: number, offsetMs = 0) => new Date(START + days * DAY + offsetMs);
const CLARIFICATION = 'Clarification required / On hold';

type ForgeFetch = (target: { type: string }, path: string, init?: { body?: unknown }) => Promise<unknown>;

/**
 * Kills the next invocation right after its first successful ledger claim (`act:` key written in KVS): that
 * call and every later one fail, as for a process that is gone, until `restore`.
 */
function killAfterClaim(): { restore: () => void; kills: () => number } {
  const g = globalThis as { __forge_fetch__?: ForgeFetch };
  const real = g.__forge_fetch__;
  let kills = 0;
  g.__forge_fetch__ = async (target, path, init) => {
    if (kills > 0) throw new Error('invocation killed after its claim');
    const response = await real?.(target, path, init);
    const body = typeof init?.body === 'string' ? init.body : '';
    if (kills === 0 && target.type === 'kvs' && path.endsWith('/set') && body.includes('"key":"act:')) {
      kills += 1;
      throw new Error('invocation killed after its claim');
    }
    return response;
  };
  return { restore: () => (g.__forge_fetch__ = real), kills: () => kills };
}

describe('sweep: a stale claim found by concurrent runners', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
  });
  afterEach(() => s.close());

  it('is taken over by exactly one of them: one reminder', async () => {
    const keys = [
      await s.ticket('Support Request', [CLARIFICATION]),
      await s.ticket('Support Request', [CLARIFICATION]),
    ];
    s.jump(at(10, 10 * MINUTE));
    const kill = killAfterClaim();
    expectFailedInvocations(s.host, /invocation killed after its claim/);
    await s.host.runScheduled('process-sweep');
    kill.restore();
    expect(kill.kills()).toBe(1);
    for (const key of keys) expect(s.appCommentTexts(key)).toHaveLength(0);

    // After the 10-minute lease: the scheduled run and two deliveries of the same continuation, all at once.
    s.jump(at(10, 30 * MINUTE));
    const continuation = { type: 'sweep.project', projectKey: 'SD', phase: 'unstamped' };
    await new Queue({ key: 'process-work' }).push([{ body: continuation }, { body: continuation }]);
    await Promise.all([s.host.runScheduled('process-sweep'), s.host.drain()]);
    await s.host.drain();

    for (const key of keys) expect(s.appCommentTexts(key)).toHaveLength(1);
    expect(s.appCommentTexts(keys[0] ?? '')[0]).toContain('Erinnerung 1 von 3');
  });
});
