import {
  InternalServerError,
  InvalidPushSettingsError,
  InvocationError,
  InvocationErrorCode,
  PayloadTooBigError,
  Queue,
  RateLimitError,
  TooManyEventsError,
  type AsyncEvent,
} from '@forge/events';
import { kvs } from '@forge/kvs';

import { sleep, startHost, type Harness } from './harness';

const events = (n: number) => Array.from({ length: n }, (_, i) => ({ body: { n: i } }));

describe('Forge host queue: push limits', () => {
  let h: Harness;
  const queue = new Queue({ key: 'work-queue' });
  beforeEach(async () => {
    h = await startHost({ queueEventsPerMinute: 60 });
  });
  afterEach(() => h.close());

  it('accepts up to 50 events and answers a jobId', async () => {
    await expect(queue.push(events(50))).resolves.toEqual({ jobId: expect.any(String) });
  });

  it.each([
    ['more than 50 events', () => events(51), TooManyEventsError],
    ['over 200 KB', () => [{ body: { blob: 'x'.repeat(205 * 1024) } }], PayloadTooBigError],
    ['a delay over 900 s', () => [{ body: {}, delayInSeconds: 901 }], InvalidPushSettingsError],
  ])('surfaces %s as the SDK error', async (_label, make, ErrorClass) => {
    await expect(queue.push(make() as never)).rejects.toBeInstanceOf(ErrorClass);
  });

  it('rejects a body that is not an object (InvalidPayloadError is not exported by @forge/events)', async () => {
    await expect(queue.push([{ body: ['list'] }] as never)).rejects.toThrow('Event body must be an object.');
  });

  it('answers a queue without consumer with an InternalServerError', async () => {
    await expect(new Queue({ key: 'nobody-reads' }).push([{ body: {} }])).rejects.toBeInstanceOf(
      InternalServerError,
    );
  });

  it('rate-limits events per sim-clock minute with RateLimitError, and admits again a minute later', async () => {
    await queue.push(events(50));
    await expect(queue.push(events(11))).rejects.toBeInstanceOf(RateLimitError);
    h.clock.advance(60_000);
    await expect(queue.push(events(11))).resolves.toEqual({ jobId: expect.any(String) });
  });
});

describe('Forge host queue: delivery', () => {
  let h: Harness;
  const queue = new Queue({ key: 'work-queue' });
  const deliveries = (): AsyncEvent[] => h.app.callsOf('work').map((args) => args[0] as AsyncEvent);
  afterEach(() => h.close());

  it('delivers each event once, asynchronously, as an AsyncEvent to the consumer', async () => {
    h = await startHost();
    const { jobId } = await queue.push([{ body: { issue: 'SD-1' } }, { body: { issue: 'SD-2' } }]);
    expect(deliveries()).toHaveLength(0);

    await h.host.drain();

    expect(deliveries()).toEqual([
      { body: { issue: 'SD-1' }, queueName: 'work-queue', jobId, eventId: expect.any(String) },
      { body: { issue: 'SD-2' }, queueName: 'work-queue', jobId, eventId: expect.any(String) },
    ]);
    expect(h.app.callsOf('work')[0]?.[1]).toMatchObject({
      installContext: expect.stringMatching(/^ari:cloud:jira::site\//),
    });
    expect(await queue.getJob(jobId).getStats()).toEqual({ success: 2, inProgress: 0, failed: 0 });
    expect(h.host.invocations.map((r) => [r.kind, r.moduleKey, r.outcome])).toEqual([
      ['consumer', 'work-consumer', 'ok'],
      ['consumer', 'work-consumer', 'ok'],
    ]);
  });

  it('holds delayed events until the sim clock reaches them', async () => {
    h = await startHost();
    const start = Date.now();
    await queue.push([{ body: {}, delayInSeconds: 60 }]);
    await h.host.drain();
    expect(deliveries()).toHaveLength(0);

    await h.host.drain({ advanceClock: true });
    expect(deliveries()).toHaveLength(1);
    expect(Date.now() - start).toBe(60_000);
  });

  it('redelivers after the retryAfter of a returned InvocationError, with retryContext', async () => {
    h = await startHost();
    let attempt = 0;
    h.app.behave('work', () =>
      ++attempt === 1
        ? new InvocationError({
            retryAfter: 30,
            retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
            retryData: { page: 2 },
          })
        : undefined,
    );
    await queue.push([{ body: { x: 1 } }]);
    await h.host.drain();
    await h.host.advance(29_000);
    expect(deliveries()).toHaveLength(1);

    await h.host.advance(1_000);
    expect(deliveries()).toHaveLength(2);
    expect(deliveries()[1]?.retryContext).toEqual({
      retryCount: 1,
      retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED',
      retryData: { page: 2 },
      retentionWindow: { startTime: expect.any(String), remainingTimeMs: 24 * 3_600_000 - 30_000 },
    });
    expect(h.host.invocations.map((r) => r.outcome)).toEqual(['retry', 'ok']);
  });

  it('redelivers after a thrown error with exponential backoff', async () => {
    h = await startHost();
    let attempt = 0;
    h.app.behave('work', () => {
      if (++attempt <= 2) throw new Error('boom');
    });
    const start = Date.now();
    await queue.push([{ body: {} }]);
    await h.host.drain({ advanceClock: true });

    expect(deliveries().map((d) => d.retryContext?.retryCount ?? 0)).toEqual([0, 1, 2]);
    expect(deliveries()[1]?.retryContext?.retryReason).toBe('FUNCTION_PLATFORM_UNKNOWN_ERROR');
    expect(Date.now() - start).toBe((30 + 60) * 1000);
    expect(h.host.invocations.map((r) => r.outcome)).toEqual(['error', 'error', 'ok']);
  });

  it('reports a consumer over its timeoutSeconds as a timeout, retries it and refuses its late platform calls', async () => {
    h = await startHost();
    let attempt = 0;
    let lateWrite: unknown = 'not attempted';
    h.app.behave('work', async () => {
      if (++attempt > 1) return;
      h.time.advance(200); // timeoutSeconds 60 → 120 ms at the test time scale
      await sleep(1);
      lateWrite = await kvs.set('late', 1).then(
        () => 'written',
        (e: unknown) => e,
      );
    });
    await queue.push([{ body: {} }]);
    await h.host.drain({ advanceClock: true });
    await sleep(150);

    expect(h.host.invocations.map((r) => r.outcome)).toEqual(['timeout', 'ok']);
    expect(deliveries()[1]?.retryContext?.retryReason).toBe('FUNCTION_TIME_OUT');
    expect(lateWrite).toBeInstanceOf(Error);
    expect(await kvs.get('late')).toBeUndefined();
  });

  it('honours concurrency {key, limit}', async () => {
    h = await startHost();
    let running = 0;
    let peak = 0;
    h.app.behave('work', async () => {
      peak = Math.max(peak, ++running);
      await sleep(5);
      running--;
    });
    await queue.push(events(4).map((e) => ({ ...e, concurrency: { key: 'jira-writes', limit: 2 } })));
    await h.host.drain();
    expect([deliveries().length, peak]).toEqual([4, 2]);

    peak = 0;
    await queue.push(events(4));
    await h.host.drain();
    expect(peak).toBe(4);
  });

  it('delivers some events twice with the same eventId when duplicates are on', async () => {
    h = await startHost({ events: { duplicateRate: 1, seed: 7 } });
    await queue.push([{ body: { only: true } }]);
    await h.host.drain();
    const [first, second] = deliveries();
    expect(deliveries()).toHaveLength(2);
    expect(second?.eventId).toBe(first?.eventId);
  });

  it('with concurrent duplicates both copies of an event run at once, past its concurrency limit', async () => {
    /** Peak number of deliveries running at once for one event pushed with concurrency limit 1. */
    const peakOf = async (concurrent: boolean): Promise<number> => {
      h = await startHost({ events: { duplicateRate: 1, concurrent, seed: 7 } });
      let running = 0;
      let peak = 0;
      h.app.behave('work', async () => {
        peak = Math.max(peak, ++running);
        await sleep(5);
        running--;
      });
      await queue.push([{ body: { only: true }, concurrency: { key: 'jira-writes', limit: 1 } }]);
      await h.host.drain();
      expect(deliveries()).toHaveLength(2);
      return peak;
    };
    expect(await peakOf(true)).toBe(2);
    h.close();
    // Without the option a copy waits for the slot its original holds.
    expect(await peakOf(false)).toBe(1);
  });
});
