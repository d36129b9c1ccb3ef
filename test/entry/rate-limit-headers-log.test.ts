import { useEventsSite } from '../support/local-site';

/**
 * After install, real costs are read from the logs: every event invocation logs the rate-limit headers Jira
 * returned (names and values only; no ticket text, no account id).
 */
describe('rate-limit headers in the app’s logs', () => {
  const s = useEventsSite();

  it('the event handler logs the X-RateLimit headers the site sent, and nothing personal', async () => {
    await s()
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Request', summary: 'Secret text' });
    await s().settle();
    const handled = s()
      .logs()
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((l) => l.scope === 'events' && l.outcome === 'handled');
    expect(handled.length).toBeGreaterThan(0);
    const last = handled.at(-1) ?? {};
    expect(Number(last['X-RateLimit-Limit'])).toBe(65_000);
    expect(Number(last['X-RateLimit-Remaining'])).toBeLessThan(65_000);
    expect(String(last['X-RateLimit-Reset'])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
    const text = JSON.stringify(handled);
    expect(text).not.toContain('customer-acme-1');
    expect(text).not.toContain('Secret text');
  });
});
