import type { AuditAction, AuditEntry, Bilingual, IsoDateTime, Language } from './common';
import type { PageReadAnswer } from './page-reads';
import type { MessageKey } from './settings';

/** `previewText` payload: render the (possibly unsaved) template with sample parameters. */
export interface PreviewTextPayload {
  messageKey: MessageKey;
  language: Language;
  /** The text as currently typed; omitted = the saved text. */
  template?: string;
  params: Record<string, string>;
}

export interface PreviewTextResult {
  text: string;
  /** Placeholders in the template the message does not know, e.g. a typo such as `{issueKy}`. */
  unknownPlaceholders: string[];
}

/**
 * `getHealth` payload: one project, or every service desk project when omitted; the page's Jira reads come with it
 * (decision 0018), as for the issue panel.
 */
export interface HealthPayload {
  projectKey?: string;
  answers?: Record<string, PageReadAnswer>;
}

/** Does every name the configuration uses exist on the site, per project? */
export interface HealthView {
  checkedAt: IsoDateTime;
  projects: ProjectHealth[];
}

export interface ProjectHealth {
  projectKey: string;
  projectName: string;
  checks: HealthCheck[];
}

export interface HealthCheck {
  category: 'issueType' | 'status' | 'transition' | 'field' | 'linkType' | 'securityLevel' | 'permission';
  /** The configured name, e.g. "Delivery Pending" or "Open → Resolved". */
  name: string;
  state: 'ok' | 'missing' | 'ambiguous';
  /** How to fix it, when the state is not ok. */
  fix: Bilingual | null;
}

/** `previewSweep` payload. */
export interface SweepPreviewPayload {
  projectKey?: string;
}

/**
 * What the next hourly sweep would do, without doing it, and what the sweeps of the 7 days after it do: every
 * ticket the app's storage holds a running timer for, no cap.
 */
export interface SweepPreviewView {
  computedAt: IsoDateTime;
  nextSweepAt: IsoDateTime | null;
  /** The steps the next sweep performs: everything due by `nextSweepAt` (or within the hour before the first). */
  items: SweepPreviewItem[];
  /** Estimated Jira REST points the sweep would spend, against the hourly budget. */
  estimatedPoints: number;
  pointsBudgetPerHour: number;
  /** What the sweeps after the next one perform until `weekUntil` (the next run plus 7 days), by due time. */
  week: SweepPreviewItem[];
  weekUntil: IsoDateTime;
  /**
   * Tickets that may fall due by `weekUntil` whose state the app's storage holds no copy of right now (a change
   * being written, or none written since the copy was introduced): not listed above; how many, and the first by key.
   */
  unknown: { count: number; tickets: string[] };
  /** Projects whose ticket index is not built yet: their tickets may have steps the preview cannot see. */
  unindexedProjects: string[];
}

export interface SweepPreviewItem {
  issueKey: string;
  timer: 'clarification' | 'resolved' | 'estimate';
  action: 'remind' | 'close';
  /** For reminders: which one, of how many. */
  reminder: { number: number; of: number } | null;
  dueAt: IsoDateTime;
}

/**
 * What a settings change would do to the open tickets' running timers, judged at the next sweep:
 * `closeNextSweep` / `remindNextSweep` the next sweep would close (or expire) / remind where it would not have;
 * `earlier` / `later` the ticket's next step moves without the next sweep acting on it.
 */
export type SettingsImpactEffect = 'closeNextSweep' | 'remindNextSweep' | 'earlier' | 'later';

/** `previewSettingsImpact` result: the impact of a `saveSettings` payload, computed without saving it. */
export interface SettingsImpactView {
  computedAt: IsoDateTime;
  /** When the next sweep runs; `null` before the first sweep (the preview then assumes within the hour). */
  nextSweepAt: IsoDateTime | null;
  /** `false` when the settings have errors: nothing was computed, the save would name them. */
  valid: boolean;
  /** Open tickets with a running timer that were compared (every one the app's storage holds a state for). */
  checked: number;
  /**
   * Tickets with a running timer whose state the app's storage holds no copy of right now (a change being
   * written, or none written since the copy was introduced): not compared, by key.
   */
  unknown: { count: number; tickets: string[] };
  /**
   * Projects in scope whose ticket index is not built yet (after installation, until the first sweeps have
   * indexed them): their tickets may have timers the check cannot see.
   */
  unindexedProjects: string[];
  /** Per effect: how many tickets, and the first of them by key. */
  effects: Record<SettingsImpactEffect, { count: number; tickets: string[] }>;
  /**
   * Tickets waiting in Clarification that have already had more reminders than the new count: they get no
   * further reminder and close one reminder interval after their last one, or on the configured close day if
   * that is later. Also counted in `effects`.
   */
  pastReminderCount: { count: number; tickets: string[] };
}

/**
 * What an activity entry is about, grouping the audit actions: reminders, automatic closes, timer restarts and
 * stops, flagged or reverted changes, Delivery work, customer requests (escalations, new estimates), security
 * levels, on-call alerts, settings saves, parked items, anything else.
 */
export type ActivityKind =
  | 'reminders'
  | 'closes'
  | 'timers'
  | 'reverts'
  | 'deliveries'
  | 'customers'
  | 'security'
  | 'onCall'
  | 'settings'
  | 'parking'
  | 'other';

/** `getActivity` payload: filters are ANDed; dates are inclusive instants. */
export interface ActivityPayload {
  projectKey?: string;
  /** One ticket's entries, e.g. `SD-12`. */
  issueKey?: string;
  action?: AuditAction;
  kind?: ActivityKind;
  from?: IsoDateTime;
  to?: IsoDateTime;
  cursor?: string;
  /** Page size; the server caps it. */
  limit?: number;
}

export interface ActivityPage {
  entries: AuditEntry[];
  /** Pass back as `cursor` for the next (older) page; `null` at the end. */
  nextCursor: string | null;
}

/**
 * The names the site knows, for the admin page's pickers, each list sorted. Read as the admin, so it holds what
 * they may see. A configured name missing here is still shown by its picker. `getSiteCatalog` answers every list
 * but `people`, which the page reads itself (`GET /rest/api/3/users/search` lists customers too, far more than a
 * resolver payload may carry back).
 */
export interface SiteCatalogView {
  issueTypes: string[];
  statuses: string[];
  fields: string[];
  resolutions: string[];
  linkTypes: { name: string; outward: string; inward: string }[];
  requestTypes: string[];
  organizations: string[];
  /** People who can be named on the escalation ladder or as account managers. */
  people: { accountId: string; displayName: string }[];
  /** The site's priorities (Jira's priority search), in the site's order. */
  priorities: string[];
  /** Security levels of the managed projects' issue security schemes that the admin may see. */
  securityLevels: string[];
  /** The public-holiday calendars the app knows, by code (`DE-SL`) with their names. */
  holidayRegions: { code: string; name: Bilingual }[];
}

/**
 * `getOrganizationHealth` result: the site's JSM organizations the settings leave to the fallbacks, with what
 * each lacks, and the fallbacks that then apply.
 */
export interface OrganizationHealthView {
  organizations: { name: string; missing: ('region' | 'language')[] }[];
  defaultRegion: string;
  defaultLanguage: Language;
}

/**
 * `getParkedItems` result: tickets and queued work items that kept failing and were set aside (parked) after
 * `maxAttempts` failures in a row; later sweeps skip them and the queue stops retrying them until retried.
 */
export interface ParkedItemsView {
  items: ParkedItem[];
  maxAttempts: number;
}

export interface ParkedItem {
  /** Opaque id to pass to `retryParkedItem`. */
  id: string;
  kind: 'ticket' | 'work';
  /** The ticket, for a ticket of the sweep; `null` for work. */
  issueKey: string | null;
  /** `null` for site-wide work. */
  projectKey: string | null;
  /** What the item is, e.g. "Timer step of SD-12" or "Delivery completion". */
  subject: Bilingual;
  /** Why it failed, in words, with the operation and HTTP status (never personal data). */
  reason: Bilingual;
  attempts: number;
  firstFailedAt: IsoDateTime;
  lastFailedAt: IsoDateTime;
  parkedAt: IsoDateTime;
}

/** `retryParkedItem` payload. */
export interface RetryParkedItemPayload {
  id: string;
}

/** `retried: false` when the item was no longer parked (retried meanwhile). */
export interface RetryParkedItemResult {
  retried: boolean;
}

/** `getSiteCatalog` result: the catalog but the people, which the page reads as the admin. */
export type SiteListsView = Omit<SiteCatalogView, 'people'>;
