import { z } from 'zod';
import { PRIORITIES } from '../priorities/priority-catalogue';
import { SITE_DEFAULT_REGIONS } from './default-regions';
import { nameRecord, timeZoneSchema } from './schema-helpers';
import { FAIR_SHARE_POLICY, fairShareBudget } from '../fair-share';

const minutes = z.int().min(1).max(525_600);

const targetsSchema = z
  .strictObject({ responseMinutes: minutes.optional(), restorationMinutes: minutes.optional() })
  .prefault({});

/** Contracted targets per priority (PROCESS.md §5: the guide names no numbers, so none by default). */
export const prioritiesSchema = z
  .strictObject(
    Object.fromEntries(PRIORITIES.map((p) => [p, targetsSchema])) as Record<
      (typeof PRIORITIES)[number],
      typeof targetsSchema
    >,
  )
  .prefault({});

const regionSchema = z.strictObject({
  /** Display name shown to agents, e.g. `Saarbrücken`; the id is shown when it has none. */
  name: z.string().trim().min(1).optional(),
  /** Jira issue security level restricting a confidential ticket to this region's support staff. */
  securityLevel: z.string().trim().min(1),
  timeZone: timeZoneSchema,
  /** `date-holidays` code, e.g. `DE-SL`. */
  holidayRegion: z.string(),
});

/** Regions, confidentiality (PROCESS.md §7) and support hours (§1). */
export const regionsSchema = z
  .strictObject({
    /** Customer organization name → region id. */
    organizations: nameRecord(z.string().min(1), { identifiers: false }).default({}),
    regions: nameRecord(regionSchema, { identifiers: true }).default(SITE_DEFAULT_REGIONS),
    /** Region assumed for support hours when the organization has none. */
    defaultRegion: z.string().min(1).default('saarbruecken'),
    /** Security level applied when a confidential ticket's organization has no region (fail closed). */
    fallbackSecurityLevel: z.string().trim().min(1).default('Support restricted'),
    /**
     * Whether answering "No" after "Yes" removes the restriction again. The guide's default: "No" keeps the ticket
     * open to all regions (PROCESS.md §7); `false` keeps a level once set (the locked variant).
     */
    liftRestrictionOnNo: z.boolean().default(true),
  })
  .prefault({});

/** How the on-call duty is alerted for severe faults outside working days (guide §1.1.1). */
export const onCallSchema = z
  .strictObject({
    mode: z.enum(['none', 'opsgenie', 'webhook']).default('none'),
    /** Opsgenie team/responder name or webhook URL. */
    target: z.string().trim().min(1).optional(),
  })
  .prefault({});

/** The two support teams a customer's region belongs to for the team-lead level (guide §4). */
export const REGION_GROUPS = ['dach', 'international'] as const;

const accountIds = z.array(z.string().min(1)).default([]);
const localizedLabel = z.strictObject({ de: z.string().trim().min(1), en: z.string().trim().min(1) });

const groupContact = z.strictObject({
  /** Name of the level for customers of this group, e.g. "Support team lead DACH"; the level's label otherwise. */
  label: localizedLabel.optional(),
  people: accountIds,
});

const ladderLevel = z.strictObject({
  level: z.int().min(1).max(5),
  label: localizedLabel,
  /** Atlassian account ids of the people on this level. */
  people: accountIds,
  /**
   * Per region group (level 2 of the guide: one team lead for International, one for DACH). A customer's group
   * decides who is mentioned; a group that lists nobody falls back to `people`.
   */
  byGroup: z.strictObject({ dach: groupContact, international: groupContact }).optional(),
});

/** Default escalation ladder (guide §4). */
export const DEFAULT_LADDER = [
  {
    level: 1,
    label: { de: 'Persönlicher Support-Ansprechpartner', en: 'Personal support contact' },
    people: [],
  },
  {
    level: 2,
    label: {
      de: 'Support-Teamleitung (International / DACH)',
      en: 'Support team lead (International / DACH)',
    },
    people: [],
    byGroup: {
      dach: { label: { de: 'Support-Teamleitung DACH', en: 'Support team lead DACH' }, people: [] },
      international: {
        label: { de: 'Support-Teamleitung International', en: 'Support team lead International' },
        people: [],
      },
    },
  },
  { level: 3, label: { de: 'Leitung Support', en: 'Head of Support' }, people: [] },
  { level: 4, label: { de: 'Leitung Customer Services', en: 'Head of Customer Services' }, people: [] },
  { level: 5, label: { de: 'Vorstand', en: 'Board' }, people: [] },
];

/** Escalation ladder, levels 1..5 in order (PROCESS.md §9), and how customers climb it. */
export const escalationSchema = z
  .strictObject({
    levels: z.array(ladderLevel).min(1).max(5).default(DEFAULT_LADDER),
    /**
     * Region id → group; regions not listed belong to International. The defaults name the German-speaking sites;
     * an id without a configured region never matches a customer and is harmless.
     */
    regionGroups: z
      .record(z.string().min(1), z.enum(REGION_GROUPS))
      .default({ saarbruecken: 'dach', graz: 'dach' }),
    /** Hours a customer waits after one escalation before raising the next level (0 = no wait). */
    waitHoursBetweenLevels: z.int().min(0).max(8760).default(24),
  })
  .prefault({});

/** Kill switches and the Forge points budget. */
export const automationSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    /** Decide and log, but write nothing to Jira. */
    dryRun: z.boolean().default(false),
    /** Points the sweep may spend per hour; by default the installation's fair share of the app's pool. */
    pointsBudgetPerHour: z.int().min(1).default(fairShareBudget(FAIR_SHARE_POLICY)),
  })
  .prefault({});
