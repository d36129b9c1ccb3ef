import { SimClock } from '../../sandbox/clock';
import { createForgeHost, type ForgeHost } from '../../sandbox/forge/host';
import type { KvsConflictShape } from '../../sandbox/forge/kvs-wire';
import { forgeKvsStore } from '../../src/adapters/forge-kvs-store';
import * as index from '../../src/index';
import { FakeSite } from '../sandbox/forge/fake-site';

type ForgeFetch = (target: { type: string }, path: string, init?: { body?: unknown }) => Promise<Response>;
const g = globalThis as { __forge_fetch__?: ForgeFetch };

/**
 * The KVS adapter's conditional writes through the real `@forge/kvs` on the local host. How KVS answers a failed
 * condition is undocumented, so the adapter reads the key after any error; it must decide right under every
 * answer the local site can give.
 */
describe.each<KvsConflictShape>(['keyConflict', 'preconditionFailed'])(
  'conditional KVS writes when a conflict is answered as %s',
  (shape) => {
    let clock: SimClock;
    let host: ForgeHost;
    beforeEach(async () => {
      clock = new SimClock('2026-03-02T08:00:00Z');
      host = await createForgeHost({ site: new FakeSite(), clock, app: index, kvsConflict: shape });
      host.install();
    });
    afterEach(() => {
      host.uninstall();
      clock.uninstall();
    });

    it('setIfAbsent: the first writer wins, the second learns it lost', async () => {
      expect(await forgeKvsStore.setIfAbsent('act:1', { by: 'a' })).toBe(true);
      expect(await forgeKvsStore.setIfAbsent('act:1', { by: 'b' })).toBe(false);
      expect(await forgeKvsStore.get('act:1')).toEqual({ by: 'a' });
    });

    it('setIfAbsent: an error that left the key absent is not a conflict, it is rethrown', async () => {
      const real = g.__forge_fetch__;
      g.__forge_fetch__ = async (target, path, init) => {
        if (target.type === 'kvs' && path.endsWith('/set')) throw new Error('connection reset');
        return real!(target, path, init);
      };
      try {
        await expect(forgeKvsStore.setIfAbsent('act:2', { by: 'a' })).rejects.toThrow('connection reset');
      } finally {
        g.__forge_fetch__ = real;
      }
    });

    it('setIfAbsent: a key deleted between the refused write and the read back is written after all', async () => {
      await forgeKvsStore.set('act:4', { by: 'holder' });
      const real = g.__forge_fetch__;
      let deleted = false;
      g.__forge_fetch__ = async (target, path, init) => {
        const response = await real!(target, path, init);
        if (!deleted && target.type === 'kvs' && path.endsWith('/set')) {
          // The holder gives its claim back just after this write was refused.
          deleted = true;
          await forgeKvsStore.delete('act:4');
        }
        return response;
      };
      try {
        expect(await forgeKvsStore.setIfAbsent('act:4', { by: 'next' })).toBe(true);
      } finally {
        g.__forge_fetch__ = real;
      }
      expect(await forgeKvsStore.get('act:4')).toEqual({ by: 'next' });
    });

    it('setIfAbsent: an error after the write landed is taken as "not ours" (the safe side)', async () => {
      const real = g.__forge_fetch__;
      g.__forge_fetch__ = async (target, path, init) => {
        const response = await real!(target, path, init);
        if (target.type === 'kvs' && path.endsWith('/set')) throw new Error('answer lost');
        return response;
      };
      try {
        expect(await forgeKvsStore.setIfAbsent('act:3', { by: 'a' })).toBe(false);
      } finally {
        g.__forge_fetch__ = real;
      }
      expect(await forgeKvsStore.get('act:3')).toEqual({ by: 'a' });
    });

    it('setIfVersion: a save against a stale version is refused with the stamp that won', async () => {
      expect(await forgeKvsStore.setIfVersion('config', { v: 1 }, 0, { version: 1 })).toEqual({ ok: true });
      expect(await forgeKvsStore.setIfVersion('config', { v: 'stale' }, 0, { version: 1 })).toEqual({
        ok: false,
        current: { version: 1 },
      });
      expect(await forgeKvsStore.setIfVersion('config', { v: 2 }, 1, { version: 2 })).toEqual({ ok: true });
      expect(await forgeKvsStore.get('config')).toEqual({ v: 2 });
    });
  },
);
