import { overriddenSections } from '../../../src/app/admin/override-sections';

describe('overriddenSections', () => {
  it.each([
    ['names', { names: { kinds: {} } }, ['names']],
    ['timers', { timers: { resolved: { closeAfterDays: 30 } } }, ['timers']],
    ['texts', { texts: {} }, ['texts']],
    ['regions', { regions: {} }, ['regions']],
    ['the languages of organizations', { languageByOrganization: { ACME: 'en' } }, ['regions']],
    ['the default language', { defaultLanguage: 'en' }, ['regions']],
    ['the priorities', { priorities: { P1: { responseMinutes: 30 } } }, ['serviceTargets']],
    ['on call', { onCall: { mode: 'none' } }, ['onCall']],
    ['escalation', { escalation: { waitHoursBetweenLevels: 4 } }, ['escalation']],
    ['the day counting', { calendar: { mode: 'working' } }, ['timers']],
    ['the calendar without the day counting', { calendar: { timeZone: 'Europe/Vienna' } }, ['calendar']],
    [
      'the calendar with the day counting',
      { calendar: { mode: 'working', workingDays: [1] } },
      ['timers', 'calendar'],
    ],
    ['the dry run', { automation: { dryRun: true } }, ['dryRun']],
    ['the points budget', { automation: { pointsBudgetPerHour: 100 } }, ['pointsBudgetPerHour']],
    ['an automation key the page does not show', { automation: { enabled: false } }, []],
    ['a key of no section', { projects: ['SUP'] }, []],
    ['a prototype name', { constructor: {}, toString: 'x' }, []],
    ['a calendar that is not a record', { calendar: 'working' }, []],
    ['an automation that is not a record', { automation: true }, []],
  ])('maps %s to its sections', (_name, override, sections) => {
    expect(overriddenSections(override)).toEqual(sections);
  });

  it('names each section once, in the order the override first touches it', () => {
    expect(
      overriddenSections({
        regions: {},
        defaultLanguage: 'en',
        timers: {},
        calendar: { mode: 'working' },
        automation: { dryRun: true, pointsBudgetPerHour: 10 },
      }),
    ).toEqual(['regions', 'timers', 'dryRun', 'pointsBudgetPerHour']);
  });
});
