import api, { route } from '@forge/api';
import { InvocationError, InvocationErrorCode } from '@forge/events';

import type { ProductEvent } from '../../../sandbox/contract';
import { sleep, startHost, type Harness } from './harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('Forge host scheduled triggers', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHost();
  });
  afterEach(() => h.close());

  it('fires an hourly trigger at each crossed boundary of its per-installation offset, and not otherwise', async () => {
    const first = h.host.nextScheduledRun('hourly-tick');
    expect(first).toBeGreaterThan(Date.now());
    expect(first - Date.now()).toBeLessThanOrEqual(HOUR);

    await h.host.advance(first - Date.now() - 1);
    expect(h.app.callsOf('hourly')).toHaveLength(0);

    await h.host.advance(1);
    expect(h.app.callsOf('hourly')).toHaveLength(1);
    expect(h.host.invocations.at(-1)?.startedAt).toBe(new Date(first).toISOString());

    await h.host.advance(HOUR - 1);
    expect(h.app.callsOf('hourly')).toHaveLength(1);
    await h.host.advance(3 * HOUR + 1); // now first + 4 h: crossed first + 1 h … first + 4 h
    expect(h.app.callsOf('hourly')).toHaveLength(5);
    // The offset is stable: every run falls on the same minute past the hour.
    const minutes = new Set(
      h.host.invocations.filter((r) => r.moduleKey === 'hourly-tick').map((r) => r.startedAt.slice(14)),
    );
    expect(minutes.size).toBe(1);
  });

  it('fires a daily trigger once per day', async () => {
    await h.host.advance(DAY - 1);
    const afterOneDay = h.app.callsOf('daily').length;
    expect(afterOneDay).toBeLessThanOrEqual(1);
    await h.host.advance(2 * DAY);
    expect(h.app.callsOf('daily')).toHaveLength(afterOneDay + 2);
    expect(h.app.callsOf('hourly').length).toBeGreaterThanOrEqual(71);
  });

  it('passes ({context: {cloudId, moduleKey, installContext}}, context) like Forge', async () => {
    await h.host.runScheduled('daily-tick');
    const [request, context] = h.app.callsOf('daily')[0] ?? [];
    expect(request).toEqual({
      context: {
        cloudId: expect.any(String),
        moduleKey: 'daily-tick',
        installContext: expect.stringMatching(/^ari:cloud:jira::site\//),
      },
    });
    expect(context).toEqual({ installContext: expect.any(String), license: undefined });
  });

  it('runs a trigger twice concurrently when asked (duplicate runs happen in Forge)', async () => {
    let running = 0;
    let peak = 0;
    h.app.behave('hourly', async () => {
      peak = Math.max(peak, ++running);
      await sleep(5);
      running--;
    });
    await Promise.all([h.host.runScheduled('hourly-tick'), h.host.runScheduled('hourly-tick')]);
    expect(peak).toBe(2);
  });

  it('enforces timeoutSeconds of a scheduled function and does not retry it', async () => {
    // Each takes 200 ms of running time: over the hourly's default 55 s (110 ms at the test time scale), within the
    // daily's timeoutSeconds 120 (240 ms).
    h.app.behave('hourly', () => h.time.advance(200));
    h.app.behave('daily', () => h.time.advance(200));
    const [hourly, daily] = await Promise.all([
      h.host.runScheduled('hourly-tick'),
      h.host.runScheduled('daily-tick'),
    ]);
    expect([hourly.outcome, daily.outcome]).toEqual(['timeout', 'ok']);
    await h.host.drain({ advanceClock: true });
    expect(h.app.callsOf('hourly')).toHaveLength(1);
  });
});

describe('Forge host product events', () => {
  let h: Harness;
  afterEach(() => h.close());

  const created = (key: string, causedBy: ProductEvent['causedBy']): ProductEvent => ({
    eventType: 'avi:jira:created:issue',
    payload: { issue: { id: '1', key, fields: {} }, atlassianId: 'acc-1' },
    causedBy,
    at: new Date().toISOString(),
  });
  const keysOf = (name: string) =>
    h.app.callsOf(name).map((args) => (args[0] as { issue: { key: string } }).issue.key);

  it('delivers asynchronously with eventType, selfGenerated and context', async () => {
    h = await startHost();
    h.site.emit(created('SD-1', { kind: 'user', accountId: 'acc-1' }));
    expect(h.app.callsOf('onEvent')).toHaveLength(0);

    await h.host.drain();

    const [event, context] = h.app.callsOf('onEvent')[0] ?? [];
    expect(event).toEqual({
      issue: { id: '1', key: 'SD-1', fields: {} },
      atlassianId: 'acc-1',
      eventType: 'avi:jira:created:issue',
      selfGenerated: false,
      context: { cloudId: expect.any(String), moduleKey: 'issue-events' },
    });
    expect(context).toEqual({
      cloudId: expect.any(String),
      moduleKey: 'issue-events',
      installContext: expect.any(String),
    });
    expect(h.app.callsOf('onAudit')).toHaveLength(0); // not subscribed to created:issue
  });

  it('applies ignoreSelf per trigger: app-caused events reach only triggers without it, marked selfGenerated', async () => {
    h = await startHost();
    h.app.behave('onEvent', async (event) => {
      const key = (event as { issue: { key: string } }).issue.key;
      // Reacting to a user's comment with an app comment must not loop back into this trigger.
      if (key === 'SD-1')
        await api.asApp().requestJira(route`/rest/api/3/issue/SD-2/comment`, { method: 'POST', body: '{}' });
    });

    await api
      .asUser('acc-1')
      .requestJira(route`/rest/api/3/issue/SD-1/comment`, { method: 'POST', body: '{}' });
    await h.host.drain();

    expect(keysOf('onEvent')).toEqual(['SD-1']);
    expect(
      h.app.callsOf('onAudit').map((args) => args[0] as { selfGenerated: boolean; issue: { key: string } }),
    ).toEqual([
      expect.objectContaining({ issue: { key: 'SD-1' }, selfGenerated: false }),
      expect.objectContaining({ issue: { key: 'SD-2' }, selfGenerated: true }),
    ]);
    expect(h.host.stats.productEvents.ignoredSelf).toBe(1);
  });

  it('with duplicates and reordering on, delivers some events twice and out of order, the same way for a seed', async () => {
    const run = async (seed: number): Promise<string[]> => {
      h = await startHost({ events: { duplicateRate: 0.3, reorder: true, seed } });
      for (let i = 1; i <= 12; i++) h.site.emit(created(`SD-${i}`, { kind: 'user', accountId: 'a' }));
      await h.host.drain();
      const keys = keysOf('onEvent');
      h.close();
      return keys;
    };
    const first = await run(42);
    const again = await run(42);
    h = await startHost();

    expect(again).toEqual(first);
    expect(first.length).toBeGreaterThan(12);
    expect(new Set(first).size).toBe(12);
    const inOrder = Array.from({ length: 12 }, (_, i) => `SD-${i + 1}`);
    expect([...new Set(first)]).not.toEqual(inOrder);
  });

  it('reports a trigger over 25 s as a timeout', async () => {
    h = await startHost();
    h.app.behave('onEvent', () => h.time.advance(120)); // 25 s → 50 ms at the test time scale
    h.site.emit(created('SD-9', { kind: 'user', accountId: 'a' }));
    await h.host.drain();
    expect(h.host.invocations.map((r) => [r.kind, r.outcome])).toEqual([['product-trigger', 'timeout']]);
  });

  describe('retries (guide §1.3: only a returned InvocationError, at most four times)', () => {
    const retryAfter = (seconds: number) =>
      new InvocationError({ retryAfter: seconds, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
    const startedAt = () =>
      h.host.invocations.filter((r) => r.kind === 'product-trigger').map((r) => Date.parse(r.startedAt));

    it('redelivers an event whose handler returned an InvocationError, after retryAfter, with retryContext', async () => {
      h = await startHost();
      let calls = 0;
      h.app.behave('onEvent', () => (++calls < 3 ? retryAfter(120) : undefined));
      const emittedAt = Date.now();
      h.site.emit(created('SD-3', { kind: 'user', accountId: 'a' }));
      await h.host.drain({ advanceClock: true });

      expect(h.host.invocations.map((r) => r.outcome)).toEqual(['retry', 'retry', 'ok']);
      expect(startedAt().map((t) => t - emittedAt)).toEqual([0, 120_000, 240_000]);
      const third = h.app.callsOf('onEvent')[2]?.[0] as { retryContext?: unknown };
      expect(third.retryContext).toEqual({ retryCount: 2, retryReason: 'FUNCTION_RETRY_REQUEST' });
      expect(h.host.stats.productEvents.retried).toBe(2);
    });

    it('stops after four retries and caps retryAfter at 900 s', async () => {
      h = await startHost();
      h.app.behave('onEvent', () => retryAfter(3_600));
      const emittedAt = Date.now();
      h.site.emit(created('SD-4', { kind: 'user', accountId: 'a' }));
      await h.host.drain({ advanceClock: true });

      expect(h.app.callsOf('onEvent')).toHaveLength(5);
      expect(startedAt().map((t) => (t - emittedAt) / 1000)).toEqual([0, 900, 1800, 2700, 3600]);
      expect(h.host.stats.productEvents.dropped).toBe(1);
    });

    it('does not redeliver an event whose handler threw', async () => {
      h = await startHost();
      h.app.behave('onEvent', () => {
        throw new Error('boom');
      });
      h.site.emit(created('SD-5', { kind: 'user', accountId: 'a' }));
      await h.host.drain({ advanceClock: true });
      expect(h.host.invocations.map((r) => r.outcome)).toEqual(['error']);
    });

    it('does not redeliver an event whose handler ran out of time', async () => {
      h = await startHost();
      h.app.behave('onEvent', () => h.time.advance(120));
      h.site.emit(created('SD-6', { kind: 'user', accountId: 'a' }));
      await h.host.drain({ advanceClock: true });
      expect(h.host.invocations.map((r) => r.outcome)).toEqual(['timeout']);
    });
  });
});
