/**
 * The functions' own `fetch` on the local site: only HTTPS, only to hosts the manifest declares under
 * `permissions.external.fetch.backend` (the fixture declares `hooks.example.com` and `*.alerts.example.org`).
 * `fetch` is `@forge/api`'s, imported before the host was created, as the app's modules import it.
 */
import { ExternalEndpointNotAllowedError, fetch, type RequestInit } from '@forge/api';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startHost, type Harness } from './harness';

/** What an invocation's `fetch(url, init)` gave: the answer, or the failure with its cause. */
type Outcome = { status: number; body: string } | { error: string; cause?: unknown };

/** The cause's name and message (an `Error` of any realm; the answer crosses the resolver boundary as JSON). */
function describeCause(cause: unknown): unknown {
  if (typeof cause !== 'object' || cause === null) return cause;
  const { name, message } = cause as { name?: unknown; message?: unknown };
  return { name, message };
}

describe('Forge host: backend egress of the app functions', () => {
  let h: Harness;
  afterEach(() => h.close());

  /** Runs `fetch(url, init)` inside a resolver invocation and reports what the function saw. */
  async function fetchInside(url: string, init?: RequestInit): Promise<Outcome> {
    h.app.behave('resolver:echo', async () => {
      try {
        const response = await fetch(url, init);
        return { status: response.status, body: await response.text() };
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause;
        return {
          error: String(error),
          cause: describeCause(cause),
        };
      }
    });
    const result = await h.host.invokeResolver({
      moduleKey: 'test-panel',
      functionKey: 'echo',
      accountId: 'a',
    });
    if (!result.ok) throw new Error(`resolver failed: ${result.error.message}`);
    return result.value as Outcome;
  }

  it('a declared host gets the request as sent, and the function gets its answer', async () => {
    h = await startHost();
    const received: { method: string; url: string; type: string | null; body: string }[] = [];
    h.host.serveExternal('https://hooks.example.com', async (request) => {
      received.push({
        method: request.method,
        url: request.url,
        type: request.headers.get('content-type'),
        body: await request.text(),
      });
      return new Response('{"ok":true}', { status: 202, headers: { 'content-type': 'application/json' } });
    });

    const outcome = await fetchInside('https://hooks.example.com/alert?team=1', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ key: 'SD-1' }),
    });

    expect(outcome).toEqual({ status: 202, body: '{"ok":true}' });
    expect(received).toEqual([
      {
        method: 'POST',
        url: 'https://hooks.example.com/alert?team=1',
        type: 'application/json',
        body: '{"key":"SD-1"}',
      },
    ]);
    expect(h.host.refusedEgress).toEqual([]);
  });

  it('a wildcard entry covers its subdomains at any depth, not the domain itself', async () => {
    h = await startHost();
    for (const origin of ['https://eu.alerts.example.org', 'https://a.b.alerts.example.org'])
      h.host.serveExternal(origin, () => new Response('here'));
    expect(await fetchInside('https://eu.alerts.example.org/x')).toEqual({ status: 200, body: 'here' });
    expect(await fetchInside('https://a.b.alerts.example.org/x')).toEqual({ status: 200, body: 'here' });
    expect(await fetchInside('https://alerts.example.org/x')).toMatchObject({
      cause: { message: expect.stringContaining('not included in the external fetch backend permissions') },
    });
  });

  it('an undeclared host fails the fetch with Forge’s egress error', async () => {
    h = await startHost();
    h.host.serveExternal('https://evil.example.net', () => new Response('leaked'));
    expect(await fetchInside('https://evil.example.net/collect', { method: 'POST', body: 'x' })).toEqual({
      error: expect.stringContaining('fetch failed'),
      // Node's fetch keeps the cause itself only when it is an Error of its own realm (not under Jest): the
      // message then carries the error's name.
      cause: {
        name: expect.any(String),
        message: expect.stringContaining(
          'URL not included in the external fetch backend permissions: https://evil.example.net',
        ),
      },
    });
    expect(new ExternalEndpointNotAllowedError('x').status).toBe(403);
    expect(h.host.refusedEgress).toEqual([{ url: 'https://evil.example.net/collect', reason: 'undeclared' }]);
  });

  it('plain HTTP fails even to a declared host', async () => {
    h = await startHost();
    h.host.serveExternal('https://hooks.example.com', () => new Response('secure'));
    expect(await fetchInside('http://hooks.example.com/alert')).toMatchObject({
      cause: { message: expect.stringContaining('HTTPS only') },
    });
    expect(h.host.refusedEgress).toEqual([{ url: 'http://hooks.example.com/alert', reason: 'http' }]);
  });

  it('under the other reading a refusal is an answer: 403 for an undeclared host, 400 for plain HTTP', async () => {
    h = await startHost({ egressRefusal: 'response' });
    expect(await fetchInside('https://evil.example.net/collect')).toEqual({
      status: 403,
      body: expect.stringContaining('URL not included in the external fetch backend permissions'),
    });
    expect(await fetchInside('http://hooks.example.com/alert')).toEqual({
      status: 400,
      body: expect.stringContaining('HTTPS only'),
    });
  });

  it('a declared host nobody serves on the local site fails like an unknown host', async () => {
    h = await startHost();
    expect(await fetchInside('https://hooks.example.com/alert')).toMatchObject({
      cause: { message: expect.stringContaining('ENOTFOUND hooks.example.com') },
    });
  });

  it('requests outside an invocation pass untouched, while the host is installed and after', async () => {
    h = await startHost();
    const server = createServer((_req, res) => res.end('plain'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      expect(await (await fetch(url)).text()).toBe('plain');
      h.host.uninstall();
      expect(await (await fetch(url)).text()).toBe('plain');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
