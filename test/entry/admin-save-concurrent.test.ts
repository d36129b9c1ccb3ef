import { USER } from '../../sandbox/jira/seed/demo-ids';
import type { SaveSettingsResult, SettingsView } from '../../src/contract/settings';
import { CONFIG_KEY, type StoredConfig } from '../../src/app/shared/config-repository';
import { startEventsSite, type LocalSite } from '../support/local-site';
import { invokeThroughPage } from '../../sandbox/forge/page-view';

/**
 * Two admins save on the same version at the same moment, through the real resolver on the local site (whose
 * KVS evaluates transaction conditions on custom entities, as Forge documents). Exactly one save is stored;
 * the other is told who saved meanwhile and when.
 */
describe('admin saves are compare-and-set', () => {
  let s: LocalSite;
  afterEach(() => s.close());

  async function resolve<T>(
    functionKey: string,
    payload: unknown,
    accountId: string = USER.admin,
  ): Promise<T> {
    const result = await invokeThroughPage(s.host, s.site, {
      moduleKey: 'process-admin',
      functionKey,
      payload,
      accountId,
    });
    if (!result.ok) throw new Error(`${functionKey}: ${JSON.stringify(result.error)}`);
    const answer = result.value as { data?: T; error?: unknown };
    if (answer.data === undefined) throw new Error(`${functionKey}: ${JSON.stringify(answer.error)}`);
    return answer.data;
  }

  function save(view: SettingsView, dryRun: boolean, accountId: string): Promise<SaveSettingsResult> {
    return resolve<SaveSettingsResult>(
      'saveSettings',
      {
        scope: 'site',
        settings: { ...view.site, dryRun },
        managedProjects: view.projects.filter((p) => p.managed).map((p) => p.key),
        expectedVersion: view.version,
      },
      accountId,
    );
  }

  it('of two concurrent saves on one version exactly one wins; the other names the winner and the time', async () => {
    s = await startEventsSite();
    const view = await resolve<SettingsView>('getSettings', {});
    const results = await Promise.all([save(view, true, USER.admin), save(view, false, USER.admin)]);
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toEqual([{ ok: true, version: view.version + 1 }]);
    expect(lost).toHaveLength(1);
    // What is stored is the winner's whole save, not a mix; the loser is told that save's time and author.
    const stored = s.host.kvs.get('kvs', CONFIG_KEY)?.value as StoredConfig;
    expect(stored.version).toBe(view.version + 1);
    expect(lost[0]).toMatchObject({
      ok: false,
      errors: [{ path: '', message: expect.stringContaining('changed meanwhile') }],
      conflict: {
        version: view.version + 1,
        savedAt: stored.savedAt,
        savedBy: USER.admin,
        savedByName: expect.any(String),
      },
    });
    const winnerDryRun = results[0]?.ok === true;
    expect((stored.input as { automation?: { dryRun?: boolean } }).automation?.dryRun ?? false).toBe(
      winnerDryRun,
    );
    const after = await resolve<SettingsView>('getSettings', {});
    expect(after.version).toBe(view.version + 1);
    // Saving again on the version now stored works.
    expect(await save(after, true, USER.admin)).toEqual({ ok: true, version: view.version + 2 });
  });

  it('a save on a version another admin already replaced is refused with the time of that save', async () => {
    s = await startEventsSite();
    const view = await resolve<SettingsView>('getSettings', {});
    expect(await save(view, true, USER.admin)).toEqual({ ok: true, version: view.version + 1 });
    const late = await save(view, false, USER.admin);
    expect(late).toMatchObject({ ok: false, conflict: { version: view.version + 1, savedBy: USER.admin } });
  });
});
