import type { Bilingual, IsoDate, PriorityLevel, StatusRole, TicketKind } from './common';

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
  regions: RegionMapping[];
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
  /** Link type between a Delivery ticket and the tickets it includes. */
  deliveryLinkType: string;
}

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
  /** The guide counts calendar days; a site may count working days with its holiday calendar. */
  dayCounting: 'calendar' | 'working';
}

/** Customer-facing comments the app writes, each in German and English. */
export type MessageKey =
  | 'clarificationReminder'
  | 'clarificationAutoClosed'
  | 'resolvedAutoClosed'
  | 'estimateExpired'
  | 'transitionNotAllowed'
  | 'deliveryCompleted';

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

/** A confidential ticket from this region gets this security level (PROCESS.md §7). */
export interface RegionMapping {
  region: string;
  securityLevel: string;
}

/** Contracted service times per priority in minutes; `null` = none contracted (PROCESS.md §5). */
export interface ServiceTarget {
  responseMinutes: number | null;
  restorationMinutes: number | null;
}

/** Who is alerted when a severe fault arrives on a weekend or public holiday (PROCESS.md §1). */
export type OnCallTarget =
  { type: 'none' } | { type: 'user'; accountId: string } | { type: 'email'; address: string };

/** People per escalation level (PROCESS.md §9); level 2 has one lead for International and one for DACH. */
export interface EscalationLadderSettings {
  personalContact: string;
  teamLeadInternational: string;
  teamLeadDach: string;
  departmentHead: string;
  customerServicesHead: string;
  board: string;
}

/** A project the site has, as the admin page lists it. */
export interface SiteProject {
  id: string;
  key: string;
  name: string;
  serviceDesk: boolean;
  /** The project has overrides (see {@link ProjectOverride}). */
  overridden: boolean;
}

/** A message the app writes, with the placeholders its template may use and sample values for the preview. */
export interface MessageCatalogEntry {
  key: MessageKey;
  params: { name: string; sample: string }[];
}

/** `getSettings` result. `version` guards against two admins saving over each other. */
export interface SettingsView {
  site: ProcessSettings;
  overrides: Record<string, ProjectOverride>;
  projects: SiteProject[];
  messages: MessageCatalogEntry[];
  version: number;
}

/** `saveSettings` payload: the site defaults, or one project's overrides (sections absent = follow the site). */
export type SaveSettingsPayload =
  | { scope: 'site'; settings: ProcessSettings; expectedVersion: number }
  | { scope: 'project'; projectKey: string; override: ProjectOverride; expectedVersion: number };

/**
 * `saveSettings` result. `path` is dot-separated from the saved object, e.g. `timers.resolvedAutoCloseDays`,
 * `texts.clarificationReminder.de`, `regions.1.securityLevel`; `''` is about the whole save
 * (e.g. someone else saved first).
 */
export type SaveSettingsResult =
  { ok: true; version: number } | { ok: false; errors: { path: string; message: string }[] };
