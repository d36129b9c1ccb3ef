import { route } from '@forge/api';
import { z } from 'zod';
import { RateLimitedError } from '../../../src/app/ports/jira-errors';
import { JiraClient, type JiraResponse } from '../../../src/adapters/jira/jira-client';
import { issueOfWrite, RateLimitGate } from '../../../src/adapters/jira/rate-limit-gate';

const ok: JiraResponse = {
  ok: true,
  status: 200,
  headers: { get: () => null },
  text: async () => '{"id":"1"}',
};
function tooMany(reason: string, retryAfter: string): JiraResponse {
  const headers: Record<string, string> = { 'retry-after': retryAfter, 'ratelimit-reason': reason };
  return {
    ok: false,
    status: 429,
    headers: { get: (n) => headers[n.toLowerCase()] ?? null },
    text: async () => '{}',
  };
}

/** Two installations served by one warm process: one gate, one client per installation. */
function process429(first: JiraResponse) {
  const holds = new RateLimitGate();
  const sent: { installation: string; path: string; method: string }[] = [];
  const clientFor = (installation: string) => {
    let answered429 = false;
    return new JiraClient({
      request: async (r, init) => {
        sent.push({ installation, path: r.value, method: init?.method ?? 'GET' });
        if (installation === 'site-a' && !answered429) {
          answered429 = true;
          return first;
        }
        return ok;
      },
      sleep: async () => undefined,
      gate: { holds, installation: () => installation },
    });
  };
  return { a: clientFor('site-a'), b: clientFor('site-b'), sent };
}

const schema = z.object({ id: z.string() });
const getIssue = (key: string) => ({ operation: 'getIssue', route: route`/rest/api/3/issue/${key}`, schema });
const editIssue = (key: string) => ({
  operation: 'editIssue',
  route: route`/rest/api/3/issue/${key}`,
  method: 'PUT' as const,
  body: {},
});

describe('rate-limit holds', () => {
  test('a quota 429 pauses every call of that installation, and only of that installation, without calling Jira', async () => {
    const { a, b, sent } = process429(tooMany('jira-quota-global-based', '30'));
    await expect(a.call(getIssue('SD-1'))).rejects.toBeInstanceOf(RateLimitedError);
    await expect(a.call(getIssue('SD-2'))).rejects.toBeInstanceOf(RateLimitedError);
    await expect(a.call(editIssue('SD-3'))).rejects.toBeInstanceOf(RateLimitedError);
    await expect(b.call(getIssue('SD-1'))).resolves.toEqual({ id: '1' });
    expect(sent.filter((s) => s.installation === 'site-a')).toHaveLength(1);
    expect(a.stats.totalPoints).toBe(0);
  });

  test('a burst 429 with a long Retry-After holds back only that endpoint', async () => {
    const { a, sent } = process429(tooMany('jira-burst-based', '60'));
    await expect(a.call(getIssue('SD-1'))).rejects.toBeInstanceOf(RateLimitedError);
    await expect(a.call(getIssue('SD-2'))).rejects.toBeInstanceOf(RateLimitedError);
    await expect(a.call(editIssue('SD-1'))).resolves.toBeUndefined();
    expect(sent).toHaveLength(2);
  });

  test("a per-issue 429 with a long Retry-After holds back only that issue's writes", async () => {
    const { a, sent } = process429(tooMany('jira-per-issue-on-write', '60'));
    await expect(a.call(editIssue('SD-1'))).rejects.toBeInstanceOf(RateLimitedError);
    await expect(a.call(editIssue('SD-1'))).rejects.toBeInstanceOf(RateLimitedError);
    await expect(a.call(editIssue('SD-2'))).resolves.toBeUndefined();
    await expect(a.call(getIssue('SD-1'))).resolves.toEqual({ id: '1' });
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      'PUT /rest/api/3/issue/SD-1',
      'PUT /rest/api/3/issue/SD-2',
      'GET /rest/api/3/issue/SD-1',
    ]);
  });

  test('a hold ends at its time', () => {
    const holds = new RateLimitGate();
    const call = { operation: 'getIssue', issue: undefined };
    const now = new Date('2026-11-29T10:20:00Z');
    holds.record('site-a', call, { reason: 'jira-quota-global-based', retryAfterSeconds: 5 }, now);
    expect(holds.blocking('site-a', call, new Date('2026-11-29T10:59:59Z'))?.scope).toBe('installation');
    expect(holds.blocking('site-a', call, new Date('2026-11-29T11:00:00Z'))).toBeUndefined();
  });

  test.each([
    ['PUT', '/rest/api/3/issue/SD-1', 'SD-1'],
    ['POST', '/rest/api/3/issue/10001/transitions', '10001'],
    ['PUT', '/rest/api/3/issue/SD-1/properties/jsm-process-state', 'SD-1'],
    ['GET', '/rest/api/3/issue/SD-1', undefined],
    ['POST', '/rest/api/3/search/jql', undefined],
    ['POST', '/rest/api/3/issueLink', undefined],
  ])('%s %s writes to issue %s', (method, path, issue) => {
    expect(issueOfWrite(method, path)).toBe(issue);
  });
});
