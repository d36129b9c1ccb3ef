import { PROCESS_STATE_KEY } from '../../src/domain/process-state';
import { ISSUE_TYPE, STATUS } from '../../sandbox/jira/seed/demo-ids';
import { expectFailedInvocations } from '../support/honest-run';
import { DAY, HOUR, insertTickets, startSweepSite, type LocalSite } from '../support/local-site';

const CLARIFICATION = 'Clarification required / On hold';
const START = Date.parse('2026-11-02T08:30:00Z');
const MINUTE = 60_000;
const at = (days: number, offsetMs = 0) => new Date(START + days * DAY + offsetMs);

/** Creates `count` Clarification tickets, one every `spacingMs`, and returns key → entry time. */
async function waitingTickets(s: LocalSite, count: number, spacingMs: number): Promise<Map<string, number>> {
  const entered = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const key = await s.ticket('Support Request', [CLARIFICATION]);
    entered.set(key, Date.now());
    s.jump(new Date(Date.now() + spacingMs));
  }
  return entered;
}

/**
 * The sweep's invariants for reminders due by `until`: every ticket got exactly the reminders due, in
 * order, none before its due time and none later than its due time plus one sweep interval (and slack).
 */
function expectRemindersExact(
  s: LocalSite,
  entered: Map<string, number>,
  reminders: number,
  lateSlackMs = HOUR + 5 * MINUTE,
) {
  for (const [key, enteredAt] of entered) {
    const times = s.appCommentTimes(key);
    expect({ key, count: times.length }).toEqual({ key, count: reminders });
    times.forEach((time, i) => {
      const due = enteredAt + (i + 1) * 10 * DAY;
      expect(time).toBeGreaterThanOrEqual(due);
      expect(time - due).toBeLessThanOrEqual(lateSlackMs);
    });
    s.appCommentTexts(key).forEach((text, i) => expect(text).toContain(`Erinnerung ${i + 1} von 3`));
  }
}

describe('hourly sweep: exactly once under duplicates, crashes, rate limits and faults', () => {
  let s: LocalSite | undefined;
  afterEach(() => s?.close());

  it('a duplicate scheduled run at the same moment sends nothing twice', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    const entered = await waitingTickets(s, 5, MINUTE);
    await s.advance(2 * HOUR);
    s.jump(at(10, 30 * MINUTE));
    await Promise.all([s.host.runScheduled('process-sweep'), s.host.runScheduled('process-sweep')]);
    expectRemindersExact(s, entered, 1);
  });

  it('continues a large due set through the queue, harmless under duplicate deliveries', async () => {
    // 2 s a Jira call: the day-10 reminders outgrow one 300 s invocation.
    s = await startSweepSite('2026-11-02T08:30:00Z', { duplicateRate: 1, restLatencyMs: 2_000 });
    // 260 steps due in one hour need about 520 points: more than the default fair share of the pool (260 an
    // hour would spread them over three sweeps), so this site's admin has given it a larger budget.
    s.configure({ projects: ['SD'], automation: { pointsBudgetPerHour: 2_000 } });
    const times = Array.from({ length: 260 }, (_, i) => START + i * 1000);
    const keys = insertTickets(s.site, ISSUE_TYPE.supportRequest, STATUS.clarification, times);
    const entered = new Map(keys.map((key, i) => [key, times[i] ?? START]));
    s.jump(at(0, 10 * MINUTE));
    await s.advance(2 * HOUR);
    s.jump(at(10, -HOUR));
    await s.until(at(10, HOUR + 10 * MINUTE));
    expectRemindersExact(s, entered, 1);
    expect(s.host.invocations.some((r) => r.kind === 'consumer')).toBe(true);
  }, 90_000);

  it('a crash right after a reminder landed (before its bookkeeping): no second reminder, the cycle continues', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    const site = s;
    const entered = await waitingTickets(s, 3, MINUTE);
    await s.advance(2 * HOUR);
    // The Forge host kills the sweep right after its first reminder write landed: the ledger never hears of it.
    s.host.setKills({ rate: 1, targets: ['jira'], kinds: ['scheduled'] });
    const g = globalThis as {
      __forge_fetch__?: (target: { type: string }, path: string, init?: unknown) => Promise<unknown>;
    };
    const real = g.__forge_fetch__;
    g.__forge_fetch__ = async (target, path, init) => {
      try {
        return await real?.(target, path, init);
      } finally {
        if (site.host.kills.jira > 0) site.host.setKills({ rate: 0 });
      }
    };
    expectFailedInvocations(s.host, /killed after a successful jira write/);
    s.jump(at(10, -HOUR));
    await s.until(at(10, HOUR));
    g.__forge_fetch__ = real;
    expect(s.host.kills.jira).toBe(1);
    // The killed run left the other tickets unreminded. The item it queued before its first ticket resumes the
    // sweep just past the ledger's lease: they are reminded within minutes, not by the next hourly run, and the
    // killed run's own reminder is not sent again.
    await s.until(at(10, HOUR + 15 * MINUTE));
    expectRemindersExact(s, entered, 1);
    s.jump(at(20, -HOUR));
    await s.until(at(20, HOUR));
    expectRemindersExact(site, entered, 2);
  });

  it('a write that never reached Jira (connection lost twice): the next run verifies and sends it once', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    const entered = await waitingTickets(s, 1, MINUTE);
    const [key] = [...entered.keys()];
    await s.advance(2 * HOUR);
    const g = globalThis as { __forge_fetch__?: (...args: unknown[]) => Promise<unknown> };
    const real = g.__forge_fetch__;
    g.__forge_fetch__ = async (...args: unknown[]) => {
      const path = String(args[1]);
      if (path.startsWith('/rest/api/3/issue/') && path.includes('notifyUsers'))
        throw new Error('killed before the write');
      return real?.(...args);
    };
    s.jump(at(10, 30 * MINUTE));
    await s.host.runScheduled('process-sweep');
    g.__forge_fetch__ = real;
    expect(s.appCommentTexts(key ?? '')).toHaveLength(0);
    // Rerun after the ledger lease (10 minutes): the property shows no reminder, so the run takes over.
    s.jump(at(10, 45 * MINUTE));
    await s.host.runScheduled('process-sweep');
    expect(s.appCommentTexts(key ?? '')).toHaveLength(1);
    await s.advance(3 * HOUR);
    expect(s.appCommentTexts(key ?? '')).toHaveLength(1);
  });

  it('a 429 storm defers through the queue (Retry-After honoured) and misses nothing', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    const entered = await waitingTickets(s, 30, MINUTE);
    await s.advance(2 * HOUR);
    const stormStart = s.host.nextScheduledRun('process-sweep', at(10, 30 * MINUTE).getTime()) - MINUTE;
    const stormEnd = stormStart + 30 * MINUTE;
    const g = globalThis as {
      __forge_fetch__?: (
        target: { type: string; remote?: string },
        path: string,
        init?: unknown,
      ) => Promise<unknown>;
    };
    const real = g.__forge_fetch__;
    let refused = 0;
    g.__forge_fetch__ = async (target, path, init) => {
      const now = Date.now();
      if (target.remote === 'jira' && now >= stormStart && now < stormEnd) {
        refused += 1;
        return new Response(JSON.stringify({ errorMessages: ['Rate limit exceeded.'] }), {
          status: 429,
          headers: { 'Retry-After': '300', 'RateLimit-Reason': 'jira-quota-global-based' },
        });
      }
      return real?.(target, path, init);
    };
    s.jump(at(10, -HOUR));
    await s.until(at(10, 2 * HOUR));
    g.__forge_fetch__ = real;
    expect(refused).toBeGreaterThan(0);
    expect(s.host.invocations.some((r) => r.kind === 'consumer' && r.outcome === 'retry')).toBe(true);
    // Late by at most one sweep interval plus the 30 minutes Jira refused every call.
    expectRemindersExact(s, entered, 1, HOUR + 35 * MINUTE);
  });

  it('5xx on 10 % and 409 on 5 % of requests: every reminder once, in order, on time', async () => {
    jest.setTimeout(120_000);
    s = await startSweepSite('2026-11-02T08:30:00Z');
    const entered = await waitingTickets(s, 12, 5 * MINUTE);
    await s.advance(3 * HOUR);
    s.site.setFaults({ serverErrorRate: 0.1, conflictRate: 0.05, seed: 11 });
    for (const n of [10, 20, 30]) {
      s.jump(at(n, -HOUR));
      await s.until(at(n, 4 * HOUR));
      expectRemindersExact(s, entered, n / 10, 2 * HOUR);
    }
    s.jump(at(40, -HOUR));
    await s.until(at(40, 4 * HOUR));
    s.site.setFaults({});
    for (const key of entered.keys()) {
      expect(s.status(key)).toBe('Closed');
      expect(s.state(key)).toMatchObject({ timer: 'none', stepsDone: 4 });
      expect(s.site.store.issue(key)?.properties[PROCESS_STATE_KEY]).toBeDefined();
    }
  });
});
