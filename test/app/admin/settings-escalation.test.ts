import { getSettings } from '../../../src/app/admin/get-settings';
import { saveSettings } from '../../../src/app/admin/save-settings';
import { CONFIG_KEY, type StoredConfig } from '../../../src/app/shared/config-repository';
import type { ProcessSettings } from '../../../src/contract/settings';
import { adminDeps, SERVICE_DESKS } from './admin-fixture';

/** Saves the site settings as the page would, based on the version just read. */
async function save(
  deps: ReturnType<typeof adminDeps>['deps'],
  edit: (s: ProcessSettings) => ProcessSettings,
) {
  const { site, version } = await getSettings({}, deps);
  return saveSettings(
    { scope: 'site', settings: edit(site), managedProjects: [], expectedVersion: version },
    deps,
  );
}

describe('admin settings: the escalation wait, its region groups and the estimate renewal', () => {
  it('shows the guide defaults', async () => {
    const { deps } = adminDeps({ table: [SERVICE_DESKS] });
    const { site } = await getSettings({}, deps);
    expect(site.escalation.waitHoursBetweenLevels).toBe(24);
    expect(site.escalation.regionGroups).toEqual([
      { region: 'saarbruecken', group: 'dach' },
      { region: 'graz', group: 'dach' },
    ]);
    expect(site.timers.estimateRenewal).toEqual({
      mode: 'newRequest',
      accountManagers: '',
      linkType: 'Relates',
    });
  });

  it('saves them into the configuration the rules read, and a removed region group stays removed', async () => {
    const { deps, fresh, store } = adminDeps({ table: [SERVICE_DESKS] });
    const result = await save(deps, (s) => ({
      ...s,
      escalation: {
        ...s.escalation,
        waitHoursBetweenLevels: 48,
        regionGroups: [{ region: 'graz', group: 'international' }],
      },
      timers: {
        ...s.timers,
        estimateRenewal: { mode: 'accountManagerNote', accountManagers: 'acc-1, acc-2', linkType: 'Relates' },
      },
    }));
    expect(result).toEqual({ ok: true, version: 1 });
    const input = (store.data.get(CONFIG_KEY) as StoredConfig).input as {
      escalation: { waitHoursBetweenLevels: number; regionGroups: Record<string, string> };
      timers: { estimate: { renewal: unknown } };
    };
    expect(input.escalation.waitHoursBetweenLevels).toBe(48);
    expect(input.escalation.regionGroups).toEqual({ graz: 'international' });
    expect(input.timers.estimate.renewal).toEqual({
      mode: 'accountManagerNote',
      accountManagers: ['acc-1', 'acc-2'],
      linkType: 'Relates',
    });
    const after = (await getSettings({}, fresh())).site;
    expect(after.escalation.regionGroups).toEqual([{ region: 'graz', group: 'international' }]);
    expect(after.timers.estimateRenewal.accountManagers).toBe('acc-1, acc-2');
  });

  it('names the field of a wait out of range and of a note without account managers', async () => {
    const { deps, store } = adminDeps({ table: [SERVICE_DESKS] });
    const result = await save(deps, (s) => ({
      ...s,
      escalation: { ...s.escalation, waitHoursBetweenLevels: 9000 },
      timers: {
        ...s.timers,
        estimateRenewal: { mode: 'accountManagerNote', accountManagers: '', linkType: 'Relates' },
      },
    }));
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map((e) => e.path).sort()).toEqual([
      'escalation.waitHoursBetweenLevels',
      'timers.estimateRenewal.accountManagers',
    ]);
    expect(store.data.has(CONFIG_KEY)).toBe(false);
  });
});
