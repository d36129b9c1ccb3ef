import { contractErrors, contractPath, type RowOrder } from '../../../src/app/admin/error-paths';

const rows: RowOrder = {
  regions: ['dach', 'nordics'],
  organizations: ['Acme', 'Globex'],
  regionGroups: ['dach', 'nordics'],
};

describe('error paths: a domain configuration path names the admin page field it is edited in', () => {
  it.each([
    ['timers.clarification.reminderCount', 'timers.clarificationReminderCount'],
    ['calendar.mode', 'timers.dayCounting'],
    ['onCall', 'onCall.mode'],
    ['defaultLanguage', 'regions.defaultLanguage'],
    ['timers.estimate.renewal.linkType', 'timers.estimateRenewal.linkType'],
    ['constructor', ''],
    ['toString', ''],
  ])('fixed field: %s is the page field %p', (domain, page) => {
    expect(contractPath(domain, rows)).toBe(page);
  });

  it.each([
    ['names.statuses.resolved', 'names.statuses.resolved'],
    ['names.kinds.incident', 'names.kinds.incident'],
    ['names.fields.region', 'names.fields.region'],
    ['names.deliveryLinkType.outward', 'names.deliveryLinkType.outward'],
    ['names.deliveryLinkType.colour', 'names.deliveryLinkType.name'],
    ['names.statuses', ''],
    ['names.unknownGroup.x', ''],
    ['names', ''],
  ])('names: %s is the page field %p', (domain, page) => {
    expect(contractPath(domain, rows)).toBe(page);
  });

  it.each([
    ['texts.clarificationReminder', 'texts.clarificationReminder'],
    ['texts.clarificationReminder.de', 'texts.clarificationReminder.de'],
    ['texts.notAMessage.de', ''],
    ['texts', ''],
  ])('texts: %s is the page field %p', (domain, page) => {
    expect(contractPath(domain, rows)).toBe(page);
  });

  it.each([
    ['calendar.timeZone', 'calendar.timeZone'],
    ['calendar.workingDays.3', 'calendar.workingDays.3'],
    ['calendar.extraHolidays.0.date', 'calendar.extraHolidays.0'],
    ['calendar.somethingElse', ''],
  ])('calendar: %s is the page field %p', (domain, page) => {
    expect(contractPath(domain, rows)).toBe(page);
  });

  it.each([
    ['regions.regions.nordics.timeZone', 'regions.regions.1.timeZone'],
    ['regions.regions.dach.securityLevel', 'regions.regions.0.securityLevel'],
    ['regions.regions.dach.holidayRegion', 'regions.regions.0.holidayRegion'],
    ['regions.regions.dach.label', 'regions.regions.0.region'],
    ['regions.regions.dach', 'regions.regions.0.region'],
    ['regions.regions.mars.timeZone', ''],
    ['regions.regions', ''],
    ['regions.organizations.Globex', 'regions.organizations.1.region'],
    ['regions.organizations.Initech', ''],
    ['regions.organizations.Acme', 'regions.organizations.0.region'],
    ['regions.other.dach', ''],
    ['regions.other.Acme', ''],
    ['languageByOrganization.Acme', 'regions.organizations.0.language'],
    ['languageByOrganization.Initech', ''],
    ['languageByOrganization', ''],
  ])('regions: %s is the page row %p', (domain, page) => {
    expect(contractPath(domain, rows)).toBe(page);
  });

  it.each([
    ['projects.0', 'projects'],
    ['projectOverrides.OLD', 'projects'],
    ['priorities.P1.firstResponseHours', 'serviceTargets.P1.firstResponseHours'],
    ['priorities.P1', ''],
    ['priorities', ''],
    ['somethingUnknown.x', ''],
  ])('%s is the page field %p', (domain, page) => {
    expect(contractPath(domain, rows)).toBe(page);
  });

  it.each([
    ['escalation.regionGroups.nordics', 'escalation.regionGroups.1.group'],
    ['escalation.regionGroups.dach', 'escalation.regionGroups.0.group'],
    ['escalation.regionGroups.mars', ''],
    ['escalation.regionGroups', ''],
    ['escalation.levels.0.people', 'escalation.personalContact'],
    ['escalation.levels.2.people', 'escalation.departmentHead'],
    ['escalation.levels.3.people', 'escalation.customerServicesHead'],
    ['escalation.levels.4.people', 'escalation.board'],
    ['escalation.levels', 'escalation.personalContact'],
    ['escalation.levels.x', 'escalation.personalContact'],
    ['escalation.levels.9.people', 'escalation.personalContact'],
    ['escalation.levels.0.label.de', 'escalation.labels.0.de'],
    ['escalation.levels.2.label', 'escalation.labels.2.en'],
    ['escalation.levels.5.label.de', 'escalation.personalContact'],
  ])('escalation: %s is the page field %p', (domain, page) => {
    expect(contractPath(domain, rows)).toBe(page);
  });
});

describe('error paths: domain errors as the admin page shows them', () => {
  it('names the page field in the message in place of the domain path, and keeps the rule', () => {
    expect(
      contractErrors(
        [
          {
            path: 'timers.resolved.closeAfterDays',
            message: 'timers.resolved.closeAfterDays: must be at least 1',
            rule: { kind: 'tooSmall', limit: 1 },
          },
        ],
        rows,
      ),
    ).toEqual([
      {
        path: 'timers.resolvedAutoCloseDays',
        message: 'timers.resolvedAutoCloseDays: must be at least 1',
        rule: { kind: 'tooSmall', limit: 1 },
      },
    ]);
  });

  it('has no rule when the domain error has none', () => {
    const [error] = contractErrors([{ path: 'calendar.mode', message: 'unknown mode' }], rows);
    expect(error).toEqual({ path: 'timers.dayCounting', message: 'timers.dayCounting: unknown mode' });
    expect(error).not.toHaveProperty('rule');
  });

  it('keeps the domain path in the message of an error the page has no field for', () => {
    expect(contractErrors([{ path: 'mystery.key', message: 'mystery.key: is not allowed' }], rows)).toEqual([
      { path: '', message: 'mystery.key: is not allowed' },
    ]);
  });

  it('speaks of the configuration when the error has no path', () => {
    expect(contractErrors([{ path: '', message: 'must be an object' }], rows)).toEqual([
      { path: '', message: 'configuration: must be an object' },
    ]);
  });

  it('reads a project override path without its prefix', () => {
    expect(
      contractErrors(
        [
          {
            path: 'projectOverrides.SUP.timers.estimate.validWeeks',
            message: 'projectOverrides.SUP.timers.estimate.validWeeks: too large',
          },
        ],
        rows,
        'projectOverrides.SUP.',
      ),
    ).toEqual([{ path: 'timers.estimateValidityWeeks', message: 'timers.estimateValidityWeeks: too large' }]);
  });

  it('leaves a path outside the prefix as it is', () => {
    expect(
      contractErrors([{ path: 'projects.0', message: 'not a key' }], rows, 'projectOverrides.SUP.'),
    ).toEqual([{ path: 'projects', message: 'projects: not a key' }]);
  });

  it('keeps the whole message when it does not start with the domain path', () => {
    expect(contractErrors([{ path: 'onCall', message: 'onCall needs a target' }], rows)).toEqual([
      { path: 'onCall.mode', message: 'onCall.mode: onCall needs a target' },
    ]);
  });
});
