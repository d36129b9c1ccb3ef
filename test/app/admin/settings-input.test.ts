import { getSettings } from '../../../src/app/admin/get-settings';
import { saveSettings } from '../../../src/app/admin/save-settings';
import { applyFragment } from '../../../src/app/admin/settings-input';
import { CONFIG_KEY, type StoredConfig } from '../../../src/app/shared/config-repository';
import type { ProcessSettings, SaveSettingsResult } from '../../../src/contract/settings';
import { adminDeps, SERVICE_DESKS } from './admin-fixture';

type Edit = (site: ProcessSettings) => ProcessSettings;

/**
 * Saves the site settings as edited, one save after the other (each from the next invocation's view), and
 * answers the last save's result, the settings the page then shows and the stored input.
 */
async function saveInTurn(...edits: Edit[]) {
  const { fresh, store } = adminDeps({ table: [SERVICE_DESKS] });
  let result: SaveSettingsResult | undefined;
  for (const edit of edits) {
    const { site, version } = await getSettings({}, fresh());
    result = await saveSettings(
      { scope: 'site', settings: edit(site), managedProjects: [], expectedVersion: version },
      fresh(),
    );
  }
  const view = (await getSettings({}, fresh())).site;
  const input = (store.data.get(CONFIG_KEY) as StoredConfig | undefined)?.input as Record<string, unknown>;
  return { result, view, input };
}

const calendar =
  (holidayCountry: string, holidayRegion: string | null): Edit =>
  (s) => ({ ...s, calendar: { ...s.calendar, holidayCountry, holidayRegion } });

const onCall =
  (mode: ProcessSettings['onCall']['mode'], target: string): Edit =>
  (s) => ({ ...s, onCall: { mode, target } });

describe('the admin page sections as the stored configuration', () => {
  it('counts days as the timers section says', async () => {
    const { view } = await saveInTurn((s) => ({ ...s, timers: { ...s.timers, dayCounting: 'working' } }));
    expect(view.timers.dayCounting).toBe('working');
  });

  it('keeps the Forge points budget the page sets', async () => {
    const { view } = await saveInTurn((s) => ({ ...s, pointsBudgetPerHour: 1234 }));
    expect(view.pointsBudgetPerHour).toBe(1234);
  });

  it.each([
    ['country and region', [calendar(' AT ', ' 6 ')], 'AT-6', { holidayCountry: 'AT', holidayRegion: '6' }],
    ['a country alone', [calendar('AT', null)], 'AT', { holidayCountry: 'AT', holidayRegion: null }],
    [
      'a country with an empty region',
      [calendar('AT', ' ')],
      'AT',
      { holidayCountry: 'AT', holidayRegion: null },
    ],
    [
      'a holiday region when only the day counting changes',
      [
        calendar('AT', '6'),
        (s: ProcessSettings) => ({ ...s, timers: { ...s.timers, dayCounting: 'working' as const } }),
      ],
      'AT-6',
      { holidayCountry: 'AT', holidayRegion: '6' },
    ],
    [
      'no country after a holiday region',
      [calendar('AT', '6'), calendar(' ', '6')],
      null,
      { holidayCountry: '', holidayRegion: null },
    ],
  ])('stores the holidays of %s', async (_name, edits, stored, shown) => {
    const { result, view, input } = await saveInTurn(...edits);
    expect(result).toMatchObject({ ok: true });
    expect((input.calendar as Record<string, unknown>).holidayRegion).toBe(stored);
    expect(view.calendar).toMatchObject(shown);
  });

  it('keeps a service target per clock, and an empty box as none', async () => {
    const { view } = await saveInTurn((s) => ({
      ...s,
      serviceTargets: {
        ...s.serviceTargets,
        P1: { responseMinutes: 30, restorationMinutes: 240 },
        P2: { responseMinutes: null, restorationMinutes: 480 },
        P3: { responseMinutes: 120, restorationMinutes: null },
      },
    }));
    expect(view.serviceTargets).toMatchObject({
      P1: { responseMinutes: 30, restorationMinutes: 240 },
      P2: { responseMinutes: null, restorationMinutes: 480 },
      P3: { responseMinutes: 120, restorationMinutes: null },
    });
  });

  describe('the on-call choice', () => {
    it('stores no target when nobody is alerted, whatever the box says', async () => {
      const { view, input } = await saveInTurn(onCall('none', 'https://oncall.example.com/hook'));
      expect(input.onCall).toEqual({ mode: 'none' });
      expect(view.onCall).toEqual({ mode: 'none', target: '' });
    });

    it('stores the target without the blanks around it', async () => {
      const { input } = await saveInTurn(onCall('opsgenie', '  team-a  '));
      expect(input.onCall).toEqual({ mode: 'opsgenie', target: 'team-a' });
    });

    it.each(['opsgenie', 'webhook'] as const)('a blank target of %s is a missing one', async (mode) => {
      const { result } = await saveInTurn(onCall(mode, '   '));
      expect(result).toEqual({
        ok: false,
        errors: [expect.objectContaining({ path: 'onCall.target', rule: { kind: 'targetRequired', mode } })],
      });
    });
  });

  describe('a row removed on the page stays removed', () => {
    const region = (id: string, timeZone = 'Europe/Vienna') => ({
      region: id,
      name: id,
      securityLevel: `Support ${id}`,
      timeZone,
      holidayRegion: 'AT-6',
    });

    it('regions, organizations and their languages', async () => {
      const both: Edit = (s) => ({
        ...s,
        regions: {
          ...s.regions,
          regions: [region('saarbruecken', 'Europe/Berlin'), region('graz'), region('linz')],
          organizations: [
            { organization: 'ACME GmbH', region: 'graz', language: 'de' },
            { organization: 'Globex Ltd', region: 'linz', language: 'en' },
          ],
        },
      });
      const fewer: Edit = (s) => ({
        ...s,
        regions: {
          ...s.regions,
          regions: s.regions.regions.filter((r) => r.region !== 'linz'),
          organizations: s.regions.organizations.filter((o) => o.organization !== 'Globex Ltd'),
        },
      });
      const { result, view } = await saveInTurn(both, fewer);
      expect(result).toEqual({ ok: true, version: 2 });
      expect(view.regions.regions.map((r) => r.region)).toEqual(['saarbruecken', 'graz']);
      expect(view.regions.organizations).toEqual([
        { organization: 'ACME GmbH', region: 'graz', language: 'de' },
      ]);
    });

    it('region groups of the escalation', async () => {
      const groups =
        (...regionGroups: ProcessSettings['escalation']['regionGroups']): Edit =>
        (s) => ({ ...s, escalation: { ...s.escalation, regionGroups } });
      const { view } = await saveInTurn(
        groups({ region: 'graz', group: 'dach' }, { region: 'london', group: 'international' }),
        groups({ region: 'graz', group: 'dach' }),
      );
      expect(view.escalation.regionGroups).toEqual([{ region: 'graz', group: 'dach' }]);
    });
  });
});

describe('a fragment applied onto the stored input', () => {
  const graz = { securityLevel: 'Support graz', timeZone: 'Europe/Vienna', holidayRegion: 'AT-6' };
  const stored = {
    regions: {
      regions: { graz },
      organizations: { 'ACME GmbH': 'graz' },
      defaultRegion: 'graz',
      liftRestrictionOnNo: true,
    },
    escalation: { levels: [{ level: 1 }], regionGroups: { graz: 'dach' }, waitHoursBetweenLevels: 24 },
  };

  it.each([
    [
      'a region setting beside the tables',
      { regions: { defaultRegion: 'linz' } },
      { regions: { ...stored.regions, defaultRegion: 'linz' }, escalation: stored.escalation },
    ],
    [
      'the organizations table alone',
      { regions: { organizations: { 'Globex Ltd': 'graz' } } },
      {
        regions: { ...stored.regions, organizations: { 'Globex Ltd': 'graz' } },
        escalation: stored.escalation,
      },
    ],
    [
      'the escalation wait alone',
      { escalation: { waitHoursBetweenLevels: 48 } },
      { regions: stored.regions, escalation: { ...stored.escalation, waitHoursBetweenLevels: 48 } },
    ],
  ])('keeps every stored table the fragment leaves out: %s', (_name, fragment, expected) => {
    expect(applyFragment(stored, fragment)).toStrictEqual(expected);
  });
});
