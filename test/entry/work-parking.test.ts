import { Queue } from '@forge/events';
import { USER } from '../../sandbox/jira/seed/demo-ids';
import type { ParkingRecord } from '../../src/app/shared/parking-lot';
import { expectFailedInvocations } from '../support/honest-run';
import { startSweepSite, type LocalSite } from '../support/local-site';

type Fetch = (target: { type: string; remote?: string }, path: string, init?: unknown) => Promise<unknown>;
const g = globalThis as { __forge_fetch__?: Fetch };

/** Answers Jira's reads of `issueId` with 403 until `restore()`; counts every read of it. */
function refuseReads(issueId: string) {
  const real = g.__forge_fetch__;
  let refusing = true;
  let reads = 0;
  g.__forge_fetch__ = async (target, path, init) => {
    const method = (init as { method?: string } | undefined)?.method ?? 'GET';
    if (target.remote === 'jira' && method === 'GET' && path.startsWith(`/rest/api/3/issue/${issueId}?`)) {
      reads += 1;
      if (refusing)
        return new Response(JSON.stringify({ errorMessages: ['no permission'] }), {
          status: 403,
          headers: { 'content-type': 'application/json' },
        });
    }
    return real?.(target, path, init);
  };
  return {
    reads: () => reads,
    restore: () => {
      refusing = false;
    },
    uninstall: () => (g.__forge_fetch__ = real),
  };
}

function records(s: LocalSite): ParkingRecord[] {
  return s.host.kvs
    .keys('kvs')
    .filter((k) => k.startsWith('park:'))
    .map((key) => s.host.kvs.get('kvs', key)?.value as ParkingRecord);
}

describe('queued work that keeps failing is parked, dropped from the retries, and retried from the admin page', () => {
  let s: LocalSite | undefined;
  afterEach(() => s?.close());

  it('five refused deliveries park the item; the retry pushes it again and it runs once', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const key = await s.ticket('Support Request', []);
    const id = s.site.store.issue(key)?.id ?? '';
    const jira = refuseReads(id);
    expectFailedInvocations(s.host, /JiraHttpError|answered 403/);
    const body = { type: 'events.deliveryTable', deliveryId: id, projectKey: 'SD' };
    await new Queue({ key: 'process-work' }).push([{ body }]);
    await s.advance(2 * 3_600_000);
    expect(jira.reads()).toBe(5);
    expect(records(s)).toEqual([
      expect.objectContaining({
        state: 'parked',
        attempts: 5,
        failure: 'definite',
        code: 'getIssue: HTTP 403',
        subject: { kind: 'work', projectKey: 'SD', workType: 'events.deliveryTable', body },
      }),
    ]);
    const audit = s.host.kvs
      .keys('kvs')
      .filter((k) => k.startsWith('audit:p:SD:'))
      .map((k) => s?.host.kvs.get('kvs', k)?.value as { action: string; source: string });
    expect(audit.filter((e) => e.action === 'parked')).toEqual([
      expect.objectContaining({ source: 'event', outcome: 'failed', detail: 'definite' }),
    ]);
    // Dropped from the retries: hours later nothing more was tried.
    await s.advance(6 * 3_600_000);
    expect(jira.reads()).toBe(5);

    jira.restore();
    const list = await s.host.invokeResolver({
      moduleKey: 'process-admin',
      functionKey: 'getParkedItems',
      payload: {},
      accountId: USER.admin,
    });
    const items = (list as { value: { data: { items: { id: string; subject: { en: string } }[] } } }).value
      .data.items;
    expect(items.map((i) => i.subject.en)).toEqual(['Update a Delivery’s table']);
    const retried = await s.host.invokeResolver({
      moduleKey: 'process-admin',
      functionKey: 'retryParkedItem',
      payload: { id: items[0]?.id },
      accountId: USER.admin,
    });
    expect(retried).toMatchObject({ ok: true, value: { data: { retried: true } } });
    await s.host.drain();
    await s.advance(3_600_000);
    expect(jira.reads()).toBe(6);
    expect(records(s)).toEqual([]);
    jira.uninstall();
  });
});
