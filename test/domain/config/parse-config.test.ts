import { parseConfig } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { DEFAULT_TEXTS } from '../../../src/domain/texts/default-texts';

function errorsOf(input: unknown) {
  const result = parseConfig(input);
  if (result.ok) throw new Error('expected the configuration to be rejected');
  return result.errors;
}

describe('parseConfig defaults (the guide values)', () => {
  const result = parseConfig({});

  it('accepts an empty configuration', () => {
    expect(result.ok).toBe(true);
  });

  it('uses the guide timers: 3 reminders every 10 days, close on day 40, Resolved 50 days, estimate 16 weeks', () => {
    expect(defaultConfig.timers).toEqual({
      clarification: { reminderCount: 3, reminderIntervalDays: 10, closeAfterDays: 40 },
      resolved: { closeAfterDays: 50 },
      estimate: {
        validWeeks: 16,
        renewal: { mode: 'newRequest', accountManagers: [], linkType: 'Relates' },
      },
    });
  });

  it('counts calendar days in Europe/Berlin on Monday to Friday', () => {
    expect(defaultConfig.calendar).toEqual({
      mode: 'calendar',
      timeZone: 'Europe/Berlin',
      extraHolidays: [],
      workingDays: [1, 2, 3, 4, 5],
    });
  });

  it.each([
    ['kinds', 'softwareDefect', 'Software Defect'],
    ['kinds', 'nonSoftwareDefect', 'Non-Software Defect'],
    ['kinds', 'delivery', 'Delivery'],
    ['statuses', 'clarification', 'Clarification required / On hold'],
    ['statuses', 'deliveryPending', 'Delivery Pending'],
    ['statuses', 'stageInstallationCompleted', 'Stage installation completed'],
    ['fields', 'deliveryVersion', 'Delivery version'],
    ['fields', 'confidential', 'Confidential personal data?'],
    ['fields', 'systemReachable', 'Can the system be reached?'],
    ['fields', 'includedTickets', 'Included tickets'],
    ['fieldValues', 'production', 'Production'],
  ] as const)('names.%s.%s defaults to "%s"', (group, key, name) => {
    expect((defaultConfig.names[group] as Record<string, string>)[key]).toBe(name);
  });

  it('ships the Delivery link type, resolution and custom value', () => {
    expect(defaultConfig.names.deliveryLinkType).toEqual({
      name: 'Delivery',
      outward: 'ships',
      inward: 'is shipped in',
    });
    expect(defaultConfig.names.resolutionOnClose).toBe('Done');
    expect(defaultConfig.names.customValue).toBe('CUSTOM');
  });

  it('ships every text in German and English, and the defaults equal the catalogue', () => {
    expect(defaultConfig.texts).toEqual(DEFAULT_TEXTS);
  });

  it('has the six sites as regions, automation on with the fair-share points budget, five escalation levels', () => {
    expect(Object.keys(defaultConfig.regions.regions)).toHaveLength(6);
    expect(defaultConfig.automation).toEqual({ enabled: true, dryRun: false, pointsBudgetPerHour: 260 });
    expect(defaultConfig.escalation.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    expect(defaultConfig.onCall).toEqual({ mode: 'none' });
  });

  it('fills defaults around partial input', () => {
    const parsed = parseConfig({
      timers: { clarification: { reminderCount: 2 } },
      texts: { resolvedClose: { en: 'Bye {ticketKey}' } },
    });
    expect(parsed.ok && parsed.config.timers.clarification).toEqual({
      reminderCount: 2,
      reminderIntervalDays: 10,
      closeAfterDays: 40,
    });
    expect(parsed.ok && parsed.config.texts.resolvedClose).toEqual({
      de: DEFAULT_TEXTS.resolvedClose.de,
      en: 'Bye {ticketKey}',
    });
  });

  it('accepts its own output again, also after a JSON round trip (what the admin page stores)', () => {
    const full = parseConfig({ projects: ['SUP'], projectOverrides: { SUP: { defaultLanguage: 'en' } } });
    if (!full.ok) throw new Error('expected a valid configuration');
    expect(parseConfig(full.config)).toEqual(full);
    expect(parseConfig(JSON.parse(JSON.stringify(full.config)))).toEqual(full);
  });

  it('treats null and undefined like an empty configuration', () => {
    expect(parseConfig(undefined).ok).toBe(true);
    expect(parseConfig(null).ok).toBe(true);
  });
});

describe('parseConfig rejects bad input whole, naming the field', () => {
  it.each([
    ['an unknown top-level key', { colour: 'red' }, 'colour', /colour: is not a known setting/],
    [
      'an unknown nested key',
      { timers: { resolved: { closeAfterDay: 5 } } },
      'timers.resolved.closeAfterDay',
      /not a known setting/,
    ],
    [
      'a wrong type',
      { timers: { resolved: { closeAfterDays: '50' } } },
      'timers.resolved.closeAfterDays',
      /expected number/,
    ],
    [
      'a fractional day count',
      { timers: { clarification: { reminderIntervalDays: 2.5 } } },
      'timers.clarification.reminderIntervalDays',
      /int/,
    ],
    [
      'zero days',
      { timers: { resolved: { closeAfterDays: 0 } } },
      'timers.resolved.closeAfterDays',
      /too small/i,
    ],
    ['an unknown time zone', { calendar: { timeZone: 'Europe/Saarbruecken' } }, 'calendar.timeZone', /IANA/],
    [
      'an unknown holiday region',
      { calendar: { holidayRegion: 'DE-XX' } },
      'calendar.holidayRegion',
      /holiday region/,
    ],
    [
      'a malformed extra holiday',
      { calendar: { extraHolidays: ['24.12.2026'] } },
      'calendar.extraHolidays.0',
      /yyyy-MM-dd/,
    ],
    ['a weekday listed twice', { calendar: { workingDays: [1, 1, 2] } }, 'calendar.workingDays', /twice/],
    ['an empty status name', { names: { statuses: { open: ' ' } } }, 'names.statuses.open', /too small/i],
    ['an unknown language', { defaultLanguage: 'fr' }, 'defaultLanguage', /de|en/],
    ['a bad project key', { projects: ['sup'] }, 'projects.0', /project key/],
    [
      'on-call without target',
      { onCall: { mode: 'webhook' } },
      'onCall.target',
      /required when on-call mode is "webhook"/,
    ],
    ...(
      [
        'http://oncall.example.com/alert',
        'file:///etc/passwd',
        'javascript:alert(1)',
        'oncall.example.com/alert',
        'https://user:secret@oncall.example.com/alert',
      ] as const
    ).map((target): [string, object, string, RegExp] => [
      `an on-call webhook at ${target}`,
      { onCall: { mode: 'webhook', target } },
      'onCall.target',
      /full https:\/\/ address without user name or password/,
    ]),
    [
      'an on-call webhook to a host the manifest does not declare',
      { onCall: { mode: 'webhook', target: 'https://pager.example.net/alert' } },
      'onCall.target',
      /pager\.example\.net.*not declare as egress.*oncall\.example\.com/,
    ],
    [
      'an organization in an unknown region',
      { regions: { organizations: { ACME: 'mars' } } },
      'regions.organizations.ACME',
      /"mars"/,
    ],
    ['an unknown default region', { regions: { defaultRegion: 'mars' } }, 'regions.defaultRegion', /"mars"/],
    [
      'escalation levels out of order',
      { escalation: { levels: [{ level: 2, label: { de: 'a', en: 'a' } }] } },
      'escalation.levels.0.level',
      /must be 1/,
    ],
    [
      'an unknown placeholder',
      { texts: { clarificationClose: { de: 'Geschlossen am {closeDate}' } } },
      'texts.clarificationClose.de',
      /\{closeDate\}/,
    ],
  ])('%s', (_name, input, path, message) => {
    const errors = errorsOf(input);
    const error = errors.find((e) => e.path === path);
    expect(error).toBeDefined();
    expect(error?.message).toMatch(message);
    expect(error?.message.startsWith(`${path}:`)).toBe(true);
  });

  it('rejects reminders that reach the close day (3 × 10 >= 30)', () => {
    expect(errorsOf({ timers: { clarification: { closeAfterDays: 30 } } })).toEqual([
      {
        path: 'timers.clarification.closeAfterDays',
        message:
          'timers.clarification.closeAfterDays: 3 reminders every 10 days end on day 30, so closing on day 30 would come before or with the last reminder',
        rule: {
          kind: 'closeBeforeLastReminder',
          reminders: 3,
          everyDays: 10,
          lastReminderDay: 30,
          closeDay: 30,
        },
      },
    ]);
  });

  it('accepts the last reminder one day before the close (3 × 10 < 31)', () => {
    expect(parseConfig({ timers: { clarification: { closeAfterDays: 31 } } }).ok).toBe(true);
  });

  it('rejects an expiry notice at or before the start of the validity', () => {
    expect(errorsOf({ timers: { estimate: { validWeeks: 1, noticeBeforeDays: 7 } } })[0]?.path).toBe(
      'timers.estimate.noticeBeforeDays',
    );
    expect(parseConfig({ timers: { estimate: { validWeeks: 1, noticeBeforeDays: 6 } } }).ok).toBe(true);
  });

  it('rejects two statuses with the same Jira name, case-insensitively', () => {
    const errors = errorsOf({ names: { statuses: { resolved: 'Done', closed: 'done' } } });
    expect(errors).toEqual([
      {
        path: 'names.statuses.closed',
        message:
          'names.statuses.closed: the name "Done" is used for resolved and closed; each must map to its own Jira name',
        rule: { kind: 'nameTwice', name: 'Done', keys: ['resolved', 'closed'] },
      },
    ]);
  });

  it('rejects two kinds with the same Jira name', () => {
    expect(errorsOf({ names: { kinds: { request: 'Incident' } } })[0]?.path).toBe('names.kinds.request');
  });

  it('rejects two guide priorities on one Jira priority', () => {
    expect(errorsOf({ names: { priorities: { P1: 'High', P2: 'high' } } })[0]?.path).toBe(
      'names.priorities.P2',
    );
  });

  it('rejects option values that cannot be told apart', () => {
    expect(errorsOf({ names: { fieldValues: { yes: 'Ja', no: 'ja' } } })[0]?.path).toBe(
      'names.fieldValues.no',
    );
    expect(errorsOf({ names: { fieldValues: { production: 'Prod', nonProduction: 'Prod' } } })[0]?.path).toBe(
      'names.fieldValues.nonProduction',
    );
  });

  it('lists every problem at once', () => {
    expect(
      errorsOf({ colour: 1, timers: { resolved: { closeAfterDays: -1 } }, defaultLanguage: 'fr' }),
    ).toHaveLength(3);
  });

  it('rejects a non-object', () => {
    expect(errorsOf('yes')[0]?.message).toMatch(/^configuration: /);
  });
});

describe('project overrides are validated after merging', () => {
  it('rejects overrides for a project that is not managed', () => {
    expect(errorsOf({ projectOverrides: { SUP: {} } })).toEqual([
      {
        path: 'projectOverrides.SUP',
        message: 'projectOverrides.SUP: project SUP has overrides but is not listed in projects',
      },
    ]);
  });

  it('reports an override problem under the project path', () => {
    const errors = errorsOf({
      projects: ['SUP'],
      projectOverrides: { SUP: { timers: { clarification: { reminderIntervalDays: 20 } } } },
    });
    expect(errors.map((e) => e.path)).toEqual(['projectOverrides.SUP.timers.clarification.closeAfterDays']);
  });

  it('rejects unknown keys inside an override', () => {
    const errors = errorsOf({ projects: ['SUP'], projectOverrides: { SUP: { timer: {} } } });
    expect(errors.map((e) => e.path)).toEqual(['projectOverrides.SUP.timer']);
  });

  it('accepts a consistent override', () => {
    expect(
      parseConfig({
        projects: ['SUP'],
        projectOverrides: { SUP: { defaultLanguage: 'en', timers: { resolved: { closeAfterDays: 14 } } } },
      }).ok,
    ).toBe(true);
  });
});

describe('a plain limit says which one it is, so the admin page can word it in the user language', () => {
  it.each([
    [
      { timers: { resolved: { closeAfterDays: 0 } } },
      'timers.resolved.closeAfterDays',
      { kind: 'tooSmall', limit: 1 },
    ],
    [
      { escalation: { waitHoursBetweenLevels: 9000 } },
      'escalation.waitHoursBetweenLevels',
      { kind: 'tooBig', limit: 8760 },
    ],
    [{ calendar: { mode: 'lunar' } }, 'calendar.mode', { kind: 'invalid' }],
    [{ automation: { dryRun: 'yes' } }, 'automation.dryRun', { kind: 'invalid' }],
    [{ regions: { fallbackSecurityLevel: '' } }, 'regions.fallbackSecurityLevel', { kind: 'empty' }],
  ])('%j → %s %j', (input, path, rule) => {
    expect(errorsOf(input)).toContainEqual(expect.objectContaining({ path, rule }));
  });

  it.each([
    [
      { timers: { estimate: { validWeeks: 1, noticeBeforeDays: 7 } } },
      'timers.estimate.noticeBeforeDays',
      { kind: 'noticeBeforeEstimate', noticeDays: 7, validWeeks: 1 },
    ],
    [
      { timers: { estimate: { renewal: { mode: 'accountManagerNote', accountManagers: [] } } } },
      'timers.estimate.renewal.accountManagers',
      { kind: 'nobodyToNotify' },
    ],
    [
      { calendar: { holidayRegion: 'XX-YY' } },
      'calendar.holidayRegion',
      { kind: 'unknownHolidayRegion', region: 'XX-YY' },
    ],
    [
      {
        regions: {
          regions: {
            mars: { name: 'Mars', securityLevel: 'Support Mars', timeZone: 'UTC', holidayRegion: 'XX-YY' },
          },
        },
      },
      'regions.regions.mars.holidayRegion',
      { kind: 'unknownHolidayRegion', region: 'XX-YY' },
    ],
    [{ calendar: { workingDays: [1, 1, 2] } }, 'calendar.workingDays', { kind: 'weekdayTwice' }],
    [{ onCall: { mode: 'webhook' } }, 'onCall.target', { kind: 'targetRequired', mode: 'webhook' }],
    [
      { texts: { clarificationReminder: { en: 'Hello {nobody}' } } },
      'texts.clarificationReminder.en',
      { kind: 'unknownPlaceholders', names: ['nobody'] },
    ],
  ])('a rule between settings names its figures, for the page to word: %j', (input, path, rule) => {
    expect(errorsOf(input)).toContainEqual(expect.objectContaining({ path, rule }));
  });
});

describe('each rule between settings reports exactly its problem, in its own words', () => {
  const level = (n: number) => ({ level: n, label: { de: `Stufe ${n}`, en: `Level ${n}` } });

  it.each([
    [
      'an expiry notice as long as the validity',
      { timers: { estimate: { validWeeks: 2, noticeBeforeDays: 14 } } },
      {
        path: 'timers.estimate.noticeBeforeDays',
        message:
          'timers.estimate.noticeBeforeDays: a notice 14 days before expiry would come before the estimate is made (valid 2 weeks)',
        rule: { kind: 'noticeBeforeEstimate', noticeDays: 14, validWeeks: 2 },
      },
    ],
    [
      'a note to account managers without any',
      { timers: { estimate: { renewal: { mode: 'accountManagerNote' } } } },
      {
        path: 'timers.estimate.renewal.accountManagers',
        message:
          'timers.estimate.renewal.accountManagers: lists nobody, so a note to the account managers would reach no one',
        rule: { kind: 'nobodyToNotify' },
      },
    ],
    [
      "a configured region's unknown holiday region",
      {
        regions: {
          regions: {
            saarbruecken: { securityLevel: 'Support S', timeZone: 'Europe/Berlin', holidayRegion: 'DE-XX' },
          },
        },
      },
      {
        path: 'regions.regions.saarbruecken.holidayRegion',
        message: 'regions.regions.saarbruecken.holidayRegion: "DE-XX" is not a known holiday region',
        rule: { kind: 'unknownHolidayRegion', region: 'DE-XX' },
      },
    ],
    [
      'a webhook without a target (only the missing target, no address check of nothing)',
      { onCall: { mode: 'webhook' } },
      {
        path: 'onCall.target',
        message: 'onCall.target: is required when on-call mode is "webhook"',
        rule: { kind: 'targetRequired', mode: 'webhook' },
      },
    ],
    [
      'a gap after the first escalation level',
      { escalation: { levels: [level(1), level(3)] } },
      {
        path: 'escalation.levels.1.level',
        message: 'escalation.levels.1.level: must be 2: levels are listed in order 1, 2, 3 … without gaps',
        rule: { kind: 'levelOrder', level: 2 },
      },
    ],
    [
      'one unknown placeholder',
      { texts: { resolvedClose: { en: 'Closed on {closeDate}.' } } },
      {
        path: 'texts.resolvedClose.en',
        message: 'texts.resolvedClose.en: uses unknown placeholder {closeDate}',
        rule: { kind: 'unknownPlaceholders', names: ['closeDate'] },
      },
    ],
    [
      'two unknown placeholders',
      { texts: { resolvedClose: { de: 'Am {closeDate} um {closeTime} geschlossen.' } } },
      {
        path: 'texts.resolvedClose.de',
        message: 'texts.resolvedClose.de: uses unknown placeholders {closeDate}, {closeTime}',
        rule: { kind: 'unknownPlaceholders', names: ['closeDate', 'closeTime'] },
      },
    ],
  ])('%s', (_name, input, error) => {
    expect(errorsOf(input)).toEqual([error]);
  });

  it.each([
    [
      'a note to the account managers it lists',
      { timers: { estimate: { renewal: { mode: 'accountManagerNote', accountManagers: ['557058:am-1'] } } } },
    ],
    [
      'an Opsgenie team name, which is no web address',
      { onCall: { mode: 'opsgenie', target: 'Support Ops' } },
    ],
    // The app tells these apart (`sameName` lower-cases), so the configuration may hold both.
    [
      'two status names that differ only in ß and ss',
      { names: { statuses: { resolved: 'Maße geprüft', closed: 'MASSE GEPRÜFT' } } },
    ],
    ['escalation levels 1, 2 in order', { escalation: { levels: [level(1), level(2)] } }],
  ])('accepts %s', (_name, input) => {
    expect(parseConfig(input)).toMatchObject({ ok: true });
  });
});

describe('a limit is told once, and only where it is a figure', () => {
  it.each([
    [
      { timers: { resolved: { closeAfterDays: 1e20 } } },
      'timers.resolved.closeAfterDays',
      /<=3650$/,
      { kind: 'tooBig', limit: 3650 },
    ],
    [
      { timers: { resolved: { closeAfterDays: -1e20 } } },
      'timers.resolved.closeAfterDays',
      />=1$/,
      { kind: 'tooSmall', limit: 1 },
    ],
    // Without a limit of its own, the safe-integer range is the one there is.
    [
      { automation: { pointsBudgetPerHour: 1e20 } },
      'automation.pointsBudgetPerHour',
      /<=9007199254740991$/,
      { kind: 'tooBig', limit: Number.MAX_SAFE_INTEGER },
    ],
  ])('%j: one error on %s, with its own limit', (input, path, message, rule) => {
    expect(errorsOf(input)).toEqual([{ path, message: expect.stringMatching(message), rule }]);
  });

  it('keeps the safe-integer range of one field beside the limit of another', () => {
    expect(
      errorsOf({ automation: { pointsBudgetPerHour: 1e20 }, escalation: { waitHoursBetweenLevels: 9000 } }),
    ).toEqual([
      expect.objectContaining({
        path: 'escalation.waitHoursBetweenLevels',
        rule: { kind: 'tooBig', limit: 8760 },
      }),
      expect.objectContaining({
        path: 'automation.pointsBudgetPerHour',
        rule: { kind: 'tooBig', limit: Number.MAX_SAFE_INTEGER },
      }),
    ]);
  });

  it.each([
    [{ calendar: { workingDays: [] } }, 'calendar.workingDays', /expected array to have >=1 items/],
    [
      { escalation: { levels: [1, 2, 3, 4, 5, 6].map((level) => ({ level, label: { de: 'S', en: 'L' } })) } },
      'escalation.levels',
      /expected array to have <=5 items/,
    ],
  ])('%j: a list too short or too long is told by its sentence, not as a figure', (input, path, message) => {
    expect(errorsOf(input)).toEqual([{ path, message: expect.stringMatching(message) }]);
  });
});

describe('problems are told once and never thrown', () => {
  it.each([
    ['languageByOrganization', { languageByOrganization: null }],
    ['regions.organizations', { regions: { organizations: null } }],
    ['regions.regions', { regions: { regions: null } }],
  ])('a name record %s given as null is refused, naming the field', (path, input) => {
    expect(errorsOf(input)).toEqual([
      { path, message: expect.stringMatching(/^\S+: /), rule: { kind: 'invalid' } },
    ]);
  });

  it('a site problem is not repeated under each project override', () => {
    expect(
      errorsOf({
        projects: ['SUP', 'OPS'],
        timers: { clarification: { closeAfterDays: 30 } },
        projectOverrides: { SUP: { defaultLanguage: 'en' }, OPS: { defaultLanguage: 'de' } },
      }).map((e) => e.path),
    ).toEqual(['timers.clarification.closeAfterDays']);
  });
});
