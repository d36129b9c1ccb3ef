import { USER } from '../../sandbox/jira/seed/demo-ids';
import type { ParkingRecord } from '../../src/app/shared/parking-lot';
import { DAY, HOUR, startSweepSite, waitingInClarification, type LocalSite } from '../support/local-site';

const START = Date.parse('2026-11-02T08:30:00Z');
const MINUTE = 60_000;

type Fetch = (target: { type: string; remote?: string }, path: string, init?: unknown) => Promise<unknown>;
const g = globalThis as { __forge_fetch__?: Fetch };

/**
 * Fails the KVS writes whose body names `needle` with a Forge KVS error answer, and counts the Jira requests
 * that name `issueKey`, until `restore()`.
 */
function breakStorageFor(needle: string, issueKey: string) {
  const real = g.__forge_fetch__;
  let refused = 0;
  let jiraCalls = 0;
  g.__forge_fetch__ = async (target, path, init) => {
    const body = (init as { body?: unknown } | undefined)?.body;
    const text = typeof body === 'string' ? body : '';
    if (target.remote === 'jira' && (path.includes(issueKey) || text.includes(issueKey))) jiraCalls += 1;
    if (target.type === 'kvs' && path.endsWith('/set') && text.includes(needle)) {
      refused += 1;
      return new Response(JSON.stringify({ code: 'INTERNAL_SERVER_ERROR', message: 'storage unavailable' }), {
        status: 500,
        headers: { 'content-type': 'application/json' },
      });
    }
    return real?.(target, path, init);
  };
  return {
    refused: () => refused,
    jiraCalls: () => jiraCalls,
    restore: () => (g.__forge_fetch__ = real),
  };
}

/** The app logs each failure as an error line; the test reads the site instead. */
function quietErrors(): void {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
}

function parkingRecords(s: LocalSite): { key: string; value: ParkingRecord }[] {
  return s.host.kvs
    .keys('kvs')
    .filter((k) => k.startsWith('park:'))
    .map((key) => ({ key, value: s.host.kvs.get('kvs', key)?.value as ParkingRecord }));
}

async function resolver(s: LocalSite, functionKey: string, payload: unknown, accountId: string) {
  const result = await s.host.invokeResolver({ moduleKey: 'process-admin', functionKey, payload, accountId });
  if (!result.ok) throw new Error(`resolver ${functionKey} failed: ${JSON.stringify(result)}`);
  return result.value as { data?: unknown; error?: { code: string } };
}

describe('hourly sweep: a ticket that keeps failing is parked, and an admin retries it', () => {
  let s: LocalSite | undefined;
  afterEach(() => s?.close());

  it('storage failing for one ticket: the others are reminded, it is counted, parked after five sweeps, skipped, and retried exactly once', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    quietErrors();
    const [bad = '', ...good] = await waitingInClarification(s, 3);
    const badId = s.site.store.issue(bad)?.id ?? '';
    // Every ledger claim of the most overdue ticket's steps is refused by the storage.
    const broken = breakStorageFor(`"act:${badId}:`, bad);
    s.jump(new Date(START + 10 * DAY - HOUR));
    await s.until(new Date(START + 10 * DAY + 70 * MINUTE));

    // The first failing sweep: the others got their reminder, the failure is recorded and counted.
    for (const key of good)
      expect({ key, reminders: s.appComments(key).length }).toEqual({ key, reminders: 1 });
    expect(s.appComments(bad)).toHaveLength(0);
    expect(s.audit()).toContainEqual(
      expect.objectContaining({
        issueKey: bad,
        action: 'sweep',
        outcome: 'failed',
        detail: 'storage setIfAbsent',
      }),
    );
    expect(parkingRecords(s).map((r) => r.value)).toEqual([
      expect.objectContaining({
        state: 'failing',
        attempts: 1,
        failure: 'storage',
        code: 'storage setIfAbsent',
      }),
    ]);

    // Four more failing sweeps park it; the parking is audited once.
    await s.advance(4 * HOUR);
    expect(broken.refused()).toBe(5);
    const [parked] = parkingRecords(s);
    expect(parked?.key).toBe(`park:t:SD:${badId}`);
    expect(parked?.value).toMatchObject({
      state: 'parked',
      attempts: 5,
      failure: 'storage',
      code: 'storage setIfAbsent',
      subject: { kind: 'ticket', projectKey: 'SD', issueKey: bad, issueId: badId },
    });
    expect(Date.parse(parked?.value.lastFailedAt ?? '') - Date.parse(parked?.value.firstFailedAt ?? '')).toBe(
      4 * HOUR,
    );
    const parkings = s.audit().filter((e) => e.action === 'parked');
    expect(parkings).toEqual([
      expect.objectContaining({ issueKey: bad, outcome: 'failed', source: 'sweep', detail: 'storage' }),
    ]);

    // Parked: later sweeps neither claim nor search it.
    const jiraBefore = broken.jiraCalls();
    await s.advance(5 * HOUR);
    expect(broken.refused()).toBe(5);
    expect(broken.jiraCalls()).toBe(jiraBefore);
    expect(s.appComments(bad)).toHaveLength(0);

    // The admin page lists it with its reason; a non-admin may neither list nor retry it.
    const list = await resolver(s, 'getParkedItems', {}, USER.admin);
    const items = (list.data as { items: { id: string; issueKey: string; reason: { en: string } }[] }).items;
    expect(items).toEqual([
      expect.objectContaining({
        issueKey: bad,
        attempts: 5,
        reason: expect.objectContaining({ en: 'The app’s storage or queue failed (storage setIfAbsent)' }),
      }),
    ]);
    const id = items[0]?.id ?? '';
    for (const functionKey of ['getParkedItems', 'retryParkedItem'])
      expect(await resolver(s, functionKey, { id }, USER.agentDach)).toEqual({
        error: expect.objectContaining({ code: 'FORBIDDEN' }),
      });
    expect(parkingRecords(s)).toHaveLength(1);

    // Fixed and retried: the parking is gone, and the next sweep sends the reminder exactly once.
    broken.restore();
    expect(await resolver(s, 'retryParkedItem', { id }, USER.admin)).toEqual({ data: { retried: true } });
    expect(parkingRecords(s)).toEqual([]);
    expect(s.audit().filter((e) => e.action === 'unparked')).toEqual([
      expect.objectContaining({ issueKey: bad, outcome: 'done', source: 'admin' }),
    ]);
    expect(await resolver(s, 'retryParkedItem', { id }, USER.admin)).toEqual({ data: { retried: false } });
    const retriedAt = Date.now();
    await s.advance(3 * HOUR);
    expect(s.appComments(bad)).toHaveLength(1);
    const [sent] = s.appCommentTimes(bad);
    expect((sent ?? Infinity) - retriedAt).toBeLessThanOrEqual(HOUR);
    for (const key of good) expect(s.appComments(key)).toHaveLength(1);
    expect(parkingRecords(s)).toEqual([]);
  });

  it('a failure that stops after two sweeps is forgotten, not parked', async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    quietErrors();
    const [bad = ''] = await waitingInClarification(s, 1);
    const badId = s.site.store.issue(bad)?.id ?? '';
    const broken = breakStorageFor(`"act:${badId}:`, bad);
    s.jump(new Date(START + 10 * DAY - HOUR));
    await s.until(new Date(START + 10 * DAY + 2 * HOUR + 10 * MINUTE));
    expect(broken.refused()).toBe(2);
    expect(parkingRecords(s).map((r) => r.value)).toEqual([
      expect.objectContaining({ state: 'failing', attempts: 2 }),
    ]);
    broken.restore();
    await s.advance(HOUR);
    expect(s.appComments(bad)).toHaveLength(1);
    expect(parkingRecords(s)).toEqual([]);
    expect(s.audit().filter((e) => e.action === 'parked')).toEqual([]);
  });
});
