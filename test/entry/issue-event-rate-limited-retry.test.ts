/**
 * A product event whose handler Jira rate-limits halfway: the handler answers `InvocationError` with a
 * `retryAfter`, the Forge host redelivers the event after it, and the retry finishes the work without doing again
 * what the first delivery already did (guide §1.1.1 alert, §7 restriction and note, the on-call notice).
 */
import { FIELD } from '../../sandbox/jira/seed/demo-ids';
import {
  DEMO_CONFIG,
  ON_CALL_TEAM_ID,
  SATURDAY,
  SEVERE_FIELDS,
  startEventsSite,
  type LocalSite,
} from '../support/local-site';

type ForgeFetch = (target: { remote?: string }, path: string, init?: { method?: string }) => Promise<unknown>;
const g = globalThis as { __forge_fetch__?: ForgeFetch };

/** Answers the first Jira request matching `method` and `path` with a quota 429; passes everything else. */
function refuseOnce(method: string, path: RegExp): { refused: () => number; restore: () => void } {
  const real = g.__forge_fetch__;
  let refused = 0;
  g.__forge_fetch__ = async (target, requestPath, init) => {
    if (
      refused === 0 &&
      target.remote === 'jira' &&
      (init?.method ?? 'GET') === method &&
      path.test(requestPath)
    ) {
      refused += 1;
      return new Response(JSON.stringify({ errorMessages: ['Rate limit exceeded.'] }), {
        status: 429,
        headers: { 'Retry-After': '60' },
      });
    }
    return real?.(target, requestPath, init);
  };
  return { refused: () => refused, restore: () => (g.__forge_fetch__ = real) };
}

describe('a rate-limited product event is retried and done exactly once', () => {
  let s: LocalSite;
  afterEach(() => s.close());

  // The event's writes in order: the on-call alert, the ticket update carrying the security level and the
  // internal note, then the public on-call notice. Each case refuses one of the later ones.
  it.each([
    ['the ticket update, after the alert was sent', 'PUT', /^\/rest\/api\/3\/issue\/SD-1\?/],
    [
      'the on-call notice, after the alert and the restriction',
      'POST',
      /^\/rest\/api\/3\/issue\/SD-1\/comment/,
    ],
  ])('429 on %s', async (_name, method, path) => {
    s = await startEventsSite(SATURDAY, {
      config: { ...DEMO_CONFIG, onCall: { mode: 'opsgenie', target: ON_CALL_TEAM_ID } },
    });
    // Ten minutes before the hour: a quota 429 holds every Jira call until the pool resets at 11:00.
    s.clock.set('2026-11-28T10:50:00Z');
    const fault = refuseOnce(method, path);
    try {
      const key = await s.as('customer-acme-1').createIssue({
        project: 'SD',
        issueType: 'Incident',
        summary: 'Down',
        fields: { ...SEVERE_FIELDS, [FIELD.confidential]: { value: 'Yes' } },
      });
      await s.settle();
      expect(fault.refused()).toBe(1);

      const deliveries = s.host.invocations.filter((r) => r.kind === 'product-trigger');
      expect(deliveries.map((r) => r.outcome)).toEqual(['retry', 'ok']);
      const [first, retry] = deliveries;
      // Redelivered once the hold the 429 placed is over, not before.
      const startOf = (record: typeof first) => Date.parse(record?.startedAt ?? '');
      expect(startOf(retry)).toBeGreaterThanOrEqual(Date.parse('2026-11-28T11:00:00Z'));
      expect(startOf(retry)).toBeLessThan(Date.parse('2026-11-28T11:05:00Z'));
      expect(startOf(first)).toBeLessThan(Date.parse('2026-11-28T10:51:00Z'));

      expect(s.site.metrics.of('jsmOps.POST').statuses).toEqual({ 202: 1 });
      expect(s.securityLevel(key)).toBeDefined();
      expect(s.appComments(key)).toEqual([
        expect.objectContaining({ internal: true, text: expect.stringContaining('Vertrauliche') }),
        expect.objectContaining({
          internal: false,
          text: expect.stringContaining('Rufbereitschaft alarmiert'),
        }),
      ]);
      expect(s.failedInvocations()).toEqual(['issue-events: retry']);
    } finally {
      fault.restore();
    }
  });
});
