/**
 * Vocabulary shared by every resolver result. This folder holds types only: `src/` and `static/*` both import
 * it with `import type`, so nothing here may carry runtime values.
 *
 * Language rule (see docs/decisions/0001-issue-context-panel.md): texts whose wording depends on data or on the
 * site's configuration (priority meanings, health fixes, audit summaries, flag details) travel as
 * {@link Bilingual} `{ en, de }`; the UI picks one with the same rule it uses for its own catalogue
 * (`de` for locales starting with `de`, else `en`). Fixed words (labels, enum names) live in the UI catalogues.
 */

/** An instant as an ISO-8601 string with offset, e.g. `2026-11-27T09:30:00.000Z`. */
export type IsoDateTime = string;

/** A calendar date as `YYYY-MM-DD` (holidays, estimated delivery dates). */
export type IsoDate = string;

/** The two languages the support process speaks (PROCESS.md §1). */
export type Language = 'en' | 'de';

/** A text the server composed in both languages; the UI shows the one matching the user's locale. */
export type Bilingual = Record<Language, string>;

/**
 * What a ticket is in the process, independent of the site's type names (PROCESS.md §2).
 * `incident` and `request` are the two portal types before support reclassifies them.
 */
export type TicketKind =
  | 'incident'
  | 'request'
  | 'softwareDefect'
  | 'nonSoftwareDefect'
  | 'consultingRequest'
  | 'supportRequest'
  | 'customisation'
  | 'suggestion';

/** The role a status plays in the process (PROCESS.md §3); the site maps its own status names onto these. */
export type StatusRole =
  | 'open'
  | 'clarification'
  | 'inProgress'
  | 'estimationInProgress'
  | 'estimationAvailable'
  | 'ordered'
  | 'deliveryPending'
  | 'resolved'
  | 'closed'
  | 'planned'
  | 'delivered'
  | 'stageInstallationCompleted'
  | 'installationCompleted';

/** A Jira status as shown: the site's name plus the process role it maps to (`null` = not a process status). */
export interface StatusRef {
  name: string;
  role: StatusRole | null;
}

/** Service priorities (PROCESS.md §5). */
export type PriorityLevel = 'P1' | 'P2' | 'P3' | 'P4';

/** Every automated thing the app does or plans, as recorded in its audit log. */
export type AuditAction =
  | 'reminderSent'
  | 'autoClosed'
  | 'timerReset'
  /** A running timer ended because the ticket left its status (closed by the customer, moved by an agent). */
  | 'timerStopped'
  | 'transitionFlagged'
  | 'transitionReverted'
  | 'priorityFlagged'
  | 'deliveryLinked'
  | 'deliveryUnlinked'
  | 'deliveryTransitioned'
  /** On a Delivery: the app linked tickets to it. */
  | 'deliveryTicketsLinked'
  /** On a Delivery: it completed and handed its tickets on to be resolved or closed. */
  | 'deliveryCompleted'
  /** A customer escalated the request one level (guide §4). */
  | 'escalated'
  /** A customer asked for a new estimate after theirs expired (guide §3.2.3). */
  | 'newEstimateRequested'
  | 'securityLevelSet'
  | 'onCallAlerted'
  | 'settingsChanged'
  /** A ticket or queued work item that kept failing was set aside until an admin retries it. */
  | 'itemParked'
  /** An admin retried a parked item. */
  | 'parkedItemRetried'
  /** Anything else the app recorded (a skipped duplicate, a failed write, a rebuilt timer state). */
  | 'appActivity';

/**
 * One audit log entry. `dryRun` entries record what the app would have done (nothing was changed in Jira);
 * `outcome: 'failed'` keeps the error code only — never personal data.
 */
export interface AuditEntry {
  id: string;
  at: IsoDateTime;
  action: AuditAction;
  /** `null` for site-wide entries such as `settingsChanged`. */
  issueKey: string | null;
  projectKey: string | null;
  outcome: 'done' | 'skipped' | 'failed';
  dryRun: boolean;
  /** e.g. "Reminder 2 of 3 sent" / "Erinnerung 2 von 3 gesendet". */
  summary: Bilingual;
  /** A settings save: the saving admin's account id (the page shows the display name it reads as the viewer). */
  actorAccountId?: string;
  /** A settings save: each changed setting, by its path on the admin page, old → new (long texts shortened). */
  changes?: SettingChangeView[];
  /** A settings save changed more settings than `changes` lists. */
  moreChanges?: number;
}

/** One changed setting: `path` as the save's error paths name it (`timers.resolvedAutoCloseDays`). */
interface SettingChangeView {
  path: string;
  from: string;
  to: string;
}
