import { NotJiraAdminError, requireJiraAdmin, type AdminDeps } from '../../../src/app/admin/admin-access';
import { resolverError } from '../../../src/entry/resolver-error';
import { adminDeps } from './admin-fixture';

const MINUTE = 60_000;
const permissionChecks = (requests: readonly { path: string }[]) =>
  requests.filter((r) => r.path.startsWith('/rest/api/3/mypermissions')).length;

/** The same deps `minutes` later, as the caller with `accountId` (from the trusted Forge context). */
const later = (deps: AdminDeps, minutes: number, accountId?: string): AdminDeps => ({
  ...deps,
  now: new Date(deps.now.getTime() + minutes * MINUTE),
  ...(accountId === undefined ? {} : { accountId }),
});

describe('requireJiraAdmin: Jira itself, as the user, says who is an administrator', () => {
  it('refuses a caller without ADMINISTER with the FORBIDDEN the admin page shows, and keeps nothing', async () => {
    const { deps, store } = adminDeps({ admin: false });
    const refusal = requireJiraAdmin({ ...deps, accountId: 'user-1' });
    await expect(refusal).rejects.toBeInstanceOf(NotJiraAdminError);
    const error = await refusal.catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'NotJiraAdminError',
      message: 'only Jira administrators may read or change the app settings',
    });
    expect(resolverError(error)).toEqual({
      code: 'FORBIDDEN',
      message: 'only Jira administrators may read or change the app settings',
    });
    expect(store.data.size).toBe(0);
  });

  it('asks Jira again after a refusal: a no is never kept', async () => {
    const { deps, jira } = adminDeps({ admin: false });
    for (const minutes of [0, 1, 2])
      await expect(requireJiraAdmin(later(deps, minutes, 'user-1'))).rejects.toBeInstanceOf(
        NotJiraAdminError,
      );
    expect(permissionChecks(jira.requests)).toBe(3);
  });

  it('keeps a yes for 15 minutes for the same account only', async () => {
    const { deps, jira, store } = adminDeps({ admin: true });
    await requireJiraAdmin(later(deps, 0, 'admin-1'));
    await requireJiraAdmin(later(deps, 14.9, 'admin-1'));
    expect(permissionChecks(jira.requests)).toBe(1);
    expect([...store.data.keys()]).toEqual(['admin-check:admin-1']);
    await requireJiraAdmin(later(deps, 1, 'admin-2'));
    expect(permissionChecks(jira.requests)).toBe(2);
    await requireJiraAdmin(later(deps, 15, 'admin-1'));
    expect(permissionChecks(jira.requests)).toBe(3);
  });

  it('a revoked administrator keeps the page at most 15 minutes', async () => {
    const { deps, store } = adminDeps({ admin: true });
    await requireJiraAdmin(later(deps, 0, 'admin-1'));
    const revoked = adminDeps({ admin: false });
    const sameStore: AdminDeps = { ...revoked.deps, app: { ...revoked.deps.app, store } };
    await expect(requireJiraAdmin(later(sameStore, 10, 'admin-1'))).resolves.toBeUndefined();
    await expect(requireJiraAdmin(later(sameStore, 15, 'admin-1'))).rejects.toBeInstanceOf(NotJiraAdminError);
  });

  it('without an account id from the Forge context, asks Jira every time and keeps nothing', async () => {
    const { deps, jira, store } = adminDeps({ admin: true });
    await requireJiraAdmin(deps);
    await requireJiraAdmin(later(deps, 1));
    expect(permissionChecks(jira.requests)).toBe(2);
    expect(store.data.size).toBe(0);
  });
});
