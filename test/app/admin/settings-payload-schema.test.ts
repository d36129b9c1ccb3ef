import {
  activityPayloadSchema,
  previewTextPayloadSchema,
  projectOverrideSchema,
  saveSettingsPayloadSchema,
} from '../../../src/app/admin/settings-payload-schema';
import { MESSAGE_KEYS } from '../../../src/domain/texts/message-keys';

describe('activity payload: the filters the Activity tab sends', () => {
  it.each([
    ['sd-12', 'SD-12'],
    ['  Ops_2-7 ', 'OPS_2-7'],
  ])('reads the ticket key %j as %j', (issueKey, read) => {
    expect(activityPayloadSchema.parse({ issueKey })).toEqual({ issueKey: read });
  });

  it.each(['SD12', '12-SD', 'SD-', 'SD-1a', '-12', 'S D-12'])('refuses %j as a ticket key', (issueKey) => {
    const parsed = activityPayloadSchema.safeParse({ issueKey });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('is not a ticket key such as SD-12');
  });

  it('accepts dates with an offset and refuses a date without a time', () => {
    expect(activityPayloadSchema.safeParse({ from: '2026-11-01T00:00:00+01:00' }).success).toBe(true);
    expect(activityPayloadSchema.safeParse({ from: '2026-11-01' }).success).toBe(false);
  });

  it.each([
    ['an unknown filter', { status: 'open' }],
    ['an unknown action', { action: 'deleted' }],
    ['an unknown kind', { kind: 'everything' }],
    ['a limit of 0', { limit: 0 }],
    ['a fractional limit', { limit: 2.5 }],
    ['a cursor longer than 2,000 characters', { cursor: 'x'.repeat(2001) }],
  ])('refuses %s', (_what, payload) => {
    expect(activityPayloadSchema.safeParse(payload).success).toBe(false);
  });
});

describe('save payload: the site settings or one project override', () => {
  const site = { scope: 'site', settings: {}, managedProjects: ['SUP'], expectedVersion: 0 };
  const project = { scope: 'project', projectKey: 'SUP', override: {}, expectedVersion: 2 };

  it('accepts a site save and a project save', () => {
    expect(saveSettingsPayloadSchema.safeParse(site).success).toBe(true);
    expect(saveSettingsPayloadSchema.safeParse({ ...site, automationEnabled: false }).success).toBe(true);
    expect(saveSettingsPayloadSchema.safeParse(project).success).toBe(true);
  });

  it.each([
    ['a project key in lower case', { ...project, projectKey: 'sup' }],
    ['a one-letter project key', { ...project, projectKey: 'S' }],
    ['a project key of eleven characters', { ...project, projectKey: 'ABCDEFGHIJK' }],
    ['a negative version', { ...project, expectedVersion: -1 }],
    ['a site field in a project save', { ...project, managedProjects: [] }],
    ['an unknown scope', { ...site, scope: 'all' }],
    ['more than 500 managed projects', { ...site, managedProjects: Array.from({ length: 501 }, () => 'P') }],
  ])('refuses %s', (_what, payload) => {
    expect(saveSettingsPayloadSchema.safeParse(payload).success).toBe(false);
  });
});

describe('process settings: shapes only', () => {
  it('a project override may leave out any section but may not add one', () => {
    expect(projectOverrideSchema.safeParse({ dryRun: true }).success).toBe(true);
    expect(projectOverrideSchema.safeParse({ projects: ['SUP'] }).success).toBe(false);
  });

  it('gives a region saved before regions had names an empty name', () => {
    const regions = {
      regions: [{ region: 'EU', securityLevel: 'EU', timeZone: 'Europe/Berlin', holidayRegion: 'DE' }],
      organizations: [],
      defaultRegion: 'EU',
      fallbackSecurityLevel: 'EU',
      liftRestrictionOnNo: true,
      defaultLanguage: 'de',
    };
    expect(projectOverrideSchema.parse({ regions }).regions?.regions[0]?.name).toBe('');
  });

  it('refuses an escalation ladder without five labels', () => {
    const escalation = {
      personalContact: '',
      teamLeadInternational: '',
      teamLeadDach: '',
      departmentHead: '',
      customerServicesHead: '',
      board: '',
      labels: [{ en: 'one', de: 'eins' }],
      waitHoursBetweenLevels: 24,
      regionGroups: [],
    };
    expect(projectOverrideSchema.safeParse({ escalation }).success).toBe(false);
  });
});

describe('preview payload', () => {
  const payload = { messageKey: MESSAGE_KEYS[0], language: 'en', template: 'x', params: { name: 'Anna' } };

  it('accepts a known message with or without a template', () => {
    expect(previewTextPayloadSchema.safeParse(payload).success).toBe(true);
    expect(previewTextPayloadSchema.safeParse({ ...payload, template: undefined }).success).toBe(true);
  });

  it.each([
    ['a template longer than 10,000 characters', { ...payload, template: 'x'.repeat(10_001) }],
    ['an unknown message', { ...payload, messageKey: 'unknown' }],
    ['a language the desk does not answer in', { ...payload, language: 'fr' }],
    ['a parameter that is not text', { ...payload, params: { count: 3 } }],
  ])('refuses %s', (_what, body) => {
    expect(previewTextPayloadSchema.safeParse(body).success).toBe(false);
  });
});
