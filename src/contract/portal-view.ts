import type { IsoDate, IsoDateTime, Language, PriorityLevel } from './common';

/**
 * What the customer portal shows on one request (`jiraServiceManagement:portalRequestDetailPanel`), in ONE
 * `getPortal` call. Everything is already in the customer's language (`language`: the organization's configured
 * language, else the portal's locale); nothing internal travels here: no internal notes, no audit, no data of
 * other organizations.
 */
export type PortalView = PortalRequestView | PortalUnsupportedView;

/** A request of a project the app manages. */
export interface PortalRequestView {
  view: 'request';
  issueKey: string;
  language: Language;
  /** Server clock when the view was computed. */
  computedAt: IsoDateTime;
  /** The site's name of the request's type, e.g. "Software Defect". */
  typeName: string;
  /** What happens next and who acts, in one sentence. */
  nextStep: string;
  /** Software Defect and Non-Software Defect only (guide §3.1); `null` elsewhere or when not set. */
  priority: PortalPriorityView | null;
  /** Software Defect, Consulting Request, Customisation with a version set (guide §3.1.1). */
  deliveryVersion: { kind: 'patch'; text: string } | { kind: 'custom'; text: string } | null;
  /** On a Delivery request: its estimated date and the included tickets of the customer's organization. */
  delivery: PortalDeliveryView | null;
  /** "Confidential personal data? = Yes" (guide §2.2.1). */
  confidential: boolean;
  escalation: PortalEscalationView;
  /** Customisation whose estimate expired (guide §3.2.3): whether a new one can be or was requested. */
  estimateRenewal: PortalRenewalView | null;
}

/** The request is not one the app handles (project not managed, unknown type): the panel shows nothing. */
interface PortalUnsupportedView {
  view: 'unsupported';
  issueKey: string;
  language: Language;
}

export interface PortalPriorityView {
  level: PriorityLevel;
  /** e.g. "critical" / "kritischer Fehler". */
  severity: string;
  /** The guide's meaning of the priority. */
  meaning: string;
}

interface PortalDeliveryView {
  /** An estimate, not a promise (guide §3.3). */
  estimatedDate: IsoDate | null;
  included: PortalIncludedTicket[];
}

/** One ticket a Delivery ships: Key | Request type | Summary (guide §3.3). */
export interface PortalIncludedTicket {
  key: string;
  typeName: string;
  summary: string;
  /** The portal address of the ticket, when this customer may open it; `null` otherwise. */
  url: string | null;
}

/** Escalation ladder as the customer climbs it (guide §4). */
export interface PortalEscalationView {
  currentLevel: number;
  /** Who looks after the request now; `null` before any escalation. */
  currentLevelName: string | null;
  /** The level "Escalate" raises the request to; `null` at the top or on a closed request. */
  nextLevel: number | null;
  nextLevelName: string | null;
  /** The next level can be raised from then on (the configured wait); `null` when it can now. */
  allowedFrom: IsoDateTime | null;
  history: PortalEscalationEntry[];
}

interface PortalEscalationEntry {
  level: number;
  levelName: string;
  reason: EscalationReasonCode;
  at: IsoDateTime;
}

/** The guide's three reasons (§4). */
export type EscalationReasonCode = 'serviceTimeExceeded' | 'handling' | 'productQuality';

export interface PortalRenewalView {
  /** When the customer asked for a new estimate; `null` when they have not yet. */
  requestedAt: IsoDateTime | null;
  /** The Request raised for it, when the site raises one. */
  requestKey: string | null;
}

/** "Escalate": the level the customer saw as next (names the occurrence), the reason and a short text. */
export interface EscalatePayload {
  targetLevel: number;
  reason: EscalationReasonCode;
  /** 1 … 1,000 characters. */
  text: string;
}

/**
 * `escalated`: done now; `alreadyDone`: a repeated click or retry of an escalation that happened;
 * `inProgress`: another click is being processed; `refused`: not possible now (with the reason).
 */
export type EscalateResult =
  | { outcome: 'escalated' | 'alreadyDone' | 'inProgress'; escalation: PortalEscalationView }
  | {
      outcome: 'refused';
      reason: 'tooEarly' | 'notNext' | 'topReached' | 'closed' | 'dryRun';
      escalation: PortalEscalationView;
    };

/** "Request a new estimate" on an expired Customisation estimate. */
export type RenewEstimateResult =
  { outcome: 'requested' | 'alreadyRequested'; renewal: PortalRenewalView } | { outcome: 'notExpired' };
