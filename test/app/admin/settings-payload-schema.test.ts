import {
  activityPayloadSchema,
  healthPayloadSchema,
  previewTextPayloadSchema,
  processSettingsSchema,
  projectOverrideSchema,
  saveSettingsPayloadSchema,
  sweepPreviewPayloadSchema,
} from '../../../src/app/admin/settings-payload-schema';
import { getSettings } from '../../../src/app/admin/get-settings';
import type { ActivityKind } from '../../../src/contract/admin-views';
import type { AuditAction } from '../../../src/contract/common';
import type { ProcessSettings } from '../../../src/contract/settings';
import { MESSAGE_KEYS } from '../../../src/domain/texts/message-keys';
import { adminEn } from '../../../static/admin/src/messages-en';
import { adminDeps, SERVICE_DESKS } from './admin-fixture';

/** Every audit action and every kind the admin page names (its catalogue is a Record over each type). */
const ACTIONS = Object.keys(adminEn.activity.actions) as AuditAction[];
const KINDS = Object.keys(adminEn.activity.kinds) as ActivityKind[];

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

  it.each(['from', 'to'])(
    'accepts %s as an instant with an offset and refuses a date without a time',
    (end) => {
      expect(activityPayloadSchema.safeParse({ [end]: '2026-11-01T00:00:00+01:00' }).success).toBe(true);
      expect(activityPayloadSchema.safeParse({ [end]: '2026-11-01T00:00:00Z' }).success).toBe(true);
      expect(activityPayloadSchema.safeParse({ [end]: '2026-11-01' }).success).toBe(false);
    },
  );

  it.each(ACTIONS)('accepts the action filter %s', (action) => {
    expect(activityPayloadSchema.parse({ action })).toEqual({ action });
  });

  it.each(KINDS)('accepts the kind filter %s', (kind) => {
    expect(activityPayloadSchema.parse({ kind })).toEqual({ kind });
  });

  it.each([1, 1000])('accepts a limit of %i', (limit) => {
    expect(activityPayloadSchema.parse({ limit })).toEqual({ limit });
  });

  it.each([
    ['an unknown filter', { status: 'open' }],
    ['an unknown action', { action: 'deleted' }],
    ['an unknown kind', { kind: 'everything' }],
    ['a limit of 0', { limit: 0 }],
    ['a limit over 1,000', { limit: 1001 }],
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
    expect(saveSettingsPayloadSchema.safeParse({ ...site, expectedVersion: 7 }).success).toBe(true);
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
  /** The site settings as the admin page is given them. */
  async function pageSettings(): Promise<ProcessSettings> {
    const { deps } = adminDeps({ table: [SERVICE_DESKS] });
    return (await getSettings({}, deps)).site;
  }

  it('accepts the settings the page is given, unchanged, as a site save and as an override', async () => {
    const settings = await pageSettings();
    expect(processSettingsSchema.parse(settings)).toEqual(settings);
    expect(projectOverrideSchema.parse(settings)).toEqual(settings);
  });

  const region = {
    region: 'EU',
    name: 'Europe',
    securityLevel: 'EU',
    timeZone: 'Europe/Berlin',
    holidayRegion: 'DE',
  };
  it.each<[string, (s: ProcessSettings) => ProcessSettings]>([
    ['days counted by calendar', (s) => ({ ...s, timers: { ...s.timers, dayCounting: 'calendar' } })],
    ['days counted by working days', (s) => ({ ...s, timers: { ...s.timers, dayCounting: 'working' } })],
    ...(['newRequest', 'accountManagerNote'] as const).map(
      (mode): [string, (s: ProcessSettings) => ProcessSettings] => [
        `estimate renewal by ${mode}`,
        (s) => ({ ...s, timers: { ...s.timers, estimateRenewal: { ...s.timers.estimateRenewal, mode } } }),
      ],
    ),
    ...(['de', 'en', ''] as const).map((language): [string, (s: ProcessSettings) => ProcessSettings] => [
      `an organization answered in ${JSON.stringify(language)}`,
      (s) => ({
        ...s,
        regions: {
          ...s.regions,
          regions: [region],
          organizations: [{ organization: 'Acme', region: 'EU', language }],
        },
      }),
    ]),
    ...(['de', 'en'] as const).map((defaultLanguage): [string, (s: ProcessSettings) => ProcessSettings] => [
      `the default language ${defaultLanguage}`,
      (s) => ({ ...s, regions: { ...s.regions, defaultLanguage } }),
    ]),
    ...(['none', 'opsgenie', 'webhook'] as const).map(
      (mode): [string, (s: ProcessSettings) => ProcessSettings] => [
        `on-call ${mode}`,
        (s) => ({ ...s, onCall: { mode, target: mode === 'none' ? '' : 'https://oncall.example.com' } }),
      ],
    ),
    ...(['dach', 'international'] as const).map(
      (group): [string, (s: ProcessSettings) => ProcessSettings] => [
        `a region in the ${group} escalation group`,
        (s) => ({ ...s, escalation: { ...s.escalation, regionGroups: [{ region: 'EU', group }] } }),
      ],
    ),
  ])('accepts %s', async (_what, change) => {
    const settings = change(await pageSettings());
    expect(processSettingsSchema.parse(settings)).toEqual(settings);
  });

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

  it('accepts a known message in either language, with or without a template', () => {
    expect(previewTextPayloadSchema.safeParse(payload).success).toBe(true);
    expect(previewTextPayloadSchema.safeParse({ ...payload, language: 'de' }).success).toBe(true);
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

describe('health and sweep-preview payloads: one project or all', () => {
  it.each([
    ['health check', healthPayloadSchema],
    ['sweep preview', sweepPreviewPayloadSchema],
  ])('the %s accepts a project key or nothing and refuses anything else', (_what, schema) => {
    expect(schema.parse({ projectKey: 'SUP' })).toEqual({ projectKey: 'SUP' });
    expect(schema.parse({})).toEqual({});
    expect(schema.safeParse({ projectKey: 'SUP', all: true }).success).toBe(false);
  });
});
