import { getSettings } from '../../../src/app/admin/get-settings';
import { saveSettings } from '../../../src/app/admin/save-settings';
import { InvalidPayloadError } from '../../../src/app/admin/invalid-payload-error';
import { draftSettings } from '../../../src/app/admin/settings-draft';
import type { AuditEntry } from '../../../src/app/shared/audit-log';
import { CONFIG_KEY, type StoredConfig } from '../../../src/app/shared/config-repository';
import type { ProcessSettings } from '../../../src/contract/settings';
import { adminDeps, SERVICE_DESKS } from './admin-fixture';

type Fixture = ReturnType<typeof adminDeps>;

/** A fixture whose stored configuration has the given input (version 1). */
async function storedAs(input: Record<string, unknown>) {
  const fixture = adminDeps({ table: [SERVICE_DESKS] });
  fixture.store.data.set(CONFIG_KEY, { version: 1, input, savedAt: '2026-11-01T00:00:00.000Z' });
  const { site } = await getSettings({}, fixture.deps);
  return { ...fixture, site };
}

/** The stored input a site save of these settings would write. */
async function siteDraft(fixture: Fixture, settings: ProcessSettings, extra: Record<string, unknown> = {}) {
  const draft = await draftSettings(
    { scope: 'site', settings, managedProjects: [], expectedVersion: 1, ...extra },
    fixture.deps,
  );
  if ('result' in draft) throw new Error(JSON.stringify(draft.result));
  return draft.next;
}

function auditChanges(store: Fixture['store']) {
  return [...store.data.entries()]
    .filter(([key]) => key.startsWith('audit:p:'))
    .flatMap(([, value]) => (value as AuditEntry).changes ?? []);
}

describe('draftSettings', () => {
  describe('the managed projects', () => {
    it('are written without blanks and repeats, in key order', async () => {
      const fixture = await storedAs({});
      const next = await siteDraft(fixture, fixture.site, { managedProjects: [' ZED ', 'SUP', 'ZED'] });
      expect(next.projects).toEqual(['SUP', 'ZED']);
    });

    it('are left as stored when only their order differs', async () => {
      const fixture = await storedAs({ projects: ['ZED', 'SUP'] });
      const next = await siteDraft(fixture, fixture.site, { managedProjects: ['SUP', 'ZED'] });
      expect(next).toEqual({ projects: ['ZED', 'SUP'] });
    });
  });

  describe('the master switch', () => {
    it.each([
      ['left out', {}],
      ['as it is', { automationEnabled: true }],
    ])('is not written when %s', async (_name, extra) => {
      const fixture = await storedAs({});
      expect(await siteDraft(fixture, fixture.site, extra)).toEqual({});
    });

    it('is written when flipped, and the audit names it', async () => {
      const fixture = await storedAs({});
      expect(await siteDraft(fixture, fixture.site, { automationEnabled: false })).toEqual({
        automation: { enabled: false },
      });
      await saveSettings(
        {
          scope: 'site',
          settings: fixture.site,
          managedProjects: [],
          automationEnabled: false,
          expectedVersion: 1,
        },
        fixture.deps,
      );
      expect(auditChanges(fixture.store)).toEqual([{ path: 'automationEnabled', from: 'true', to: 'false' }]);
    });
  });

  it('refuses a payload of the wrong shape', async () => {
    const fixture = await storedAs({});
    await expect(draftSettings({ scope: 'everywhere', expectedVersion: 1 }, fixture.deps)).rejects.toThrow(
      InvalidPayloadError,
    );
  });

  describe('an edited section', () => {
    it.each([
      [
        'a table shortened',
        (s: ProcessSettings) => ({ calendar: { ...s.calendar, workingDays: [1, 2, 3, 4] } }),
        { calendar: { workingDays: [1, 2, 3, 4] } },
      ],
      [
        'a number changed',
        (s: ProcessSettings) => ({ timers: { ...s.timers, resolvedAutoCloseDays: 5 } }),
        { timers: { resolved: { closeAfterDays: 5 } } },
      ],
    ])('is written when %s', async (_name, edit, written) => {
      const fixture = await storedAs({});
      const next = await siteDraft(fixture, { ...fixture.site, ...edit(fixture.site) });
      expect(next).toMatchObject(written);
    });
  });

  it('answers with the problems of a site section and drafts nothing', async () => {
    const fixture = await storedAs({});
    const regions = {
      ...fixture.site.regions,
      organizations: [{ organization: 'ACME GmbH', region: '', language: '' as const }],
    };
    const draft = await draftSettings(
      { scope: 'site', settings: { ...fixture.site, regions }, managedProjects: [], expectedVersion: 1 },
      fixture.deps,
    );
    expect(draft).toEqual({
      result: { ok: false, errors: [expect.objectContaining({ path: 'regions.organizations.0.region' })] },
    });
  });

  it('answers with the domain problems of the configuration it would put in force', async () => {
    const fixture = await storedAs({});
    const draft = await draftSettings(
      {
        scope: 'site',
        settings: { ...fixture.site, calendar: { ...fixture.site.calendar, timeZone: 'Mars/Olympus' } },
        managedProjects: [],
        expectedVersion: 1,
      },
      fixture.deps,
    );
    expect(draft).toEqual({
      result: { ok: false, errors: [expect.objectContaining({ path: 'calendar.timeZone' })] },
    });
  });

  describe('the audit of a save', () => {
    it('names the changed managed projects, each list in key order', async () => {
      const fixture = await storedAs({ projects: ['ZED', 'SUP'] });
      await saveSettings(
        { scope: 'site', settings: fixture.site, managedProjects: ['SUP', 'ZED', 'ABC'], expectedVersion: 1 },
        fixture.deps,
      );
      expect(auditChanges(fixture.store)).toEqual([
        {
          path: 'projects',
          from: expect.stringMatching(/SUP.*ZED/),
          to: expect.stringMatching(/ABC.*SUP.*ZED/),
        },
      ]);
    });

    it('of a project names the settings changed in that project', async () => {
      const fixture = await storedAs({ projects: ['SUP'] });
      await saveSettings(
        { scope: 'project', projectKey: 'SUP', override: { dryRun: true }, expectedVersion: 1 },
        fixture.deps,
      );
      expect(auditChanges(fixture.store)).toEqual([{ path: 'dryRun', from: 'false', to: 'true' }]);
    });
  });

  it('writes a section whose table changed only in length', async () => {
    const fixture = await storedAs({});
    const workingDays = [...fixture.site.calendar.workingDays, 6];
    const next = await siteDraft(fixture, {
      ...fixture.site,
      calendar: { ...fixture.site.calendar, workingDays },
    });
    expect(next).toMatchObject({ calendar: { workingDays: [1, 2, 3, 4, 5, 6] } });
  });

  it('reports a settings value of the wrong shape against the settings as a whole', async () => {
    const fixture = await storedAs({});
    await expect(
      saveSettings(
        { scope: 'site', settings: 'all of them', managedProjects: [], expectedVersion: 1 },
        fixture.deps,
      ),
    ).resolves.toEqual({
      ok: false,
      errors: [{ path: '', message: expect.stringMatching(/^settings: /) }],
    });
  });

  it('names the row of a region or organization entered with blanks around its name', async () => {
    const fixture = await storedAs({});
    const { regions } = fixture.site;
    const result = await saveSettings(
      {
        scope: 'site',
        settings: {
          ...fixture.site,
          regions: {
            ...regions,
            regions: [
              ...regions.regions,
              {
                region: ' linz ',
                name: 'Linz',
                securityLevel: 'Support Linz',
                timeZone: 'Mars/Olympus',
                holidayRegion: 'AT-4',
              },
            ],
            organizations: [
              { organization: 'ACME GmbH', region: 'graz', language: 'de' },
              { organization: ' Globex ', region: 'nowhere', language: 'en' },
            ],
          },
        },
        managedProjects: [],
        expectedVersion: 1,
      },
      fixture.deps,
    );
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map((e) => e.path).sort()).toEqual([
      'regions.organizations.1.region',
      `regions.regions.${regions.regions.length}.timeZone`,
    ]);
  });

  describe('a project override', () => {
    it('without sections removes the project from the overrides', async () => {
      const fixture = await storedAs({
        projects: ['SUP', 'ABC'],
        projectOverrides: { SUP: { automation: { dryRun: true } }, ABC: { automation: { dryRun: true } } },
      });
      const draft = await draftSettings(
        { scope: 'project', projectKey: 'SUP', override: {}, expectedVersion: 1 },
        fixture.deps,
      );
      if ('result' in draft) throw new Error(JSON.stringify(draft.result));
      expect(draft.next).toEqual({
        projects: ['SUP', 'ABC'],
        projectOverrides: { ABC: { automation: { dryRun: true } } },
      });
    });

    it('with sections is written under its project, beside the other overrides', async () => {
      const fixture = await storedAs({
        projects: ['SUP', 'ABC'],
        projectOverrides: { ABC: { automation: { dryRun: true } } },
      });
      const draft = await draftSettings(
        { scope: 'project', projectKey: 'SUP', override: { dryRun: true }, expectedVersion: 1 },
        fixture.deps,
      );
      if ('result' in draft) throw new Error(JSON.stringify(draft.result));
      expect(draft.next.projectOverrides).toEqual({
        ABC: { automation: { dryRun: true } },
        SUP: { automation: { dryRun: true } },
      });
    });

    it('leaves a section given as undefined out', async () => {
      const fixture = await storedAs({ projects: ['SUP'] });
      const draft = await draftSettings(
        {
          scope: 'project',
          projectKey: 'SUP',
          override: { dryRun: true, regions: undefined },
          expectedVersion: 1,
        },
        fixture.deps,
      );
      if ('result' in draft) throw new Error(JSON.stringify(draft.result));
      expect(draft.next.projectOverrides).toEqual({ SUP: { automation: { dryRun: true } } });
    });

    it('names the page field of a problem the configuration has with it', async () => {
      const fixture = await storedAs({ projects: ['SUP'] });
      const calendar = { ...fixture.site.calendar, timeZone: 'Mars/Olympus' };
      const draft = await draftSettings(
        { scope: 'project', projectKey: 'SUP', override: { calendar }, expectedVersion: 1 },
        fixture.deps,
      );
      expect(draft).toEqual({
        result: { ok: false, errors: [expect.objectContaining({ path: 'calendar.timeZone' })] },
      });
    });

    it('of the wrong shape deep inside a section names the field by its whole path', async () => {
      const fixture = await storedAs({ projects: ['SUP'] });
      const timers = { ...fixture.site.timers, resolvedAutoCloseDays: 'ten' };
      await expect(
        draftSettings(
          { scope: 'project', projectKey: 'SUP', override: { timers }, expectedVersion: 1 },
          fixture.deps,
        ),
      ).resolves.toEqual({
        result: {
          ok: false,
          errors: [
            {
              path: 'timers.resolvedAutoCloseDays',
              message: expect.stringMatching(/^timers\.resolvedAutoCloseDays: /),
            },
          ],
        },
      });
    });

    it('of the wrong shape names its field', async () => {
      const fixture = await storedAs({ projects: ['SUP'] });
      await expect(
        saveSettings(
          { scope: 'project', projectKey: 'SUP', override: { dryRun: 'yes' }, expectedVersion: 1 },
          fixture.deps,
        ),
      ).resolves.toEqual({
        ok: false,
        errors: [{ path: 'dryRun', message: expect.stringMatching(/^dryRun: /) }],
      });
    });

    it('with a problem of a section reports it and stores nothing', async () => {
      const fixture = await storedAs({ projects: ['SUP'] });
      const regions = {
        ...fixture.site.regions,
        organizations: [{ organization: 'ACME GmbH', region: '', language: '' as const }],
      };
      const result = await saveSettings(
        { scope: 'project', projectKey: 'SUP', override: { regions }, expectedVersion: 1 },
        fixture.deps,
      );
      expect(result).toMatchObject({ ok: false, errors: [{ path: 'regions.organizations.0.region' }] });
      expect((fixture.store.data.get(CONFIG_KEY) as StoredConfig).version).toBe(1);
    });
  });
});
