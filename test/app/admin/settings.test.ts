import { NotJiraAdminError } from '../../../src/app/admin/admin-access';
import { getSettings } from '../../../src/app/admin/get-settings';
import { InvalidPayloadError } from '../../../src/app/admin/invalid-payload-error';
import { saveSettings } from '../../../src/app/admin/save-settings';
import { CONFIG_KEY, type StoredConfig } from '../../../src/app/shared/config-repository';
import { adminDeps, SERVICE_DESKS } from './admin-fixture';

describe('admin settings', () => {
  it('refuses a caller without Jira admin rights before reading anything', async () => {
    const { deps, jira } = adminDeps({ admin: false, table: [SERVICE_DESKS] });
    await expect(getSettings({}, deps)).rejects.toBeInstanceOf(NotJiraAdminError);
    await expect(
      saveSettings({ scope: 'site', settings: {}, expectedVersion: 0 }, deps),
    ).rejects.toBeInstanceOf(NotJiraAdminError);
    expect(jira.requests.map((r) => r.path)).toEqual([
      '/rest/api/3/mypermissions?permissions=ADMINISTER',
      '/rest/api/3/mypermissions?permissions=ADMINISTER',
    ]);
  });

  it('shows the guide defaults, the service desk projects and the message catalogue', async () => {
    const { deps } = adminDeps({ table: [SERVICE_DESKS] });
    const view = await getSettings({}, deps);
    expect(view.version).toBe(0);
    expect(view.site.timers).toEqual({
      clarificationReminderCount: 3,
      clarificationReminderIntervalDays: 10,
      clarificationAutoCloseDays: 40,
      resolvedAutoCloseDays: 50,
      estimateValidityWeeks: 16,
      dayCounting: 'calendar',
    });
    expect(view.site.names.statuses.clarification).toBe('Clarification required / On hold');
    expect(view.site.calendar).toMatchObject({ timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5] });
    expect(view.site.regions).toContainEqual({
      region: 'saarbruecken',
      securityLevel: 'Support Saarbrücken',
    });
    expect(view.projects).toEqual([
      { id: '10000', key: 'SUP', name: 'Support', serviceDesk: true, overridden: false },
    ]);
    expect(view.messages.find((m) => m.key === 'clarificationReminder')?.params.map((p) => p.name)).toEqual([
      'ticketKey',
      'reminderNumber',
      'reminderCount',
      'closeDate',
    ]);
    await expect(getSettings({ sneaky: 1 }, deps)).rejects.toBeInstanceOf(InvalidPayloadError);
  });

  it('saves an edited section, keeps what the page did not touch, and bumps the version', async () => {
    const { deps, fresh, store } = adminDeps({ table: [SERVICE_DESKS] });
    const { site, version } = await getSettings({}, deps);
    const settings = { ...site, timers: { ...site.timers, resolvedAutoCloseDays: 30 }, dryRun: true };
    await expect(saveSettings({ scope: 'site', settings, expectedVersion: version }, deps)).resolves.toEqual({
      ok: true,
      version: 1,
    });

    const stored = store.data.get(CONFIG_KEY) as StoredConfig;
    // Only the edited sections are written; everything else keeps following the shipped defaults.
    expect(Object.keys(stored.input as object).sort()).toEqual(['automation', 'calendar', 'timers']);
    const after = await getSettings({}, fresh());
    expect(after.site.timers.resolvedAutoCloseDays).toBe(30);
    expect(after.site.dryRun).toBe(true);
    expect(after.version).toBe(1);
  });

  it('names the field of every validation error, and changes nothing', async () => {
    const { deps, store } = adminDeps({ table: [SERVICE_DESKS] });
    const { site } = await getSettings({}, deps);
    const settings = {
      ...site,
      timers: { ...site.timers, clarificationAutoCloseDays: 20 },
      calendar: { ...site.calendar, timeZone: 'Mars/Olympus' },
      texts: {
        ...site.texts,
        clarificationReminder: { ...site.texts.clarificationReminder, de: 'Erinnerung {clsoeDate}' },
      },
      serviceTargets: { ...site.serviceTargets, P1: { responseMinutes: -5, restorationMinutes: null } },
    };
    const result = await saveSettings({ scope: 'site', settings, expectedVersion: 0 }, deps);
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map((e) => e.path).sort()).toEqual([
      'calendar.timeZone',
      'serviceTargets.P1.responseMinutes',
      'texts.clarificationReminder.de',
      'timers.clarificationAutoCloseDays',
    ]);
    expect(result.errors.find((e) => e.path === 'texts.clarificationReminder.de')?.message).toContain(
      '{clsoeDate}',
    );
    expect(store.data.has(CONFIG_KEY)).toBe(false);
  });

  it('reports type errors and unsupported choices against their fields', async () => {
    const { deps } = adminDeps({ table: [SERVICE_DESKS] });
    const { site } = await getSettings({}, deps);
    const wrongType = await saveSettings(
      { scope: 'site', settings: { ...site, pointsBudgetPerHour: 'lots' }, expectedVersion: 0 },
      deps,
    );
    expect(wrongType).toMatchObject({ ok: false, errors: [{ path: 'pointsBudgetPerHour' }] });
    const onCall = await saveSettings(
      {
        scope: 'site',
        settings: { ...site, onCall: { type: 'email', address: 'duty@example.com' } },
        expectedVersion: 0,
      },
      deps,
    );
    expect(onCall).toMatchObject({ ok: false, errors: [{ path: 'onCall' }] });
    const regions = await saveSettings(
      {
        scope: 'site',
        settings: { ...site, regions: [...site.regions, { region: 'graz', securityLevel: 'X' }] },
        expectedVersion: 0,
      },
      deps,
    );
    expect(regions).toMatchObject({ ok: false, errors: [{ path: `regions.${site.regions.length}.region` }] });
  });

  it('refuses a save based on an outdated version', async () => {
    const { deps, fresh } = adminDeps({ table: [SERVICE_DESKS] });
    const { site } = await getSettings({}, deps);
    await saveSettings({ scope: 'site', settings: { ...site, dryRun: true }, expectedVersion: 0 }, deps);
    const second = await saveSettings(
      { scope: 'site', settings: { ...site, pointsBudgetPerHour: 500 }, expectedVersion: 0 },
      fresh(),
    );
    expect(second).toMatchObject({ ok: false, errors: [{ path: '' }] });
  });

  it('stores a project override by section and shows it merged', async () => {
    const { deps, fresh, store } = adminDeps({ table: [SERVICE_DESKS] });
    store.data.set(CONFIG_KEY, {
      version: 3,
      input: { projects: ['SUP'] },
      savedAt: '2026-11-01T00:00:00.000Z',
    });
    const { site } = await getSettings({}, deps);
    const override = {
      timers: { ...site.timers, clarificationReminderCount: 2, clarificationAutoCloseDays: 30 },
    };
    await expect(
      saveSettings({ scope: 'project', projectKey: 'SUP', override, expectedVersion: 3 }, deps),
    ).resolves.toEqual({ ok: true, version: 4 });
    const view = await getSettings({}, fresh());
    expect(view.overrides.SUP).toEqual(override);
    expect(view.projects[0]?.overridden).toBe(true);

    const bad = await saveSettings(
      {
        scope: 'project',
        projectKey: 'SUP',
        override: { timers: { ...override.timers, clarificationAutoCloseDays: 5 } },
        expectedVersion: 4,
      },
      fresh(),
    );
    expect(bad).toMatchObject({ ok: false, errors: [{ path: 'timers.clarificationAutoCloseDays' }] });
  });
});
