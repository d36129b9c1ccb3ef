import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadManifest, ManifestError } from '../../../sandbox/forge/manifest';
import * as app from './fixtures/src/index';
import { FIXTURE_MANIFEST, startHost, type Harness } from './harness';

describe('Forge host resolvers', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHost();
  });
  afterEach(() => h.close());

  it('refuses a frontend payload over 500 KB without invoking the function, as Forge does', async () => {
    const call = { moduleKey: 'test-panel', functionKey: 'echo', accountId: 'acc-alice' };
    const before = h.host.invocations.length;
    const over = await h.host.invokeResolver({ ...call, payload: { blob: 'x'.repeat(500 * 1024) } });
    expect(over).toEqual({ ok: false, error: { kind: 'error', message: expect.stringContaining('500 KB') } });
    expect(h.host.invocations.length).toBe(before);
    const under = await h.host.invokeResolver({ ...call, payload: { blob: 'x'.repeat(499 * 1024) } });
    expect(under).toMatchObject({ ok: true });
  });

  it("calls the module's resolver with Forge's request shape and returns the JSON result", async () => {
    const extension = {
      type: 'jira:issueContext',
      issue: { key: 'SD-1', id: '10001', type: 'Service Request' },
    };
    const result = await h.host.invokeResolver({
      moduleKey: 'test-panel',
      functionKey: 'echo',
      payload: { at: new Date('2026-03-02T09:00:00Z') },
      accountId: 'acc-alice',
      extension,
    });

    expect(result).toEqual({
      ok: true,
      value: {
        payload: { at: '2026-03-02T09:00:00.000Z' },
        context: {
          accountId: 'acc-alice',
          cloudId: expect.any(String),
          localId: expect.any(String),
          moduleKey: 'test-panel',
          extension,
          installContext: expect.stringMatching(/^ari:cloud:jira::site\//),
          timezone: 'UTC',
          locale: 'en-US',
        },
      },
    });
    expect(h.host.invocations.at(-1)).toMatchObject({
      kind: 'resolver',
      moduleKey: 'test-panel',
      functionKey: 'resolver-fn',
      accountId: 'acc-alice',
      outcome: 'ok',
    });
  });

  it.each([
    { who: 'a user whose profile says de_DE', profile: 'de_DE', named: undefined, locale: 'de-DE' },
    { who: 'a user without a profile locale', profile: undefined, named: undefined, locale: 'en-US' },
    { who: 'a call naming its own locale', profile: 'de_DE', named: 'en-GB', locale: 'en-GB' },
  ])(
    'puts the signed-in user’s locale into the context: $who → $locale',
    async ({ profile, named, locale }) => {
      if (profile) h.site.locales.set('acc-alice', profile);
      const result = await h.host.invokeResolver({
        moduleKey: 'test-panel',
        functionKey: 'echo',
        accountId: 'acc-alice',
        ...(named ? { locale: named } : {}),
      });
      expect(result).toMatchObject({ ok: true, value: { context: { locale } } });
    },
  );

  it('reports a thrown error, an unknown resolver function and an unknown module as failures', async () => {
    h.app.behave('resolver:echo', () => {
      throw new TypeError('bad payload');
    });
    const call = { moduleKey: 'test-panel', functionKey: 'echo', accountId: 'a' };
    expect(await h.host.invokeResolver(call)).toEqual({
      ok: false,
      error: { kind: 'error', message: 'TypeError: bad payload' },
    });
    expect(await h.host.invokeResolver({ ...call, functionKey: 'nope' })).toEqual({
      ok: false,
      error: { kind: 'error', message: "Error: Resolver has no definition for 'nope'." },
    });
    expect(await h.host.invokeResolver({ ...call, moduleKey: 'nope' })).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
  });

  it('times a resolver out after 25 s (scaled) and logs it', async () => {
    h.app.behave('resolver:echo', () => h.time.advance(150));
    const result = await h.host.invokeResolver({
      moduleKey: 'test-panel',
      functionKey: 'echo',
      accountId: 'a',
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(h.host.invocations.at(-1)?.outcome).toBe('timeout');
  });

  it('notifies onInvocation listeners until unsubscribed', async () => {
    const seen: string[] = [];
    const off = h.host.onInvocation((r) => seen.push(`${r.kind}:${r.outcome}`));
    await h.host.runScheduled('hourly-tick');
    off();
    await h.host.runScheduled('hourly-tick');
    expect(seen).toEqual(['scheduled:ok']);
  });
});

describe('manifest loading', () => {
  const appModule = app as unknown as Record<string, unknown>;

  it('binds every function to its index.<export> handler and reads the modules', async () => {
    const manifest = await loadManifest(FIXTURE_MANIFEST, appModule);
    expect(manifest.functions.get('work-fn')).toMatchObject({
      handler: 'index.work',
      timeoutSeconds: 60,
      run: app.work,
    });
    expect(manifest.scheduledTriggers).toEqual([
      { key: 'hourly-tick', functionKey: 'hourly-fn', interval: 'hour' },
      { key: 'daily-tick', functionKey: 'daily-fn', interval: 'day' },
    ]);
    expect(manifest.consumers).toEqual([
      { key: 'work-consumer', queue: 'work-queue', functionKey: 'work-fn' },
    ]);
    expect(manifest.resolverModules.get('test-panel')).toBe('resolver-fn');
    expect(
      manifest.triggers.find((t) => t.key === 'issue-events')?.events.get('avi:jira:created:issue'),
    ).toEqual({ ignoreSelf: true });
  });

  it('fails loudly when the app module lacks a handler export', async () => {
    const { work: _work, ...partial } = appModule;
    await expect(loadManifest(FIXTURE_MANIFEST, partial)).rejects.toThrow(/no exported function 'work'/);
  });

  it('fails loudly on a manifest @forge/manifest rejects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forge-manifest-'));
    const path = join(dir, 'manifest.yml');
    writeFileSync(
      path,
      [
        'app:',
        '  id: ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555',
        'modules:',
        '  scheduledTrigger:',
        '    - key: t',
        '      function: f',
        '      interval: minute',
        '  function:',
        '    - key: f',
        '      handler: index.f',
        'permissions:',
        '  scopes: []',
        '',
      ].join('\n'),
    );
    const error: unknown = await loadManifest(path, appModule).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManifestError);
    expect(String(error)).toMatch(/interval/);
  });
});
