import { USER } from '../../sandbox/jira/seed/demo-ids';
import { useEventsSite } from '../support/local-site';

type LogLine = Record<string, unknown>;

/**
 * After install, real costs are read from the logs: every event invocation and every resolver call logs the
 * rate-limit headers Jira returned (names and values only; no ticket text, no account id).
 */
describe('rate-limit headers in the app’s logs', () => {
  const s = useEventsSite();
  const lines = (): LogLine[] =>
    s()
      .logs()
      .map((line) => JSON.parse(line) as LogLine);

  it('the event handler logs the rate-limit headers the site sent, and nothing personal', async () => {
    await s()
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Request', summary: 'Secret text' });
    await s().settle();
    const handled = lines().filter((l) => l.scope === 'events' && l.outcome === 'handled');
    expect(handled.length).toBeGreaterThan(0);
    const last = handled.at(-1) ?? {};
    expect(last['Beta-RateLimit-Policy']).toBe('"global-app-quota";q=65000;w=3600');
    expect(String(last['Beta-RateLimit'])).toMatch(/^"global-app-quota";t=\d+$/);
    expect(Number(last['X-RateLimit-Remaining'])).toBeLessThan(Number(last['X-RateLimit-Limit']));
    const text = JSON.stringify(handled);
    expect(text).not.toContain('customer-acme-1');
    expect(text).not.toContain('Secret text');
  });

  it('a resolver logs the rate-limit headers of its as-user calls', async () => {
    const key = await s()
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Request', summary: 'Panel ticket' });
    await s().settle();
    const result = await s().host.invokeResolver({
      moduleKey: 'process-panel',
      functionKey: 'getPanel',
      payload: {},
      accountId: USER.agentDach,
      extension: { issue: { key }, project: { key: 'SD' } },
    });
    expect(result).toMatchObject({ ok: true, value: { data: expect.anything() } });
    const calls = lines().filter((l) => l.event === 'resolverCalls' && l.resolver === 'getPanel');
    const last = calls.at(-1) ?? {};
    expect(Number(last.jiraCalls)).toBeGreaterThan(0);
    expect(last['Beta-RateLimit-Policy']).toBe('"global-app-quota";q=65000;w=3600');
    expect(last['X-RateLimit-Limit']).toBeDefined();
  });
});
