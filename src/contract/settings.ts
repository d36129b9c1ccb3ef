import type { ConsistencyRule } from '../domain/config/consistency-rules';
import type { Bilingual, IsoDate, Language, PriorityLevel, StatusRole, TicketKind } from './common';

/**
 * The configuration as the admin page edits it. Every name, duration and list of PROCESS.md is configuration
 * with the guide's values as defaults. The site holds a full {@link ProcessSettings}; a project may override
 * whole sections ({@link ProjectOverride}); a section it does not override follows the site.
 */
export interface ProcessSettings {
  names: NameMappings;
  timers: TimerSettings;
  texts: Record<MessageKey, Bilingual>;
  calendar: CalendarSettings;
  regions: RegionSettings;
  serviceTargets: Record<PriorityLevel, ServiceTarget>;
  onCall: OnCallTarget;
  escalation: EscalationLadderSettings;
  /** Record what would happen, change nothing in Jira. */
  dryRun: boolean;
  /** Jira REST points the hourly sweep may spend per hour for this installation. */
  pointsBudgetPerHour: number;
}

/** A top-level section of {@link ProcessSettings}; the unit a project overrides. */
export type SettingsSection = keyof ProcessSettings;

/** Only the sections a project overrides; absent sections follow the site defaults. */
export type ProjectOverride = Partial<ProcessSettings>;

/** The site's own names for the process concepts (PROCESS.md §1–§3, §6–§7). */
export interface NameMappings {
  kinds: Record<TicketKind | 'delivery', string>;
  statuses: Record<StatusRole, string>;
  fields: Record<FieldRole, string>;
  /** Option names of the select fields the app compares against (e.g. "Yes", "Production"). */
  fieldValues: Record<FieldValueRole, string>;
  /** The site's Jira priority name for each guide priority (a site may keep Jira's Highest … Low). */
  priorities: Record<PriorityLevel, string>;
  /** Link type between a Delivery ticket and the tickets it includes. */
  deliveryLinkType: DeliveryLinkTypeNames;
  /** Resolution the app sets when it closes a ticket automatically. */
  resolutionOnClose: string;
  /** Delivery version value meaning "ships with the customer's next delivery" (guide §3.1.1). */
  customValue: string;
}

/** A Jira issue link type by its name and the wording of both directions, as Jira's link dialog shows them. */
interface DeliveryLinkTypeNames {
  name: string;
  /** From the Delivery to a ticket, e.g. "ships". */
  outward: string;
  /** From a ticket to its Delivery, e.g. "is shipped in". */
  inward: string;
}

/** Options of the select fields, by role: the answers Yes/No and the cloud environments. */
export type FieldValueRole = 'yes' | 'no' | 'production' | 'nonProduction';

/** Fields the app reads, by role; values are the site's field names. */
export type FieldRole =
  | 'deliveryVersion'
  | 'estimatedDeliveryDate'
  | 'cloudEnvironment'
  | 'confidential'
  | 'region'
  | 'affectedSystem'
  | 'customerReference';

/** Timer rules (PROCESS.md §4). */
export interface TimerSettings {
  clarificationReminderCount: number;
  clarificationReminderIntervalDays: number;
  clarificationAutoCloseDays: number;
  resolvedAutoCloseDays: number;
  estimateValidityWeeks: number;
  /** Days before an estimate expires to notify the customer; `null` = no notice (the guide promises none). */
  estimateNoticeBeforeDays: number | null;
  /** The guide counts calendar days; a site may count working days with its holiday calendar. */
  dayCounting: 'calendar' | 'working';
  /** What "Request a new estimate" does once an estimate expired (guide §3.2.3). */
  estimateRenewal: EstimateRenewalSettings;
}

/**
 * `newRequest`: a new Request linked to the expired ticket with `linkType`; `accountManagerNote`: an internal
 * note on the expired ticket mentioning the account managers (account ids, comma-separated, like the ladder).
 */
export interface EstimateRenewalSettings {
  mode: 'newRequest' | 'accountManagerNote';
  accountManagers: string;
  linkType: string;
}

/**
 * Every message the app writes into a ticket (public replies and internal notes), each in German and English.
 * The same keys as the domain's catalogue (`src/domain/texts/message-keys.ts`); `src/app/admin` checks at
 * compile time that the two lists agree.
 */
export type MessageKey =
  | 'clarificationReminder'
  | 'clarificationClose'
  | 'resolvedClose'
  | 'estimateExpiryNotice'
  | 'estimateExpired'
  | 'transitionRefused'
  | 'reclassificationRefused'
  | 'deliveryMissing'
  | 'deliveryResolved'
  | 'deliveryClosed'
  | 'onCallAlerted'
  | 'outOfHoursAutoReply'
  | 'priorityMismatch'
  | 'confidentialityApplied'
  | 'confidentialityFallback'
  | 'confidentialityLifted'
  | 'escalationNote'
  | 'escalationReply'
  | 'newEstimateRequested';

export interface CalendarSettings {
  /** IANA zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** ISO 3166 country and optional subdivision for public holidays, e.g. `DE` / `SL`. */
  holidayCountry: string;
  holidayRegion: string | null;
  /** ISO weekday numbers 1 (Monday) … 7 (Sunday). */
  workingDays: number[];
  /** Additional non-working dates. */
  extraHolidays: IsoDate[];
}

/**
 * Regions, the organizations that belong to them and the language each organization is answered in
 * (PROCESS.md §1, §7). A ticket's region comes from its JSM organization.
 */
export interface RegionSettings {
  regions: RegionMapping[];
  organizations: OrganizationMapping[];
  /** Region id assumed for support hours when an organization has none. */
  defaultRegion: string;
  /** Security level of a confidential ticket whose organization has no region (fail closed). */
  fallbackSecurityLevel: string;
  /** Whether answering "No" after "Yes" removes the restriction again. */
  liftRestrictionOnNo: boolean;
  /** Language of the texts for organizations without their own. */
  defaultLanguage: Language;
}

/** One region: a confidential ticket from it gets `securityLevel`; its hours follow the zone and holidays. */
export interface RegionMapping {
  /** The region id organizations refer to, e.g. `saarbruecken`. */
  region: string;
  /** Display name shown to agents, e.g. `Saarbrücken` (`''` = none: the id is shown). */
  name: string;
  securityLevel: string;
  /** IANA zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** Holiday calendar code, e.g. `DE-SL`. */
  holidayRegion: string;
}

/** A JSM organization: its region (`''` = none, the fallback applies) and language (`''` = the default). */
export interface OrganizationMapping {
  organization: string;
  region: string;
  language: Language | '';
}

/** Contracted service times per priority in minutes; `null` = none contracted (PROCESS.md §5). */
export interface ServiceTarget {
  responseMinutes: number | null;
  restorationMinutes: number | null;
}

/**
 * Who is alerted when a severe fault arrives on a weekend or public holiday (PROCESS.md §1): nobody, an
 * Opsgenie team or responder (`target` = its name), or a webhook (`target` = its https URL).
 */
export interface OnCallTarget {
  mode: 'none' | 'opsgenie' | 'webhook';
  /** `''` when `mode` is `none`. */
  target: string;
}

/** People per escalation level (PROCESS.md §9); level 2 has one lead for International and one for DACH. */
export interface EscalationLadderSettings {
  personalContact: string;
  teamLeadInternational: string;
  teamLeadDach: string;
  departmentHead: string;
  customerServicesHead: string;
  board: string;
  /** Name of each level as agents and customers read it, levels 1 … 5 in order (index = level − 1). */
  labels: Bilingual[];
  /** Hours a customer waits after one escalation before raising the next level (0 = no wait). */
  waitHoursBetweenLevels: number;
  /** Regions whose customers reach the DACH team lead on level 2; a region not listed is International. */
  regionGroups: { region: string; group: RegionGroup }[];
}

/** The two groups of team leads on level 2 (PROCESS.md §9). */
export type RegionGroup = 'dach' | 'international';

/** A project the site has, as the admin page lists it. */
export interface SiteProject {
  id: string;
  key: string;
  name: string;
  serviceDesk: boolean;
  /** The project has overrides (see {@link ProjectOverride}). */
  overridden: boolean;
  /** The app manages this project's tickets; until then the panel says it is not enabled. */
  managed: boolean;
}

/** A message the app writes, with the placeholders its template may use and sample values for the preview. */
export interface MessageCatalogEntry {
  key: MessageKey;
  /** `public`: a reply the customer reads; `internal`: a note only agents see. */
  audience: 'public' | 'internal';
  params: { name: string; sample: string }[];
}

/** `getSettings` result. `version` guards against two admins saving over each other. */
export interface SettingsView {
  site: ProcessSettings;
  overrides: Record<string, ProjectOverride>;
  projects: SiteProject[];
  messages: MessageCatalogEntry[];
  /**
   * Site-wide master switch: `false` pauses all automation in every project (no reminders, closes, checks or
   * Delivery updates). Unlike {@link ProcessSettings.dryRun} nothing is even recorded.
   */
  automationEnabled: boolean;
  version: number;
}

/** `saveSettings` payload: the site defaults, or one project's overrides (sections absent = follow the site). */
export type SaveSettingsPayload =
  | {
      scope: 'site';
      settings: ProcessSettings;
      managedProjects: string[];
      /** The master switch ({@link SettingsView.automationEnabled}); absent = unchanged. */
      automationEnabled?: boolean;
      expectedVersion: number;
    }
  | { scope: 'project'; projectKey: string; override: ProjectOverride; expectedVersion: number };

/**
 * `saveSettings` result. `path` is dot-separated from the saved object, e.g. `timers.resolvedAutoCloseDays`,
 * `texts.clarificationReminder.de`, `regions.regions.1.timeZone`, `projects` (the managed projects), `automationEnabled`; `''` is about the whole save
 * (e.g. someone else saved first).
 */
export type SaveSettingsResult =
  { ok: true; version: number } | { ok: false; errors: SettingsError[]; conflict?: SaveConflictView };

/**
 * One problem of a save: the page's field (`path`), the server's English sentence, and, for a plain limit,
 * which one (`rule`), so the page can say it in the user's language next to the field's label.
 */
export interface SettingsError {
  path: string;
  message: string;
  rule?: SettingsRule;
}

/**
 * A plain limit a value broke, or a rule between settings with the figures its sentence names (see
 * `ValidationRule` in the domain; the save resolver copies it, so the compiler keeps the two in step);
 * `httpsUrl` and `egress` refuse an on-call webhook that is no https address or whose host the app's manifest
 * does not declare (`hosts`: those it does).
 */
export type SettingsRule =
  | { kind: 'tooSmall' | 'tooBig'; limit: number }
  | { kind: 'empty' }
  | { kind: 'invalid' }
  | { kind: 'httpsUrl' }
  | { kind: 'egress'; hosts: string[] }
  | ConsistencyRule
  | { kind: 'rowUnnamed' }
  | { kind: 'rowTwice'; name: string }
  | { kind: 'regionOrLanguage' }
  | { kind: 'regionFromOrganization'; field: string };

/**
 * Another admin saved first, on the same version: the version now stored, when (ISO) and by whom: the
 * display name when the saving admin may see it, else the account id (the page shows it as a user mention).
 */
export interface SaveConflictView {
  version: number;
  savedAt?: string;
  savedBy?: string;
  savedByName?: string;
}
