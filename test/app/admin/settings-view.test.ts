import { settingsView } from '../../../src/app/admin/settings-view';
import { settingsSchema } from '../../../src/domain/config';
import { DEFAULT_LADDER } from '../../../src/domain/config/service-schema';

const view = (input: Record<string, unknown>) => settingsView(settingsSchema.parse(input));

describe('settingsView', () => {
  it.each([
    ['a country and its region', 'AT-6', { holidayCountry: 'AT', holidayRegion: '6' }],
    ['a country alone', 'AT', { holidayCountry: 'AT', holidayRegion: null }],
    ['no holidays', undefined, { holidayCountry: '', holidayRegion: null }],
  ])('shows %s as the holiday country and region', (_name, holidayRegion, shown) => {
    expect(view({ calendar: { holidayRegion } }).calendar).toMatchObject(shown);
  });

  it('shows the timers, names, texts and automation in force in the boxes of the page', () => {
    const shown = view({
      timers: {
        clarification: { reminderCount: 2, reminderIntervalDays: 7, closeAfterDays: 30 },
        resolved: { closeAfterDays: 20 },
        estimate: {
          validWeeks: 8,
          noticeBeforeDays: 5,
          renewal: { mode: 'accountManagerNote', accountManagers: ['am1', 'am2'], linkType: 'Clones' },
        },
      },
      calendar: { mode: 'working', timeZone: 'Europe/Vienna' },
      names: {
        kinds: { incident: 'Störung' },
        statuses: { resolved: 'Erledigt' },
        fieldValues: { yes: 'Ja' },
        priorities: { P1: 'Kritisch' },
        fields: { deliveryVersion: 'Release' },
        resolutionOnClose: 'Fixed',
        customValue: 'OWN',
        deliveryLinkType: { name: 'Ships', outward: 'ships', inward: 'is shipped by' },
      },
      texts: { resolvedClose: { en: 'Closed.', de: 'Geschlossen.' } },
      automation: { dryRun: true, pointsBudgetPerHour: 120 },
      escalation: { regionGroups: { graz: 'international', linz: 'dach' } },
    });
    expect(shown.timers).toEqual({
      clarificationReminderCount: 2,
      clarificationReminderIntervalDays: 7,
      clarificationAutoCloseDays: 30,
      resolvedAutoCloseDays: 20,
      estimateValidityWeeks: 8,
      estimateNoticeBeforeDays: 5,
      dayCounting: 'working',
      estimateRenewal: { mode: 'accountManagerNote', accountManagers: 'am1, am2', linkType: 'Clones' },
    });
    expect(shown.calendar.timeZone).toBe('Europe/Vienna');
    expect(shown.names).toMatchObject({
      kinds: { incident: 'Störung', request: 'Request' },
      statuses: { resolved: 'Erledigt' },
      fieldValues: { yes: 'Ja' },
      priorities: { P1: 'Kritisch' },
      fields: { deliveryVersion: 'Release', region: 'Organizations' },
      resolutionOnClose: 'Fixed',
      customValue: 'OWN',
      deliveryLinkType: { name: 'Ships', outward: 'ships', inward: 'is shipped by' },
    });
    expect(shown.texts.resolvedClose).toEqual({ en: 'Closed.', de: 'Geschlossen.' });
    expect(shown).toMatchObject({ dryRun: true, pointsBudgetPerHour: 120 });
    expect(shown.escalation.regionGroups).toEqual([
      { region: 'graz', group: 'international' },
      { region: 'linz', group: 'dach' },
    ]);
  });

  it('shows the working days and the extra holidays in force', () => {
    const calendar = view({
      calendar: { workingDays: [1, 2, 3], extraHolidays: ['2026-12-24', '2026-12-31'] },
    }).calendar;
    expect(calendar).toMatchObject({ workingDays: [1, 2, 3], extraHolidays: ['2026-12-24', '2026-12-31'] });
  });

  it('shows the team leads of a ladder without region groups as the first for International, the rest for DACH', () => {
    const { escalation } = view({
      escalation: {
        levels: [
          { level: 1, label: { de: 'Kontakt', en: 'Contact' }, people: ['p1'] },
          { level: 2, label: { de: 'Leitung', en: 'Lead' }, people: ['t1', 't2', 't3'] },
        ],
      },
    });
    expect(escalation).toMatchObject({
      personalContact: 'p1',
      teamLeadInternational: 't1',
      teamLeadDach: 't2, t3',
      departmentHead: '',
      customerServicesHead: '',
      board: '',
    });
  });

  it("shows every level's people in its box, the team leads by their region group", () => {
    const levels = DEFAULT_LADDER.map((l) => ({ ...l, people: [`a${l.level}`, `b${l.level}`] }));
    const ladder = levels.map((l) =>
      l.byGroup
        ? {
            ...l,
            byGroup: {
              international: { ...l.byGroup.international, people: ['i1'] },
              dach: { ...l.byGroup.dach, people: ['d1', 'd2'] },
            },
          }
        : l,
    );
    expect(view({ escalation: { levels: ladder } }).escalation).toMatchObject({
      personalContact: 'a1, b1',
      teamLeadInternational: 'i1',
      teamLeadDach: 'd1, d2',
      departmentHead: 'a3, b3',
      customerServicesHead: 'a4, b4',
      board: 'a5, b5',
    });
  });

  it("names all five levels, a level the ladder lacks by the guide's name", () => {
    const { escalation } = view({
      escalation: { levels: [{ level: 1, label: { de: 'Kontakt', en: 'Contact' }, people: [] }] },
    });
    expect(escalation.labels).toEqual([
      { de: 'Kontakt', en: 'Contact' },
      ...DEFAULT_LADDER.slice(1).map((l) => ({ de: l.label.de, en: l.label.en })),
    ]);
  });

  it('shows a service target without a time as empty', () => {
    const { serviceTargets } = view({ priorities: { P1: { responseMinutes: 30 }, P4: {} } });
    expect(serviceTargets.P1).toEqual({ responseMinutes: 30, restorationMinutes: null });
    expect(serviceTargets.P4).toEqual({ responseMinutes: null, restorationMinutes: null });
  });

  it('shows on call without a target as an empty target', () => {
    expect(view({ onCall: { mode: 'none' } }).onCall).toEqual({ mode: 'none', target: '' });
    expect(view({ onCall: { mode: 'opsgenie', target: 'Support' } }).onCall).toEqual({
      mode: 'opsgenie',
      target: 'Support',
    });
  });

  it('lists each organization once, with its region and its language, either of them empty when not set', () => {
    const { regions } = view({
      regions: {
        regions: {
          graz: { securityLevel: 'Support Graz', timeZone: 'Europe/Vienna', holidayRegion: 'AT-6' },
        },
        organizations: { ACME: 'graz', Initech: 'graz' },
        defaultRegion: 'graz',
      },
      languageByOrganization: { Globex: 'en', ACME: 'de' },
    });
    expect(regions.organizations).toEqual([
      { organization: 'ACME', region: 'graz', language: 'de' },
      { organization: 'Initech', region: 'graz', language: '' },
      { organization: 'Globex', region: '', language: 'en' },
    ]);
    expect(regions.regions).toEqual([
      {
        region: 'graz',
        name: '',
        securityLevel: 'Support Graz',
        timeZone: 'Europe/Vienna',
        holidayRegion: 'AT-6',
      },
    ]);
  });
});
