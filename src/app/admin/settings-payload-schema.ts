import { z } from 'zod';
import type { StatusRole, TicketKind } from '../../contract/common';
import type { FieldRole, FieldValueRole } from '../../contract/settings';
import { KINDS, type Kind } from '../../domain/kinds';
import { STATUSES, type StatusKey } from '../../domain/statuses';
import { MESSAGE_KEYS } from '../../domain/texts/message-keys';
import { ACTIVITY_KINDS, AUDIT_ACTIONS } from './activity-kinds';

/**
 * Zod schemas of the admin page's payloads (src/contract/settings.ts, admin-views.ts). They check SHAPE only
 * (types, known keys); the rules (ranges, consistency, known time zones) are the domain's `parseConfig`, whose
 * errors are reported against the same field paths.
 */

const name = z.string();
const bilingual = z.strictObject({ en: z.string(), de: z.string() });
const minutes = z.number().nullable();

/** The admin page edits the names of every domain kind and status; these fail to compile if the lists drift. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _kindsMatch: Same<TicketKind | 'delivery', Kind> = true;
const _statusesMatch: Same<StatusRole, StatusKey> = true;

const FIELD_ROLES = [
  'deliveryVersion',
  'estimatedDeliveryDate',
  'cloudEnvironment',
  'confidential',
  'region',
  'affectedSystem',
  'customerReference',
] as const satisfies readonly FieldRole[];

const FIELD_VALUE_ROLES = [
  'yes',
  'no',
  'production',
  'nonProduction',
] as const satisfies readonly FieldValueRole[];

const PRIORITY_LEVELS = ['P1', 'P2', 'P3', 'P4'] as const;

const record = <K extends string, V extends z.ZodType>(keys: readonly K[], value: V) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, V>);

const target = z.strictObject({ responseMinutes: minutes, restorationMinutes: minutes });

const sections = {
  names: z.strictObject({
    kinds: record(KINDS, name),
    statuses: record(STATUSES, name),
    fields: record(FIELD_ROLES, name),
    fieldValues: record(FIELD_VALUE_ROLES, name),
    priorities: record(PRIORITY_LEVELS, name),
    deliveryLinkType: z.strictObject({ name, outward: name, inward: name }),
    resolutionOnClose: name,
    customValue: name,
  }),
  timers: z.strictObject({
    clarificationReminderCount: z.number(),
    clarificationReminderIntervalDays: z.number(),
    clarificationAutoCloseDays: z.number(),
    resolvedAutoCloseDays: z.number(),
    estimateValidityWeeks: z.number(),
    estimateNoticeBeforeDays: z.number().nullable(),
    dayCounting: z.enum(['calendar', 'working']),
    estimateRenewal: z.strictObject({
      mode: z.enum(['newRequest', 'accountManagerNote']),
      accountManagers: z.string(),
      linkType: z.string(),
    }),
  }),
  texts: record(MESSAGE_KEYS, bilingual),
  calendar: z.strictObject({
    timeZone: z.string(),
    holidayCountry: z.string(),
    holidayRegion: z.string().nullable(),
    workingDays: z.array(z.number()),
    extraHolidays: z.array(z.string()),
  }),
  regions: z.strictObject({
    regions: z.array(
      z.strictObject({
        region: z.string(),
        // Optional for pages saved before regions had names.
        name: z.string().default(''),
        securityLevel: z.string(),
        timeZone: z.string(),
        holidayRegion: z.string(),
      }),
    ),
    organizations: z.array(
      z.strictObject({ organization: z.string(), region: z.string(), language: z.enum(['de', 'en', '']) }),
    ),
    defaultRegion: z.string(),
    fallbackSecurityLevel: z.string(),
    liftRestrictionOnNo: z.boolean(),
    defaultLanguage: z.enum(['de', 'en']),
  }),
  serviceTargets: record(PRIORITY_LEVELS, target),
  onCall: z.strictObject({ mode: z.enum(['none', 'opsgenie', 'webhook']), target: z.string() }),
  escalation: z.strictObject({
    personalContact: z.string(),
    teamLeadInternational: z.string(),
    teamLeadDach: z.string(),
    departmentHead: z.string(),
    customerServicesHead: z.string(),
    board: z.string(),
    labels: z.array(bilingual).length(5),
    waitHoursBetweenLevels: z.number(),
    regionGroups: z.array(z.strictObject({ region: z.string(), group: z.enum(['dach', 'international']) })),
  }),
  dryRun: z.boolean(),
  pointsBudgetPerHour: z.number(),
};

export const processSettingsSchema = z.strictObject(sections);
export const projectOverrideSchema = processSettingsSchema.partial();

export const saveSettingsPayloadSchema = z.discriminatedUnion('scope', [
  z.strictObject({
    scope: z.literal('site'),
    settings: z.unknown(),
    managedProjects: z.array(z.string().max(10)).max(500),
    automationEnabled: z.boolean().optional(),
    expectedVersion: z.int().min(0),
  }),
  z.strictObject({
    scope: z.literal('project'),
    projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{1,9}$/),
    override: z.unknown(),
    expectedVersion: z.int().min(0),
  }),
]);

export const previewTextPayloadSchema = z.strictObject({
  messageKey: z.enum(MESSAGE_KEYS),
  language: z.enum(['en', 'de']),
  template: z.string().max(10_000).optional(),
  params: z.record(z.string(), z.string()),
});

export const healthPayloadSchema = z.strictObject({ projectKey: z.string().optional() });
export const sweepPreviewPayloadSchema = z.strictObject({ projectKey: z.string().optional() });

export const activityPayloadSchema = z.strictObject({
  projectKey: z.string().optional(),
  /** One ticket, e.g. `SD-12` (any case). */
  issueKey: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$/, 'is not a ticket key such as SD-12')
    .transform((k) => k.toUpperCase())
    .optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.int().min(1).max(1000).optional(),
});
