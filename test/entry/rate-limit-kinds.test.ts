import { QuotaPool } from '../../sandbox/jira/limits';
import { USER } from '../../sandbox/jira/seed/demo-ids';
import { DAY, HOUR, startSweepSite, type LocalSite } from '../support/local-site';

const CLARIFICATION = 'Clarification required / On hold';
const MINUTE = 60_000;
const POOL = 65_000;

type ForgeFetch = (
  target: { type: string; remote?: string },
  path: string,
  init?: unknown,
) => Promise<Response>;

interface Seen {
  at: number;
  path: string;
  status: number;
  reason: string | null;
}

/** Records every Jira request the app makes and Jira's answer (the site's own limits answer; nothing is injected). */
function watchJira(): { seen: Seen[]; stop: () => void } {
  const g = globalThis as { __forge_fetch__?: ForgeFetch };
  const real = g.__forge_fetch__;
  if (!real) throw new Error('the Forge host is not installed');
  const seen: Seen[] = [];
  g.__forge_fetch__ = async (target, path, init) => {
    const at = Date.now();
    const response = await real(target, path, init);
    if (target.remote === 'jira')
      seen.push({ at, path, status: response.status, reason: response.headers.get('RateLimit-Reason') });
    return response;
  };
  return { seen, stop: () => void (g.__forge_fetch__ = real) };
}

/**
 * The local site answers each kind of Jira 429 from its own limits (the app's pool shared with other
 * installations, a tenant's own pool, per-endpoint burst buckets, per-issue write windows), and the app holds back
 * exactly what the 429's reason names.
 */
describe('each kind of 429 from the local site holds back what it names', () => {
  let s: LocalSite | undefined;
  let watch: ReturnType<typeof watchJira> | undefined;
  afterEach(() => {
    watch?.stop();
    s?.close();
  });

  /** A ticket waiting for the customer, and the sweep run that sends its first reminder. */
  async function waitingTicket(site: LocalSite): Promise<{ key: string; sweepAt: number }> {
    const key = await site.ticket('Support Request', [CLARIFICATION]);
    return { key, sweepAt: site.host.nextScheduledRun('process-sweep', Date.now() + 10 * DAY) };
  }

  it.each([
    ['jira-quota-global-based', 'the pool every installation shares, spent by another installation'],
    ['jira-quota-tenant-based', "the site's own pool (Tier 2), spent"],
  ] as const)('%s (%s): not one call until the hour resets', async (reason, _pool) => {
    const pool = new QuotaPool(POOL);
    const tenantPool = new QuotaPool(POOL);
    s = await startSweepSite('2026-11-02T08:30:00Z', {
      limits: { pool, installation: 'this-site', tenantPool },
    });
    const { key, sweepAt } = await waitingTicket(s);
    const resetAt = Math.floor(sweepAt / HOUR) * HOUR + HOUR;
    s.jump(new Date(sweepAt - MINUTE));
    const spent = reason === 'jira-quota-global-based' ? pool : tenantPool;
    spent.roll(Date.now());
    spent.charge(POOL - spent.pointsThisHour, 'another-installation');
    watch = watchJira();
    await s.until(new Date(resetAt + 2 * HOUR));

    const refused = watch.seen.filter((r) => r.status === 429);
    expect(refused.map((r) => r.reason)).toEqual([reason]);
    const first = refused[0]!.at;
    expect(watch.seen.filter((r) => r.at > first && r.at < resetAt)).toEqual([]);
    const times = s.appCommentTimes(key);
    expect(times).toHaveLength(1);
    expect(times[0]).toBeGreaterThanOrEqual(resetAt);
    expect(times[0]! - resetAt).toBeLessThanOrEqual(HOUR + 5 * MINUTE);
  });

  it("jira-per-issue-on-write: only that ticket's write waits; the other ticket's reminder goes out first", async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z', {
      limits: { perIssueWrites: { per2s: 20, per30s: 3 } },
    });
    // Held is the more overdue one, so the sweep reaches it first.
    const held = await s.ticket('Support Request', [CLARIFICATION]);
    s.jump(new Date(Date.now() + 5 * MINUTE));
    const other = await s.ticket('Support Request', [CLARIFICATION]);
    const sweepAt = s.host.nextScheduledRun('process-sweep', Date.now() + 10 * DAY);
    s.jump(new Date(sweepAt - 10_000));
    // Another integration's three quick property writes fill the held ticket's 30-second write window just
    // before the sweep (they leave the ticket's `updated` alone, so the sweep does not wait for recent activity).
    const agent = s.site.actAs(USER.agentDach);
    for (const n of [1, 2, 3]) await agent.setProperty(held, 'another-integration', { n });
    watch = watchJira();
    await s.until(new Date(sweepAt + HOUR));

    const refused = watch.seen.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(new Set(refused.map((r) => r.reason))).toEqual(new Set(['jira-per-issue-on-write']));
    const [otherAt] = s.appCommentTimes(other);
    const [heldAt] = s.appCommentTimes(held);
    expect(s.appCommentTimes(other)).toHaveLength(1);
    expect(s.appCommentTimes(held)).toHaveLength(1);
    // The other ticket did not wait for the held one's window; the held one followed within minutes.
    expect(otherAt!).toBeLessThan(sweepAt + 20_000);
    expect(otherAt!).toBeLessThan(heldAt!);
    expect(heldAt! - sweepAt).toBeLessThan(5 * MINUTE);
  });

  it('jira-burst-based: the endpoint slows down, nothing pauses for the hour and every reminder goes out once', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z', {
      limits: { burstPerSecond: { read: 100, write: 1 } },
    });
    const keys: string[] = [];
    for (let n = 0; n < 3; n++) {
      keys.push(await s.ticket('Support Request', [CLARIFICATION]));
      s.jump(new Date(Date.now() + MINUTE));
    }
    const sweepAt = s.host.nextScheduledRun('process-sweep', Date.now() + 10 * DAY);
    s.jump(new Date(sweepAt - MINUTE));
    watch = watchJira();
    await s.until(new Date(sweepAt + HOUR));

    const refused = watch.seen.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(new Set(refused.map((r) => r.reason))).toEqual(new Set(['jira-burst-based']));
    for (const key of keys) {
      const times = s.appCommentTimes(key);
      expect(times).toHaveLength(1);
      expect(times[0]! - sweepAt).toBeLessThan(5 * MINUTE);
    }
  });
});
