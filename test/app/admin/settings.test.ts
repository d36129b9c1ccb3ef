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
      saveSettings({ scope: 'site', settings: {}, managedProjects: [], expectedVersion: 0 }, deps),
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
      estimateNoticeBeforeDays: null,
      dayCounting: 'calendar',
      estimateRenewal: { mode: 'newRequest', accountManagers: '', linkType: 'Relates' },
    });
    expect(view.site.names.statuses.clarification).toBe('Clarification required / On hold');
    expect(view.site.calendar).toMatchObject({ timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5] });
    expect(view.site.regions.regions).toContainEqual({
      region: 'saarbruecken',
      name: 'Saarbrücken',
      securityLevel: 'Support Saarbrücken',
      timeZone: 'Europe/Berlin',
      holidayRegion: 'DE-SL',
    });
    expect(view.site.regions).toMatchObject({
      organizations: [],
      defaultRegion: 'saarbruecken',
      fallbackSecurityLevel: 'Support restricted',
      liftRestrictionOnNo: true,
      defaultLanguage: 'de',
    });
    expect(view.site.onCall).toEqual({ mode: 'none', target: '' });
    expect(view.projects).toEqual([
      { id: '10000', key: 'SUP', name: 'Support', serviceDesk: true, overridden: false, managed: false },
    ]);
    // Every message of the domain's catalogue, with its audience.
    expect(view.messages).toHaveLength(19);
    expect(Object.keys(view.site.texts)).toHaveLength(19);
    expect(view.messages.find((m) => m.key === 'priorityMismatch')).toMatchObject({
      audience: 'internal',
      params: [{ name: 'ticketKey' }, { name: 'priority' }, { name: 'type' }],
    });
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
    // The kept field index, issue type and security level ids are forgotten by a save (a newly configured field name resolves at once).
    await store.set('events:field-ids', { at: new Date().toISOString(), byName: {} });
    await store.set('events:issue-type-ids', { byName: { request: 't-old' } });
    await store.set('events:security-level-ids', { byName: { 'SD:support graz': 's-old' } });
    const settings = { ...site, timers: { ...site.timers, resolvedAutoCloseDays: 30 }, dryRun: true };
    await expect(
      saveSettings({ scope: 'site', settings, managedProjects: [], expectedVersion: version }, deps),
    ).resolves.toEqual({
      ok: true,
      version: 1,
    });

    expect(store.data.has('events:field-ids')).toBe(false);
    expect(store.data.has('events:issue-type-ids')).toBe(false);
    expect(store.data.has('events:security-level-ids')).toBe(false);
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
    const result = await saveSettings(
      { scope: 'site', settings, managedProjects: [], expectedVersion: 0 },
      deps,
    );
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
      {
        scope: 'site',
        settings: { ...site, pointsBudgetPerHour: 'lots' },
        managedProjects: [],
        expectedVersion: 0,
      },
      deps,
    );
    expect(wrongType).toMatchObject({ ok: false, errors: [{ path: 'pointsBudgetPerHour' }] });
    const regions = await saveSettings(
      {
        scope: 'site',
        settings: {
          ...site,
          regions: { ...site.regions, regions: [...site.regions.regions, { ...site.regions.regions[0]! }] },
        },
        managedProjects: [],
        expectedVersion: 0,
      },
      deps,
    );
    expect(regions).toMatchObject({
      ok: false,
      errors: [{ path: `regions.regions.${site.regions.regions.length}.region` }],
    });
  });

  it('offers the on-call modes of the domain and requires a target for Opsgenie and webhooks', async () => {
    const { deps, fresh } = adminDeps({ table: [SERVICE_DESKS] });
    const { site } = await getSettings({}, deps);
    const save = (onCall: unknown, version = 0, d = deps) =>
      saveSettings(
        { scope: 'site', settings: { ...site, onCall }, managedProjects: [], expectedVersion: version },
        d,
      );
    await expect(save({ mode: 'opsgenie', target: '  ' })).resolves.toMatchObject({
      ok: false,
      errors: [{ path: 'onCall.target' }],
    });
    await expect(save({ type: 'email', address: 'duty@example.com' })).resolves.toMatchObject({ ok: false });
    await expect(save({ mode: 'webhook', target: 'https://oncall.example.com/hook' })).resolves.toEqual({
      ok: true,
      version: 1,
    });
    expect((await getSettings({}, fresh())).site.onCall).toEqual({
      mode: 'webhook',
      target: 'https://oncall.example.com/hook',
    });
    // Back to nobody: the stored target is dropped with the mode.
    await expect(save({ mode: 'none', target: '' }, 1, fresh())).resolves.toEqual({ ok: true, version: 2 });
    expect((await getSettings({}, fresh())).site.onCall).toEqual({ mode: 'none', target: '' });
  });

  it('edits regions, organizations and their languages, with errors on the row that is wrong', async () => {
    const { deps, fresh } = adminDeps({ table: [SERVICE_DESKS] });
    const { site } = await getSettings({}, deps);
    const regions = {
      regions: [
        {
          region: 'saarbruecken',
          name: 'Saarbrücken (SB)',
          securityLevel: 'Support SB',
          timeZone: 'Europe/Berlin',
          holidayRegion: 'DE-SL',
        },
        {
          region: 'graz',
          name: '',
          securityLevel: 'Support Graz',
          timeZone: 'Mars/Olympus',
          holidayRegion: 'AT-6',
        },
      ],
      organizations: [
        { organization: 'ACME GmbH', region: 'saarbruecken', language: 'de' as const },
        { organization: 'Globex Ltd', region: 'london', language: 'en' as const },
        { organization: 'Initech', region: '', language: 'en' as const },
      ],
      defaultRegion: 'saarbruecken',
      fallbackSecurityLevel: 'Support restricted',
      liftRestrictionOnNo: true,
      defaultLanguage: 'en' as const,
    };
    const bad = await saveSettings(
      { scope: 'site', settings: { ...site, regions }, managedProjects: [], expectedVersion: 0 },
      deps,
    );
    if (bad.ok) throw new Error('expected errors');
    expect(bad.errors.map((e) => e.path).sort()).toEqual([
      'regions.organizations.1.region',
      'regions.regions.1.timeZone',
    ]);
    expect(bad.errors.find((e) => e.path === 'regions.regions.1.timeZone')?.message).toMatch(
      /IANA time zone/,
    );

    regions.regions[1]!.timeZone = 'Europe/Vienna';
    regions.organizations[1]!.region = 'graz';
    await expect(
      saveSettings(
        { scope: 'site', settings: { ...site, regions }, managedProjects: [], expectedVersion: 0 },
        deps,
      ),
    ).resolves.toEqual({ ok: true, version: 1 });
    const after = await getSettings({}, fresh());
    expect(after.site.regions).toEqual(regions);
  });

  it('manages the projects the admin ticks, and records every save in the audit trail', async () => {
    const { deps, fresh, store } = adminDeps({ table: [SERVICE_DESKS] });
    const { site } = await getSettings({}, deps);
    await expect(
      saveSettings({ scope: 'site', settings: site, managedProjects: ['SUP'], expectedVersion: 0 }, deps),
    ).resolves.toEqual({ ok: true, version: 1 });
    const stored = store.data.get(CONFIG_KEY) as StoredConfig;
    expect(stored.input).toEqual({ projects: ['SUP'] });
    expect((await getSettings({}, fresh())).projects[0]).toMatchObject({ key: 'SUP', managed: true });

    const bad = await saveSettings(
      { scope: 'site', settings: site, managedProjects: ['sup'], expectedVersion: 1 },
      fresh(),
    );
    expect(bad).toMatchObject({ ok: false, errors: [{ path: 'projects' }] });

    const audit = [...store.data.entries()].filter(([key]) => key.startsWith('audit:p::'));
    expect(audit.map(([, value]) => value)).toEqual([
      {
        at: '2026-11-27T09:00:00.000Z',
        projectKey: '',
        issueKey: '',
        issueId: '',
        action: 'settingsSaved',
        outcome: 'done',
        source: 'admin',
        detail: 'version 1',
        idempotencyKey: 'settings:v1',
        changes: [{ path: 'projects', from: '—', to: 'SUP' }],
      },
    ]);
  });

  it('records who saved and which settings changed, old → new, long texts shortened', async () => {
    const { deps, fresh, store } = adminDeps({ table: [SERVICE_DESKS] });
    const { site } = await getSettings({}, deps);
    const text = 'Bitte antworten Sie uns. '.repeat(10);
    await saveSettings(
      {
        scope: 'site',
        settings: {
          ...site,
          timers: { ...site.timers, resolvedAutoCloseDays: 10 },
          texts: { ...site.texts, clarificationReminder: { ...site.texts.clarificationReminder, de: text } },
        },
        managedProjects: [],
        expectedVersion: 0,
      },
      { ...fresh(), accountId: 'admin-account-1' },
    );
    const [entry] = [...store.data.entries()]
      .filter(([key]) => key.startsWith('audit:p::'))
      .map(([, value]) => value as { actorAccountId?: string; changes?: unknown[] });
    expect(entry?.actorAccountId).toBe('admin-account-1');
    expect(entry?.changes).toEqual([
      { path: 'timers.resolvedAutoCloseDays', from: '50', to: '10' },
      {
        path: 'texts.clarificationReminder.de',
        from: expect.any(String),
        to: `${'Bitte antworten Sie uns. '.repeat(3).slice(0, 59)}…`,
      },
    ]);
  });

  it('refuses a save based on an outdated version', async () => {
    const { deps, fresh } = adminDeps({ table: [SERVICE_DESKS] });
    const { site } = await getSettings({}, deps);
    await saveSettings(
      { scope: 'site', settings: { ...site, dryRun: true }, managedProjects: [], expectedVersion: 0 },
      deps,
    );
    const second = await saveSettings(
      {
        scope: 'site',
        settings: { ...site, pointsBudgetPerHour: 500 },
        managedProjects: [],
        expectedVersion: 0,
      },
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
