import { ISSUE_TYPE, STATUS } from '../../sandbox/jira/seed/demo-ids';
import { ManualRunningTime } from '../../sandbox/forge/running-time';
import { DAY, HOUR, insertTickets, startSweepSite, type LocalSite } from '../support/local-site';

const START = Date.parse('2026-11-02T08:30:00Z');
const MINUTE = 60_000;
/** Each Jira call takes 10 s here, so one invocation cannot remind every ticket and the sweep continues. */
const LATENCY_MS = 10_000;
const at = (days: number, offsetMs = 0) => new Date(START + days * DAY + offsetMs);

type Fetch = (target: { type: string; remote?: string }, path: string, init?: unknown) => Promise<unknown>;
const g = globalThis as { __forge_fetch__?: Fetch };

/**
 * Answers the queue pushes that carry a sweep continuation (an item with a cursor, not the item that resumes a
 * run that died) with a Forge 500 (the SDK throws, the adapter turns it into a `QueueError`) when their number
 * (1-based) is in `numbers`, until `restore()`.
 */
function failSweepPushes(numbers: readonly number[]) {
  const real = g.__forge_fetch__;
  let pushes = 0;
  const refused: string[] = [];
  g.__forge_fetch__ = async (target, path, init) => {
    const body = (init as { body?: unknown } | undefined)?.body;
    const text = typeof body === 'string' ? body : '';
    const sweepPush =
      target.remote === 'stargate' &&
      path.startsWith('/webhook/queue/publish/') &&
      text.includes('sweep.project') &&
      text.includes('"phase"');
    if (sweepPush) pushes += 1;
    if (sweepPush && numbers.includes(pushes)) {
      refused.push(text);
      return new Response(JSON.stringify({ message: 'queue unavailable' }), {
        status: 500,
        headers: { 'content-type': 'application/json' },
      });
    }
    return real?.(target, path, init);
  };
  return { refused: () => refused.length, restore: () => (g.__forge_fetch__ = real) };
}

const sweepRuns = (s: LocalSite) =>
  s.host.invocations.filter((r) => r.moduleKey === 'process-sweep' || r.kind === 'consumer');

describe('the sweep when the queue refuses its continuation', () => {
  let s: LocalSite;
  afterEach(() => s.close());

  async function backlogDueAtDay10(tickets: number): Promise<{ keys: string[]; times: number[] }> {
    // Running time stands still: how many tickets fit in one invocation depends on the calls' simulated time
    // alone, not on how busy the machine is.
    s = await startSweepSite('2026-11-02T08:30:00Z', {
      restLatencyMs: LATENCY_MS,
      runningTime: new ManualRunningTime(),
    });
    s.configure({ projects: ['SD'], automation: { pointsBudgetPerHour: 5_000 } });
    const times = Array.from({ length: tickets }, (_, i) => START + i * 1000);
    const keys = insertTickets(s.site, ISSUE_TYPE.supportRequest, STATUS.clarification, times);
    // Installation: the repair pass stamps every ticket.
    s.jump(at(0, 10 * MINUTE));
    await s.advance(2 * HOUR);
    s.jump(at(10, -HOUR));
    return { keys, times };
  }

  function expectEachRemindedOnce(keys: string[], times: number[]): void {
    for (const [i, key] of keys.entries()) {
      const sent = s.appCommentTimes(key);
      expect({ key, reminders: sent.length }).toEqual({ key, reminders: 1 });
      expect(sent[0]).toBeGreaterThanOrEqual((times[i] ?? START) + 10 * DAY);
      expect(s.appCommentTexts(key)[0]).toContain('Erinnerung 1 von 3');
    }
  }

  it("the queue refuses the hourly run's continuation, then a continuation's own: no invocation fails, the rest is picked up, each reminder once", async () => {
    const { keys, times } = await backlogDueAtDay10(90);
    const before = sweepRuns(s).length;
    // About 27 tickets fit in one invocation. The hourly run's continuation is refused: the item it queued before
    // its run marker (to resume it, should it die) sweeps afresh 11 minutes later and pushes its continuation;
    // that one's own push of the next is refused, so it asks to be delivered again and finishes the backlog.
    const queue = failSweepPushes([1, 3]);
    await s.until(at(10, 3 * HOUR + 10 * MINUTE));
    queue.restore();

    expect(queue.refused()).toBe(2);
    expectEachRemindedOnce(keys, times);
    // A refused push is the platform's fault, not the app's: no invocation failed for it, it was logged, and the
    // consumer whose push failed asked for its item again, which finished the sweep from the item's cursor.
    expect(s.failedInvocations()).toEqual(['work-consumer: retry']);
    expect(
      s.host.invocations.filter((r) => r.moduleKey === 'process-sweep').map((r) => r.outcome),
    ).not.toContain('error');
    const consumers = sweepRuns(s)
      .slice(before)
      .filter((r) => r.kind === 'consumer');
    expect(consumers.filter((r) => r.requests.length > 0).map((r) => r.outcome)).toEqual([
      'ok',
      'retry',
      'ok',
    ]);
    // The items that resume the hourly runs that finished end without a Jira call.
    expect(consumers.filter((r) => r.requests.length === 0).map((r) => r.outcome)).toEqual([
      'ok',
      'ok',
      'ok',
    ]);
    expect(s.logs().filter((line) => line.includes('"sweep.queueFailed"'))).toHaveLength(2);
    // Nothing was parked for a queue that failed twice.
    expect(s.host.kvs.keys('kvs').filter((k) => k.startsWith('park:'))).toEqual([]);
  }, 180_000);

  it('after an hourly run that finished, the item it queued to resume it ends without a Jira call', async () => {
    const { keys, times } = await backlogDueAtDay10(3);
    const before = sweepRuns(s).length;
    const resumes = () => s.logs().filter((line) => line.includes('"sweep.resumeNotNeeded"')).length;
    const resumesBefore = resumes();
    await s.until(at(10, 2 * HOUR + 10 * MINUTE));
    expectEachRemindedOnce(keys, times);
    const runs = sweepRuns(s).slice(before);
    const consumers = runs.filter((r) => r.kind === 'consumer');
    const hourly = runs.filter((r) => r.moduleKey === 'process-sweep');
    // One resume item per hourly run; each found its run finished and swept nothing.
    expect(hourly.length).toBeGreaterThan(1);
    expect(consumers.map((r) => [r.outcome, r.requests.length])).toEqual(hourly.map(() => ['ok', 0]));
    expect(resumes() - resumesBefore).toBe(hourly.length);
    expect(s.failedInvocations()).toEqual([]);
  }, 60_000);
});
