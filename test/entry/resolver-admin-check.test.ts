import { USER } from '../../sandbox/jira/seed/demo-ids';
import { processPermissionCache } from '../../src/adapters/jira/permission-cache';
import { resolver } from '../../src/entry/resolver';
import { startEventsSite, type LocalSite } from '../support/local-site';

/** Resolvers an agent may call (the issue panel); every other resolver is the admin page's. */
const AGENT_RESOLVERS = ['getPanel'];

/** Every resolver `src/entry/resolver.ts` defines, read from the Resolver itself, so a new one is covered. */
const defined = Object.keys((resolver as unknown as { functions: Record<string, unknown> }).functions);
const adminResolvers = defined.filter((key) => !AGENT_RESOLVERS.includes(key));

describe('every admin resolver checks Jira admin rights first', () => {
  let s: LocalSite;
  beforeAll(async () => {
    s = await startEventsSite();
  });
  afterAll(() => s.close());

  it('enumerates the defined resolvers', () => {
    expect(defined).toEqual(expect.arrayContaining(AGENT_RESOLVERS));
    expect(adminResolvers.length).toBeGreaterThanOrEqual(6);
  });

  it.each(adminResolvers)(
    '%s refuses a non-admin before reading its payload or the settings',
    async (key) => {
      const before = s.host.kvs.keys('kvs').length;
      // A payload of the wrong shape: a resolver that validated before checking would answer INVALID.
      for (const payload of [{}, { unexpected: true }]) {
        const result = await s.host.invokeResolver({
          moduleKey: 'process-admin',
          functionKey: key,
          payload,
          accountId: USER.agentDach,
        });
        expect(result).toMatchObject({ ok: true, value: { error: { code: 'FORBIDDEN' } } });
      }
      expect(s.host.kvs.keys('kvs').length).toBe(before);
    },
  );

  it.each(adminResolvers)('%s answers an admin (not FORBIDDEN)', async (key) => {
    const result = await s.host.invokeResolver({
      moduleKey: 'process-admin',
      functionKey: key,
      payload: {},
      accountId: USER.admin,
    });
    expect(result).toMatchObject({ ok: true });
    expect((result as { value?: { error?: { code?: string } } }).value?.error?.code).not.toBe('FORBIDDEN');
  });

  it("keeps an admin's yes in storage for 15 minutes per user, across processes, and asks again after", async () => {
    const installation = '1a570000-0000-4000-8000-000000000001';
    const asked = () => s.site.metrics.all().getMyPermissions?.requests ?? 0;
    const open = async (accountId: string) => {
      // Each call in a new process (the local site's installation): the process's minute-long cache knows nothing.
      processPermissionCache.forget(installation);
      const result = await s.host.invokeResolver({
        moduleKey: 'process-admin',
        functionKey: 'getActivity',
        payload: {},
        accountId,
      });
      return (result as { value?: { error?: { code?: string } } }).value?.error?.code ?? 'OK';
    };
    s.clock.advance(60 * 60_000);
    const before = asked();
    expect(await open(USER.admin)).toBe('OK');
    expect(asked() - before).toBe(1);
    s.clock.advance(14 * 60_000);
    expect(await open(USER.admin)).toBe('OK');
    expect(asked() - before).toBe(1);
    // Another user is asked for themself, and a no is never served from another's yes.
    expect(await open(USER.agentDach)).toBe('FORBIDDEN');
    expect(asked() - before).toBe(2);
    s.clock.advance(2 * 60_000);
    expect(await open(USER.admin)).toBe('OK');
    expect(asked() - before).toBe(3);
  });
});
