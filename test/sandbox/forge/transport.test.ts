import api, { getAppContext, NeedsAuthenticationError, route } from '@forge/api';

import { ManualRunningTime } from '../../../sandbox/forge/running-time';
import { startHost, type Harness } from './harness';

describe('Forge host transport: requestJira', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHost();
  });
  afterEach(() => h.close());

  it('sends asApp() requests to the site as the app, with path, method, headers and body intact', async () => {
    const res = await api.asApp().requestJira(route`/rest/api/3/issue/${'SD-1'}?fields=${'summary,status'}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ fields: { summary: 'x' } }),
    });

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ principal: { kind: 'app' } });
    expect(h.site.requests).toEqual([
      {
        method: 'PUT',
        path: '/rest/api/3/issue/SD-1?fields=summary%2Cstatus',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: '{"fields":{"summary":"x"}}',
        principal: { kind: 'app' },
      },
    ]);
  });

  it('passes status, headers and an empty 204 body back to the caller', async () => {
    h.site.reply = () => ({ status: 204, headers: { 'x-custom': 'yes' }, body: '' });
    const res = await api.asApp().requestJira(route`/rest/api/3/issue/SD-1`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(res.ok).toBe(true);
    expect(res.headers.get('x-custom')).toBe('yes');
    expect(await res.text()).toBe('');
  });

  it('sends asUser() requests inside a resolver as the invoking user, and logs them with points', async () => {
    h.app.behave('resolver:echo', async () => {
      const res = await api.asUser().requestJira(route`/rest/api/3/myself`);
      return res.json();
    });

    const result = await h.host.invokeResolver({
      moduleKey: 'test-panel',
      functionKey: 'echo',
      accountId: 'acc-alice',
    });

    expect(result).toEqual({ ok: true, value: { principal: { kind: 'user', accountId: 'acc-alice' } } });
    const record = h.host.invocations.at(-1);
    expect(record?.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/rest/api/3/myself',
        status: 200,
        principal: { kind: 'user', accountId: 'acc-alice' },
        points: 1,
      }),
    ]);
  });

  it('keeps concurrent invocations apart: each asUser() call acts as its own user', async () => {
    h.app.behave('resolver:echo', async (request) => {
      const { payload } = request as { payload: { delay: number } };
      await new Promise((resolve) => setTimeout(resolve, payload.delay));
      const res = await api.asUser().requestJira(route`/rest/api/3/myself`);
      return res.json();
    });

    const [alice, bob] = await Promise.all([
      h.host.invokeResolver({
        moduleKey: 'test-panel',
        functionKey: 'echo',
        payload: { delay: 15 },
        accountId: 'a',
      }),
      h.host.invokeResolver({
        moduleKey: 'test-panel',
        functionKey: 'echo',
        payload: { delay: 1 },
        accountId: 'b',
      }),
    ]);

    expect(alice).toEqual({ ok: true, value: { principal: { kind: 'user', accountId: 'a' } } });
    expect(bob).toEqual({ ok: true, value: { principal: { kind: 'user', accountId: 'b' } } });
  });

  it('rejects asUser() outside a user-led invocation with NeedsAuthenticationError', async () => {
    await expect(api.asUser().requestJira(route`/rest/api/3/myself`)).rejects.toBeInstanceOf(
      NeedsAuthenticationError,
    );
    expect(h.site.requests).toHaveLength(0);
  });

  it('serves asUser(accountId) as that account even from a background invocation', async () => {
    h.app.behave('hourly', async () =>
      (await api.asUser('acc-bob').requestJira(route`/rest/api/3/myself`)).json(),
    );
    await h.host.runScheduled('hourly-tick');
    expect(h.site.requests[0]?.principal).toEqual({ kind: 'user', accountId: 'acc-bob' });
  });

  /** A host whose invocations' running time moves only when the test moves it, at full platform scale. */
  async function handDrivenHost(): Promise<ManualRunningTime> {
    h.close();
    const time = new ManualRunningTime();
    h = await startHost({ runningTime: time, timeScale: 1 });
    return time;
  }

  it("answers getAppContext() with the current invocation's module, id and remaining platform time", async () => {
    const time = await handDrivenHost();
    let seen: Record<string, unknown> = {};
    const left: number[] = [];
    h.app.behave('hourly', async () => {
      const ctx = getAppContext();
      seen = { moduleKey: ctx.moduleKey, invocationId: ctx.invocationId, app: String(ctx.appAri) };
      left.push(ctx.invocationRemainingTimeInMillis());
      // 20 s of work, then one REST round trip (the host's 50 ms latency) count against the 55 s limit.
      time.advance(20_000);
      left.push(getAppContext().invocationRemainingTimeInMillis());
      await api.asApp().requestJira(route`/rest/api/3/myself`);
      left.push(getAppContext().invocationRemainingTimeInMillis());
    });

    const record = await h.host.runScheduled('hourly-tick');

    expect(record.outcome).toBe('ok');
    expect(seen).toEqual({
      moduleKey: 'hourly-tick',
      invocationId: record.id,
      app: 'ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555',
    });
    expect(left).toEqual([55_000, 35_000, 34_950]);
  });

  it('ends an invocation as a timeout when a round trip takes it past the limit: the answer never arrives', async () => {
    const time = await handDrivenHost();
    let answered = false;
    h.app.behave('hourly', async () => {
      time.advance(54_951);
      await api.asApp().requestJira(route`/rest/api/3/myself`);
      answered = true;
    });

    const record = await h.host.runScheduled('hourly-tick');

    expect(record.outcome).toBe('timeout');
    expect(record.requests).toHaveLength(1);
    expect(answered).toBe(false);
  });

  it('ends an invocation as a timeout once its running time reaches the limit, without any call', async () => {
    const time = await handDrivenHost();
    let release = () => undefined as void;
    h.app.behave('hourly', async () => {
      time.advance(55_000);
      // A handler that does not settle by itself: only the time limit ends the invocation.
      await new Promise<void>((done) => {
        release = done;
      });
    });

    const record = await h.host.runScheduled('hourly-tick');

    expect(record.outcome).toBe('timeout');
    expect(record.error).toBe('Function timed out after 55 s');
    release();
  });

  it('uninstall() restores the globals, so SDK calls fail as they do outside Forge', async () => {
    h.host.uninstall();
    await expect(api.asApp().requestJira(route`/rest/api/3/myself`)).rejects.toThrow(TypeError);
    h.host.install();
  });
});
