import { configForProject, parseConfig, type AppConfig } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { isWorkingDay } from '../../../src/domain/calendar/working-days';

function config(input: unknown): AppConfig {
  const result = parseConfig(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

describe('configForProject', () => {
  const site = config({
    projects: ['SUP', 'OPS'],
    calendar: { mode: 'working', holidayRegion: 'DE-SL' },
    languageByOrganization: { ACME: 'en' },
    projectOverrides: {
      SUP: {
        timers: { resolved: { closeAfterDays: 14 } },
        calendar: { timeZone: 'Europe/London', holidayRegion: 'GB-ENG' },
        languageByOrganization: { Globex: 'de' },
        calendarIgnored: undefined,
      },
    },
  });

  it('returns the site settings for a project without overrides', () => {
    const ops = configForProject(site, 'OPS');
    expect(ops.projectKey).toBe('OPS');
    expect(ops.timers.resolved.closeAfterDays).toBe(50);
    expect(ops.calendar.timeZone).toBe('Europe/Berlin');
  });

  it('merges overrides key by key, keeping untouched site values', () => {
    const sup = configForProject(site, 'SUP');
    expect(sup.timers.resolved.closeAfterDays).toBe(14);
    expect(sup.timers.clarification.closeAfterDays).toBe(40);
    expect(sup.calendar).toMatchObject({
      mode: 'working',
      timeZone: 'Europe/London',
      holidayRegion: 'GB-ENG',
    });
    expect(sup.languageByOrganization).toEqual({ ACME: 'en', Globex: 'de' });
  });

  it('lets a project switch public holidays off while the site counts them', () => {
    const withoutHolidays = config({
      projects: ['SUP', 'OPS'],
      calendar: { mode: 'working', holidayRegion: 'DE-SL' },
      projectOverrides: { SUP: { calendar: { holidayRegion: null } } },
    });
    const corpusChristi = new Date('2026-06-04T10:00:00Z');
    expect(configForProject(withoutHolidays, 'SUP').calendar.holidayRegion).toBeUndefined();
    expect(isWorkingDay(corpusChristi, configForProject(withoutHolidays, 'SUP').calendar)).toBe(true);
    expect(isWorkingDay(corpusChristi, configForProject(withoutHolidays, 'OPS').calendar)).toBe(false);
  });

  it('does not carry the project list or overrides into the project settings', () => {
    expect(configForProject(site, 'SUP')).not.toHaveProperty('projectOverrides');
    expect(configForProject(site, 'SUP')).not.toHaveProperty('projects');
  });

  it('returns the same object for repeated calls (merged once)', () => {
    expect(configForProject(site, 'SUP')).toBe(configForProject(site, 'SUP'));
  });

  it('never lets a project override resume automation the site paused', () => {
    const paused = config({
      projects: ['SUP', 'OPS'],
      automation: { enabled: false },
      projectOverrides: { SUP: { automation: { enabled: true } } },
    });
    expect(configForProject(paused, 'SUP').automation.enabled).toBe(false);
    expect(configForProject(paused, 'OPS').automation.enabled).toBe(false);
    const running = config({
      projects: ['SUP'],
      projectOverrides: { SUP: { automation: { enabled: false } } },
    });
    expect(configForProject(running, 'SUP').automation.enabled).toBe(false);
  });

  it.each([
    ['site on, no override', true, undefined, true],
    ['site on, project on', true, true, true],
    ['site on, project off', true, false, false],
    ['site off, no override', false, undefined, false],
    ['site off, project on', false, true, false],
  ])('automation with %s: %s, %s → %s', (_name, site, project, enabled) => {
    const cfg = config({
      projects: ['SUP'],
      automation: { enabled: site },
      projectOverrides: project === undefined ? {} : { SUP: { automation: { enabled: project } } },
    });
    expect(configForProject(cfg, 'SUP').automation.enabled).toBe(enabled);
  });

  it('works on the default configuration', () => {
    expect(configForProject(defaultConfig, 'ANY').timers.estimate.validWeeks).toBe(16);
  });
});
