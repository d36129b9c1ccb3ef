import { DAY, HOUR, startSweepSite, type LocalSite } from '../support/local-site';
import { indexedInstant } from '../../src/domain/timers/indexed-instant';

/**
 * The narrowest race of ADR 0003: the customer replies after the sweep's state-write check (its marker read and
 * its own announcement) and before its Jira write. The issue event handler restarts the timer meanwhile. The
 * reset must survive (the cycle never goes back), and a close must not follow the reply.
 */
const START = Date.parse('2026-11-02T08:30:00Z');
const MINUTE = 60_000;
const at = (days: number, offsetMs = 0) => new Date(START + days * DAY + offsetMs);
const CLARIFICATION = 'Clarification required / On hold';

type ForgeFetch = (target: { type: string }, path: string, init?: { body?: unknown }) => Promise<unknown>;

/**
 * Right after the sweep announced its write of step `stepName` on ticket `key` (its KVS marker), the customer
 * comments and the issue event handler runs to its end before the sweep goes on.
 */
function replyAfterStateCheck(s: LocalSite, key: string, stepName: string) {
  const g = globalThis as { __forge_fetch__?: ForgeFetch };
  const real = g.__forge_fetch__;
  const issueId = s.site.store.issue(key)?.id ?? '';
  let repliedAt: number | undefined;
  g.__forge_fetch__ = async (target, path, init) => {
    const response = await real?.(target, path, init);
    const body = typeof init?.body === 'string' ? init.body : '';
    const ours = body.includes(`"key":"statewrite:${issueId}:sweep"`) && body.includes(`:${stepName}"`);
    if (repliedAt === undefined && target.type === 'kvs' && ours) {
      repliedAt = Date.now();
      const handled = new Promise<void>((resolve) => {
        const stop = s.host.onInvocation((record) => {
          if (record.kind !== 'product-trigger') return;
          stop();
          resolve();
        });
      });
      await s.site.actAs('customer-acme-1').comment(key, 'Here is the log you asked for');
      await handled;
    }
    return response;
  };
  return {
    repliedAt: () => repliedAt,
    restore: () => (g.__forge_fetch__ = real),
  };
}

describe('a customer reply between the sweep state check and its Jira write', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
  });
  afterEach(() => s.close());

  it('reminder: the reset is kept (the cycle does not go back) and the new cycle counts from the reply', async () => {
    const key = await s.ticket('Support Request', [CLARIFICATION]);
    const cycle = Number(s.state(key)?.cycle);
    s.jump(at(10, 10 * MINUTE));
    const race = replyAfterStateCheck(s, key, 'reminder1');
    await s.host.runScheduled('process-sweep');
    await s.host.drain();
    race.restore();

    const repliedAt = race.repliedAt();
    expect(repliedAt).toBeDefined();
    // The reminder was already on its way when the customer answered; the reply's reset is what counts.
    expect(s.state(key)).toMatchObject({
      cycle: cycle + 1,
      stepsDone: 0,
      lastReset: { reason: 'customerComment' },
      nextDueAt: indexedInstant(new Date((repliedAt ?? 0) + 10 * DAY)),
    });
    const sentBefore = s.appCommentTexts(key).length;
    // Nothing more until ten days after the reply; then reminder 1 of the new cycle.
    s.jump(at(20, -HOUR));
    await s.until(at(20, 2 * HOUR));
    const texts = s.appCommentTexts(key);
    expect(texts).toHaveLength(sentBefore + 1);
    expect(texts.at(-1)).toContain('Erinnerung 1 von 3');
  });

  it('close: the ticket is not closed after the reply; the cycle restarts from it', async () => {
    const key = await s.ticket('Support Request', [CLARIFICATION]);
    for (const day of [10, 20, 30]) {
      s.jump(at(day, -HOUR));
      await s.until(at(day, HOUR));
    }
    expect(s.appCommentTexts(key)).toHaveLength(3);
    const cycle = Number(s.state(key)?.cycle);
    s.jump(at(40, 10 * MINUTE));
    const race = replyAfterStateCheck(s, key, 'close');
    await s.host.runScheduled('process-sweep');
    await s.host.drain();
    race.restore();

    expect(race.repliedAt()).toBeDefined();
    expect(s.status(key)).toBe(CLARIFICATION);
    expect(s.appCommentTexts(key)).toHaveLength(3);
    expect(s.state(key)).toMatchObject({ cycle: cycle + 1, stepsDone: 0, timer: 'clarification' });
    await s.until(at(40, 6 * HOUR));
    expect(s.status(key)).toBe(CLARIFICATION);
    expect(s.appCommentTexts(key)).toHaveLength(3);
  });
});
