/**
 * The hourly sweep's handler THROWS after its Jira write landed: storage fails every write for a few minutes
 * right after the reminder (its bookkeeping and everything the run writes after it), so the app sees errors and
 * the scheduled invocation fails; Forge does not retry scheduled triggers. The next runs neither send that
 * reminder again nor skip the next one.
 */
import { expectFailedInvocations } from '../support/honest-run';
import { DAY, HOUR, startSweepSite, type LocalSite } from '../support/local-site';

type Target = { type: string; remote?: string };
type ForgeFetch = (target: Target, path: string, init?: { method?: string }) => Promise<Response>;
const g = globalThis as { __forge_fetch__?: ForgeFetch };

const CLARIFICATION = 'Clarification required / On hold';
const START = Date.parse('2026-11-02T08:30:00Z');
const MINUTE = 60_000;
const at = (days: number, offsetMs = 0) => new Date(START + days * DAY + offsetMs);

/** From the first reminder Jira accepts, storage answers every write with 500 for `minutes` of site time. */
function storageOutageAfterReminder(minutes: number): { failed: () => number; restore: () => void } {
  const real = g.__forge_fetch__;
  let outageEnds: number | undefined;
  let failed = 0;
  g.__forge_fetch__ = async (target, path, init) => {
    const write = target.type === 'kvs' && !/\/(get|query)$/.test(path) && !path.endsWith('/entity/get');
    if (write && outageEnds !== undefined && Date.now() < outageEnds) {
      failed += 1;
      return new Response(JSON.stringify({ code: 'INTERNAL_SERVER_ERROR', message: 'storage unavailable' }), {
        status: 500,
      });
    }
    const response = (await real?.(target, path, init)) as Response;
    const reminder = target.remote === 'jira' && init?.method === 'PUT' && path.includes('notifyUsers=true');
    if (reminder && response.ok && outageEnds === undefined) outageEnds = Date.now() + minutes * MINUTE;
    return response;
  };
  return { failed: () => failed, restore: () => (g.__forge_fetch__ = real) };
}

describe('a scheduled sweep that throws after doing its work', () => {
  let s: LocalSite;
  afterEach(() => s.close());

  it('sends no reminder twice and skips none on the runs that follow', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    const keys = [
      await s.ticket('Support Request', [CLARIFICATION]),
      await s.ticket('Support Request', [CLARIFICATION]),
    ];
    await s.advance(2 * HOUR);

    const outage = storageOutageAfterReminder(5);
    expectFailedInvocations(s.host, /process-sweep/);
    try {
      s.jump(at(10, -HOUR));
      await s.until(at(10, HOUR));
    } finally {
      outage.restore();
    }
    expect(outage.failed()).toBeGreaterThan(0);
    const sweeps = s.host.invocations.filter((r) => r.moduleKey === 'process-sweep');
    expect(sweeps.filter((r) => r.outcome === 'error')).toHaveLength(1);

    // The runs after the failed one catch up what it left, without repeating what it did.
    await s.until(at(10, 3 * HOUR));
    for (const key of keys)
      expect({ key, reminders: s.appComments(key).length }).toEqual({ key, reminders: 1 });
    s.jump(at(20, -HOUR));
    await s.until(at(20, 2 * HOUR));
    for (const key of keys) {
      expect({ key, reminders: s.appComments(key).length }).toEqual({ key, reminders: 2 });
      s.appCommentTexts(key).forEach((text, i) => expect(text).toContain(`Erinnerung ${i + 1} von 3`));
    }
  });
});
