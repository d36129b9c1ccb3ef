import type { ServiceClock, ServiceClocks } from '../domain/priorities/service-clocks';
import type {
  AuditEntry,
  Bilingual,
  IsoDate,
  IsoDateTime,
  PriorityLevel,
  StatusRef,
  TicketKind,
} from './common';

/**
 * Everything the issue panel shows, returned by ONE `getPanel` call per panel load.
 * A tagged union on `view`: a process ticket, a Delivery ticket, or a ticket the app does not handle.
 * Durations are milliseconds, instants ISO strings; the UI formats both in the user's locale and time zone.
 */
export type PanelView = TicketPanelView | DeliveryPanelView | UnsupportedPanelView;

/** Fields every panel variant carries. */
interface PanelBase {
  issueKey: string;
  /** Server clock when the view was computed: "remaining"/"days left" values are relative to it. */
  computedAt: IsoDateTime;
  /** The app runs in dry-run mode for this project: it records what it would do and changes nothing. */
  dryRun: boolean;
}

/** A ticket of one of the process kinds (PROCESS.md §2–§9). Sections that do not apply to the kind are `null`. */
export interface TicketPanelView extends PanelBase {
  view: 'ticket';
  kind: TicketKind;
  /** The site's name for the ticket's type, e.g. "Software Defect"; the panel shows this name, never a second one. */
  kindName: string;
  status: StatusRef;
  /** Resolved or Closed: goals show quietly as met or missed, nothing runs and nothing raises an alarm. */
  done: boolean;
  /** The one line the panel leads with: what the app does next on this ticket, and when. */
  nextStep: NextStepView;
  priority: PriorityView;
  clocks: ServiceClocks;
  /** Software Defect, Consulting Request and Customisation only (§3.1.1). */
  delivery: DeliveryVersionView | null;
  /** Customisation only, once an estimate was made available (§3.2.3). */
  estimate: EstimateView | null;
  /** Kinds marked (C) in PROCESS.md §3; `{ state: 'inactive' }` when the ticket is not in Clarification. */
  clarification: ClarificationView | null;
  /** Only while the ticket is Resolved (§2.2.5). */
  resolvedAutoClose: ResolvedAutoCloseView | null;
  confidentiality: ConfidentialityView;
  commercial: CommercialClass;
  escalation: EscalationLevelView[];
  /** `false` when nobody is configured on any level: the panel folds the ladder away. */
  escalationConfigured: boolean;
  /** How far the customer escalated the ticket through the portal (guide §4); level 0 and no history when never. */
  escalated: EscalationStateView;
  /** Every message the agent should notice, each exactly once (sections do not repeat them). */
  flags: PanelFlag[];
  /** The app's own audit entries for this ticket, newest first, at most the configured number. */
  history: AuditEntry[];
}

/** A Delivery ticket (§3.3): what it delivers and the state of every ticket included in it. */
export interface DeliveryPanelView extends PanelBase {
  view: 'delivery';
  status: StatusRef;
  /** Patch version such as `14.21.3.1`, or `null` when none is set yet. */
  version: string | null;
  /** An estimate, not a promise; postponements are announced on the ticket (§3.3). */
  estimatedDate: IsoDate | null;
  cloudEnvironment: string | null;
  included: IncludedTicketView[];
  flags: PanelFlag[];
  history: AuditEntry[];
}

/** Why the panel has nothing to show; the UI renders the empty state for these. */
export interface UnsupportedPanelView extends PanelBase {
  view: 'unsupported';
  reason: 'notServiceDeskProject' | 'projectNotEnabled' | 'unknownType';
  /** The ticket's type name as Jira shows it, when known. */
  typeName: string | null;
}

/**
 * The next automatic step on a ticket, for the panel's first line. `overdue`: the step's time has passed on an
 * open ticket; the next sweep performs it. `none`: no timer runs (`closed` for Resolved-then-Closed tickets).
 */
export type NextStepView =
  | { kind: 'reminder'; number: number; total: number; at: IsoDateTime; closesAt: IsoDateTime }
  | { kind: 'autoClose'; at: IsoDateTime }
  | { kind: 'estimateExpiry'; at: IsoDateTime }
  | {
      kind: 'overdue';
      step: 'reminder' | 'autoClose' | 'estimateExpiry';
      number: number | null;
      total: number | null;
    }
  | { kind: 'none'; reason: 'closed' | 'noTimer' };

/** Priority with the guide's label (critical, major, minor), its category and contractual meaning (§3.1). */
export type PriorityView =
  | { state: 'notApplicable' }
  | { state: 'notSet' }
  | {
      state: 'set';
      level: PriorityLevel;
      /** The guide's severity label: critical (P1, P2), major (P3), minor (P4). */
      label: Bilingual;
      category: 'systemAvailability' | 'softwareUsability';
      meaning: Bilingual;
      /** P1/P2 are reserved for system availability: set on a Software Defect they are a mismatch. */
      mismatch: boolean;
    };

/** The response and restoration clocks (§3.1), as the domain computes them. */
export type { ServiceClocks, ServiceClock as ServiceClockView };

/** Delivery version and the Delivery ticket it ships with (§3.1.1, §3.3). */
export interface DeliveryVersionView {
  /** `custom`: built only for this customer, ships with their next Planned delivery whatever its version. */
  version: { type: 'patch'; value: string } | { type: 'custom' } | null;
  deliveryTicket: LinkedDeliveryView | null;
  /** Warnings apply while the ticket is Delivery Pending. */
  warnings: ('missingVersion' | 'noDeliveryTicket')[];
}

export interface LinkedDeliveryView {
  key: string;
  status: StatusRef;
  version: string | null;
  estimatedDate: IsoDate | null;
}

/** Customisation estimate validity, 16 weeks from Estimation available by default (§3.2.3). */
export interface EstimateView {
  availableSince: IsoDateTime;
  validUntil: IsoDateTime;
  /** Whole days left, 0 on the last day, negative once expired. */
  daysLeft: number;
  expired: boolean;
}

/** The Clarification required / On hold timer (§2.2.5). */
export type ClarificationView =
  | { state: 'inactive' }
  | {
      state: 'active';
      enteredAt: IsoDateTime;
      remindersSent: number;
      remindersTotal: number;
      /** `null` once every reminder has been sent. */
      nextReminderAt: IsoDateTime | null;
      autoCloseAt: IsoDateTime;
      /** The status the ticket returns to when the customer answers. */
      returnsTo: StatusRef | null;
      lastReset: { at: IsoDateTime; reason: 'enteredStatus' | 'customerComment' } | null;
      /** The next step's time has passed; the next sweep performs it. */
      overdue: boolean;
    };

/** 50 days in Resolved without customer feedback closes the ticket (§2.2.5). */
export interface ResolvedAutoCloseView {
  resolvedAt: IsoDateTime;
  autoCloseAt: IsoDateTime;
  /** The close is due; the next sweep performs it. */
  overdue: boolean;
}

/** "Confidential personal data?" restricts the ticket to the customer's region (§2.2.1). */
export interface ConfidentialityView {
  confidential: boolean;
  region: string | null;
  /** The security level the app applies, or `null` when none is set. */
  securityLevel: string | null;
}

/** Covered by the contract, chargeable from the extended budget, or quoted separately (§3.1.1, §3.2). */
export type CommercialClass = 'covered' | 'chargeable' | 'quoted';

/** One step of the escalation ladder with the people the site configured for it. */
export interface EscalationLevelView {
  level: 1 | 2 | 3 | 4 | 5;
  role: 'personalContact' | 'teamLead' | 'departmentHead' | 'customerServicesHead' | 'board';
  /** The level's name as the site configured it. */
  label: Bilingual;
  /** Display names; empty when the site configured nobody for the level. */
  contacts: string[];
}

/** The levels the customer raised the ticket to, the current one last. */
export interface EscalationStateView {
  currentLevel: number;
  history: EscalationHistoryEntry[];
}

/** One level reached: its configured name (for the customer's region group), the reason, when and by whom. */
interface EscalationHistoryEntry {
  level: number;
  label: Bilingual;
  reason: Bilingual;
  at: IsoDateTime;
  /** Display name of who escalated; `null` when Jira does not show that person to the user. */
  by: string | null;
}

/** Something the agent should notice; `detail` says what exactly, in both languages. */
export interface PanelFlag {
  code:
    | 'illegalTransition'
    | 'priorityMismatch'
    | 'missingDeliveryVersion'
    | 'noDeliveryTicket'
    | 'estimateExpired'
    | 'serviceTimeBreached'
    | 'configurationIncomplete';
  severity: 'info' | 'warning' | 'error';
  detail: Bilingual;
  at: IsoDateTime | null;
}

/** A ticket listed on a Delivery ticket: Key | Request type | Summary, plus its current status (§3.3). */
export interface IncludedTicketView {
  key: string;
  requestType: string;
  summary: string;
  kind: TicketKind | null;
  status: StatusRef;
}
