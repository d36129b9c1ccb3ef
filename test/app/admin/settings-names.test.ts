import { contractPath } from '../../../src/app/admin/error-paths';
import { getSettings } from '../../../src/app/admin/get-settings';
import { saveSettings } from '../../../src/app/admin/save-settings';
import { CONFIG_KEY, type StoredConfig } from '../../../src/app/shared/config-repository';
import type { ProcessSettings } from '../../../src/contract/settings';
import { adminDeps, SERVICE_DESKS } from './admin-fixture';

type Deps = ReturnType<typeof adminDeps>['deps'];

function saveSite(deps: Deps, settings: ProcessSettings, extra: Record<string, unknown> = {}, version = 0) {
  return saveSettings(
    { scope: 'site', settings, managedProjects: [], expectedVersion: version, ...extra },
    deps,
  );
}

async function errorPaths(deps: Deps, settings: ProcessSettings): Promise<string[]> {
  const result = await saveSite(deps, settings);
  if (result.ok) throw new Error('expected validation errors');
  return result.errors.map((e) => e.path).sort();
}

describe('admin settings: domain names, estimate notice, ladder labels and the master switch', () => {
  it('shows the domain defaults of every newly editable setting', async () => {
    const { deps } = adminDeps({ table: [SERVICE_DESKS] });
    const view = await getSettings({}, deps);
    expect(view.site.names.priorities).toEqual({ P1: 'P1', P2: 'P2', P3: 'P3', P4: 'P4' });
    expect(view.site.names.deliveryLinkType).toEqual({
      name: 'Delivery',
      outward: 'ships',
      inward: 'is shipped in',
    });
    expect(view.site.names.fieldValues).toEqual({
      yes: 'Yes',
      no: 'No',
      production: 'Production',
      nonProduction: 'Non-Production',
    });
    expect(view.site.names).toMatchObject({ resolutionOnClose: 'Done', customValue: 'CUSTOM' });
    expect(view.site.timers.estimateNoticeBeforeDays).toBeNull();
    expect(view.site.escalation.labels).toHaveLength(5);
    expect(view.site.escalation.labels[0]).toEqual({
      de: 'Persönlicher Support-Ansprechpartner',
      en: 'Personal support contact',
    });
    expect(view.site.escalation.labels[4]).toEqual({ de: 'Vorstand', en: 'Board' });
    expect(view.automationEnabled).toBe(true);
  });

  it("maps Jira's Highest … Low, the link type, resolution, CUSTOM value and options, and reads them back", async () => {
    const { deps, fresh, store } = adminDeps({ table: [SERVICE_DESKS] });
    const { site } = await getSettings({}, deps);
    const names: ProcessSettings['names'] = {
      ...site.names,
      priorities: { P1: 'Highest', P2: 'High', P3: 'Medium', P4: 'Low' },
      deliveryLinkType: { name: 'Shipment', outward: 'delivers', inward: 'is delivered by' },
      resolutionOnClose: 'Won’t Do',
      customValue: 'NEXT',
      fieldValues: { yes: 'Ja', no: 'Nein', production: 'Prod', nonProduction: 'Test' },
    };
    await expect(saveSite(deps, { ...site, names })).resolves.toEqual({ ok: true, version: 1 });
    const stored = store.data.get(CONFIG_KEY) as StoredConfig;
    expect(stored.input).toMatchObject({
      names: { priorities: names.priorities, deliveryLinkType: names.deliveryLinkType, customValue: 'NEXT' },
    });
    expect((await getSettings({}, fresh())).site.names).toEqual(names);
  });

  it('shows an empty or ambiguous name next to its field', async () => {
    const { deps, store } = adminDeps({ table: [SERVICE_DESKS] });
    const { site } = await getSettings({}, deps);
    const empty = await errorPaths(deps, {
      ...site,
      names: {
        ...site.names,
        priorities: { ...site.names.priorities, P2: '  ' },
        deliveryLinkType: { ...site.names.deliveryLinkType, outward: '' },
        resolutionOnClose: '',
        customValue: ' ',
        fieldValues: { ...site.names.fieldValues, nonProduction: '' },
      },
    });
    expect(empty).toEqual([
      'names.customValue',
      'names.deliveryLinkType.outward',
      'names.fieldValues.nonProduction',
      'names.priorities.P2',
      'names.resolutionOnClose',
    ]);
    // Two guide priorities on one Jira priority, or Yes = No, could not be told apart when read back.
    const ambiguous = await saveSite(deps, {
      ...site,
      names: {
        ...site.names,
        priorities: { P1: 'High', P2: 'high', P3: 'Medium', P4: 'Low' },
        fieldValues: { ...site.names.fieldValues, no: 'YES' },
      },
    });
    expect(ambiguous).toEqual({
      ok: false,
      errors: [
        {
          path: 'names.priorities.P2',
          message:
            'names.priorities.P2: the name "High" is used for P1 and P2; each must map to its own Jira name',
          rule: { kind: 'nameTwice', name: 'High', keys: ['P1', 'P2'] },
        },
        {
          path: 'names.fieldValues.no',
          message:
            'names.fieldValues.no: the name "Yes" is used for yes and no; each must map to its own Jira name',
          rule: { kind: 'nameTwice', name: 'Yes', keys: ['yes', 'no'] },
        },
      ],
    });
    expect(store.data.has(CONFIG_KEY)).toBe(false);
  });

  it('sets, validates and clears the estimate expiry notice', async () => {
    const { deps, fresh, store } = adminDeps({ table: [SERVICE_DESKS] });
    const { site } = await getSettings({}, deps);
    const withNotice = (days: number | null): ProcessSettings => ({
      ...site,
      timers: { ...site.timers, estimateNoticeBeforeDays: days },
    });
    // 16 weeks = 112 days: a notice 112 days ahead would come before the estimate exists.
    await expect(errorPaths(deps, withNotice(112))).resolves.toEqual(['timers.estimateNoticeBeforeDays']);
    await expect(errorPaths(deps, withNotice(0))).resolves.toEqual(['timers.estimateNoticeBeforeDays']);
    await expect(saveSite(deps, withNotice(14))).resolves.toEqual({ ok: true, version: 1 });
    expect((await getSettings({}, fresh())).site.timers.estimateNoticeBeforeDays).toBe(14);

    await expect(saveSite(fresh(), withNotice(null), {}, 1)).resolves.toEqual({ ok: true, version: 2 });
    const stored = store.data.get(CONFIG_KEY) as StoredConfig;
    expect(stored.input).toMatchObject({ timers: { estimate: { validWeeks: 16 } } });
    expect(JSON.stringify(stored.input)).not.toContain('noticeBeforeDays');
    expect((await getSettings({}, fresh())).site.timers.estimateNoticeBeforeDays).toBeNull();
  });

  it('renames escalation levels in both languages, with an empty name shown on its level', async () => {
    const { deps, fresh } = adminDeps({ table: [SERVICE_DESKS] });
    const { site } = await getSettings({}, deps);
    const labels = site.escalation.labels.map((l) => ({ ...l }));
    labels[1] = { de: 'Teamleitung Support', en: 'Support team lead' };
    await expect(saveSite(deps, { ...site, escalation: { ...site.escalation, labels } })).resolves.toEqual({
      ok: true,
      version: 1,
    });
    expect((await getSettings({}, fresh())).site.escalation.labels[1]).toEqual(labels[1]);

    labels[2] = { de: '', en: 'Head of Support' };
    await expect(
      saveSite(fresh(), { ...site, escalation: { ...site.escalation, labels } }, {}, 1),
    ).resolves.toMatchObject({ ok: false, errors: [{ path: 'escalation.labels.2.de' }] });
    await expect(
      saveSite(fresh(), { ...site, escalation: { ...site.escalation, labels: labels.slice(0, 4) } }, {}, 1),
    ).resolves.toMatchObject({ ok: false, errors: [{ path: 'escalation.labels' }] });
  });

  it('pauses all automation site-wide, apart from dry run, and only from the site scope', async () => {
    const { deps, fresh, store } = adminDeps({ table: [SERVICE_DESKS] });
    store.data.set(CONFIG_KEY, { version: 1, input: { projects: ['SUP'] }, savedAt: '2026-11-01T00:00:00Z' });
    const { site } = await getSettings({}, deps);
    const managed = { managedProjects: ['SUP'] };
    await expect(saveSite(deps, site, { ...managed, automationEnabled: false }, 1)).resolves.toEqual({
      ok: true,
      version: 2,
    });
    expect((store.data.get(CONFIG_KEY) as StoredConfig).input).toEqual({
      projects: ['SUP'],
      automation: { enabled: false },
    });
    const paused = await getSettings({}, fresh());
    expect(paused).toMatchObject({ automationEnabled: false, site: { dryRun: false } });
    // A save that does not send the switch leaves it as it is.
    await expect(saveSite(fresh(), { ...site, dryRun: true }, managed, 2)).resolves.toEqual({
      ok: true,
      version: 3,
    });
    expect((await getSettings({}, fresh())).automationEnabled).toBe(false);
    // A project cannot resume what the site paused: the switch is not part of a project override.
    await expect(
      saveSettings(
        { scope: 'project', projectKey: 'SUP', override: { automationEnabled: true }, expectedVersion: 3 },
        fresh(),
      ),
    ).resolves.toMatchObject({ ok: false, errors: [{ path: '' }] });
    await expect(saveSite(fresh(), site, { ...managed, automationEnabled: true }, 3)).resolves.toEqual({
      ok: true,
      version: 4,
    });
    expect((await getSettings({}, fresh())).automationEnabled).toBe(true);
  });

  it.each([
    ['names.priorities.P3', 'names.priorities.P3'],
    ['names.fieldValues.production', 'names.fieldValues.production'],
    ['names.deliveryLinkType.inward', 'names.deliveryLinkType.inward'],
    ['names.deliveryLinkType', 'names.deliveryLinkType.name'],
    ['names.resolutionOnClose', 'names.resolutionOnClose'],
    ['names.customValue', 'names.customValue'],
    ['timers.estimate.noticeBeforeDays', 'timers.estimateNoticeBeforeDays'],
    ['escalation.levels.4.label.en', 'escalation.labels.4.en'],
    ['escalation.levels.1.people.0', 'escalation.teamLeadInternational'],
    ['automation.enabled', 'automationEnabled'],
  ])('maps the domain path %s to the page field %s', (domain, page) => {
    expect(contractPath(domain, { regions: [], organizations: [], regionGroups: [] })).toBe(page);
  });
});
