import { route } from '@forge/api';
import { z } from 'zod';
import { JiraHttpError, RateLimitedError, UpstreamError } from '../../../src/app/ports/jira-errors';
import { CallStats } from '../../../src/adapters/jira/call-stats';
import { JiraClient, type JiraResponse } from '../../../src/adapters/jira/jira-client';

function reply(status: number, body: unknown = {}, headers: Record<string, string> = {}): JiraResponse {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name) => lower[name.toLowerCase()] ?? null },
    text: async () => (body === '' ? '' : JSON.stringify(body)),
  };
}

function clientAnswering(...answers: (JiraResponse | Error | 'hang')[]) {
  const waits: number[] = [];
  const requests: { path: string; method?: string }[] = [];
  const stats = new CallStats();
  const client = new JiraClient({
    stats,
    request: async (r, init) => {
      requests.push({ path: r.value, method: init?.method });
      const next = answers.shift();
      if (next === undefined) throw new Error('no more answers');
      if (next === 'hang') return new Promise<JiraResponse>(() => undefined);
      if (next instanceof Error) throw next;
      return next;
    },
    sleep: async (ms) => {
      waits.push(ms);
    },
    timeoutMs: 20,
  });
  return { client, waits, requests, stats };
}

const issue = z.object({ id: z.string() });

describe('JiraClient', () => {
  it('parses the body and counts one point per request plus objects read', async () => {
    const { client, stats } = clientAnswering(reply(200, { id: '10001' }));
    await expect(
      client.call({ operation: 'getIssue', route: route`/rest/api/3/issue/${'SD-1'}`, schema: issue }),
    ).resolves.toEqual({ id: '10001' });
    expect(stats.snapshot()).toEqual([{ operation: 'getIssue', calls: 1, points: 2, retries: 0 }]);
  });

  it('waits for Retry-After on a burst 429 and then succeeds', async () => {
    const { client, waits } = clientAnswering(
      reply(429, {}, { 'Retry-After': '2', 'RateLimit-Reason': 'jira-burst-based' }),
      reply(200, { id: '1' }),
    );
    await client.call({ operation: 'getIssue', route: route`/rest/api/3/issue/${'SD-1'}`, schema: issue });
    expect(waits).toEqual([2000]);
  });

  it('surfaces a long Retry-After as RateLimitedError for a queue retry', async () => {
    const { client, waits } = clientAnswering(
      reply(429, {}, { 'Retry-After': '120', 'RateLimit-Reason': 'jira-burst-based' }),
    );
    const error = await client
      .call({ operation: 'searchJql', route: route`/rest/api/3/search/jql`, method: 'POST', body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ retryAfterSeconds: 120, reason: 'jira-burst-based' });
    expect(waits).toEqual([]);
  });

  it.each([['jira-quota-global-based'], ['jira-quota-tenant-based'], [undefined]])(
    'a quota 429 (%s) is never waited out inline: it defers until the pool resets at the top of the hour',
    async (reason) => {
      const { client, waits } = clientAnswering(
        reply(429, {}, { 'Retry-After': '1', ...(reason ? { 'RateLimit-Reason': reason } : {}) }),
      );
      const error = await client
        .call({ operation: 'getIssue', route: route`/rest/api/3/issue/${'SD-1'}`, schema: issue })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitedError);
      const untilReset = 3600 - Math.floor((Date.now() % 3_600_000) / 1000);
      expect((error as RateLimitedError).retryAfterSeconds).toBeGreaterThanOrEqual(untilReset - 1);
      expect(waits).toEqual([]);
    },
  );

  it('retries idempotent requests on 5xx, network errors and timeouts with growing backoff', async () => {
    const { client, waits } = clientAnswering(
      reply(503),
      new Error('socket hang up'),
      'hang',
      reply(200, { id: '1' }),
    );
    await client.call({ operation: 'getIssue', route: route`/rest/api/3/issue/${'SD-1'}`, schema: issue });
    expect(waits).toHaveLength(3);
    expect(waits[2]!).toBeGreaterThan(waits[0]!);
  });

  it('never repeats a non-idempotent write after an ambiguous failure', async () => {
    const { client, requests } = clientAnswering(reply(502));
    await expect(
      client.call({
        operation: 'addComment',
        route: route`/rest/api/3/issue/${'SD-1'}/comment`,
        method: 'POST',
        body: {},
      }),
    ).rejects.toBeInstanceOf(UpstreamError);
    expect(requests).toHaveLength(1);
  });

  it('gives up after the configured attempts', async () => {
    const { client, requests } = clientAnswering(reply(500), reply(500), reply(500), reply(500));
    await expect(
      client.call({ operation: 'getIssue', route: route`/rest/api/3/issue/${'SD-1'}` }),
    ).rejects.toBeInstanceOf(UpstreamError);
    expect(requests).toHaveLength(4);
  });

  it('returns definite errors typed, with the status', async () => {
    const { client } = clientAnswering(reply(409, { errorMessages: ['conflict'] }));
    const error = await client
      .call({
        operation: 'doTransition',
        route: route`/rest/api/3/issue/${'SD-1'}/transitions`,
        method: 'POST',
        body: {},
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraHttpError);
    expect((error as JiraHttpError).isConflict).toBe(true);
  });

  it('retries a read that Jira answered 409 (a search sent as POST included), and gives up as an outage', async () => {
    const { client, requests } = clientAnswering(reply(409), reply(200, { id: '1' }));
    await client.call({ operation: 'getIssue', route: route`/rest/api/3/issue/${'SD-1'}`, schema: issue });
    expect(requests).toHaveLength(2);
    const search = clientAnswering(reply(409), reply(409), reply(409), reply(409));
    await expect(
      search.client.call({
        operation: 'searchJql',
        route: route`/rest/api/3/search/jql`,
        method: 'POST',
        idempotent: true,
        readOnly: true,
        body: {},
      }),
    ).rejects.toBeInstanceOf(UpstreamError);
    expect(search.requests).toHaveLength(4);
  });

  it('rejects a body that does not match the schema, naming the path', async () => {
    const { client } = clientAnswering(reply(200, { id: 5 }));
    await expect(
      client.call({ operation: 'getIssue', route: route`/rest/api/3/issue/${'SD-1'}`, schema: issue }),
    ).rejects.toThrow(/getIssue.*id/);
  });
});
