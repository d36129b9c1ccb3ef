import { USER } from '../../sandbox/jira/seed/demo-ids';
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
});
