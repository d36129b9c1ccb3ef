import { ISSUE_TYPE, STATUS } from '../../sandbox/jira/seed/demo-ids';
import type { InvocationRecord } from '../../sandbox/forge/invocation';
import { DAY, HOUR, insertTickets, startSweepSite, type LocalSite } from '../support/local-site';

const START = Date.parse('2026-11-02T08:30:00Z');
const MINUTE = 60_000;
/** Each Jira call takes 5 s here: a slow site, so the sweep's work outgrows one invocation. */
const LATENCY_MS = 5_000;
/** `timeoutSeconds` of `sweep-fn` and `work-fn` in manifest.yml. */
const LIMIT_MS = 300_000;
const at = (days: number, offsetMs = 0) => new Date(START + days * DAY + offsetMs);

/** Platform time an invocation spent waiting for Jira. */
const jiraTimeMs = (r: InvocationRecord) => r.requests.length * LATENCY_MS;
const sweeps = (s: LocalSite) =>
  s.host.invocations.filter((r) => r.moduleKey === 'process-sweep' || r.kind === 'consumer');

describe('the sweep stops by its remaining time and continues through the queue', () => {
  let s: LocalSite;
  afterEach(() => s.close());

  it('a backlog that takes longer than the time limit is finished across continuations, each reminder once', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z', { restLatencyMs: LATENCY_MS });
    // Points are not what limits this run: only time.
    s.configure({ projects: ['SD'], automation: { pointsBudgetPerHour: 5_000 } });
    const times = Array.from({ length: 90 }, (_, i) => START + i * 1000);
    const keys = insertTickets(s.site, ISSUE_TYPE.supportRequest, STATUS.clarification, times);
    // Installation: the repair pass stamps every ticket (about two Jira calls each).
    s.jump(at(0, 10 * MINUTE));
    await s.advance(2 * HOUR);
    s.jump(at(10, -HOUR));
    const before = sweeps(s).length;
    await s.until(at(10, HOUR + 10 * MINUTE));
    const reminderRuns = sweeps(s).slice(before);

    for (const [i, key] of keys.entries()) {
      const due = (times[i] ?? START) + 10 * DAY;
      const sent = s.appCommentTimes(key);
      expect({ key, reminders: sent.length }).toEqual({ key, reminders: 1 });
      expect(sent[0]).toBeGreaterThanOrEqual(due);
      expect(s.appCommentTexts(key)[0]).toContain('Erinnerung 1 von 3');
    }
    // One invocation could not have done it: the Jira time of the day-10 work is beyond the limit…
    expect(reminderRuns.reduce((sum, r) => sum + jiraTimeMs(r), 0)).toBeGreaterThan(LIMIT_MS);
    expect(reminderRuns.filter((r) => r.kind === 'consumer').length).toBeGreaterThan(0);
    // …and every invocation stopped in time, with its safety margin to spare.
    for (const run of sweeps(s)) {
      expect(run.outcome).toBe('ok');
      expect(jiraTimeMs(run)).toBeLessThan(LIMIT_MS);
    }
  }, 120_000);
});
