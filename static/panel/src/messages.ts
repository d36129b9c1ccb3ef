import { de } from './messages-de';
import { en } from './messages-en';
import type {
  AuditAction,
  CommercialClass,
  EscalationLevelView,
  Language,
  PanelFlag,
  PriorityView,
  TicketKind,
  UnsupportedPanelView,
} from '../../../src/contract/resolvers';
import type { ErrorTexts } from '../../shared/src/states';

type PrioritySet = Extract<PriorityView, { state: 'set' }>;

/** Every fixed text of the issue panel. Data-dependent texts come from the server as `{ en, de }`. */
export interface PanelMessages {
  loading: string;
  error: ErrorTexts;
  unsupported: Record<UnsupportedPanelView['reason'], string>;
  unsupportedTitle: string;
  dryRun: string;
  sections: {
    priority: string;
    clocks: string;
    delivery: string;
    estimate: string;
    clarification: string;
    resolved: string;
    confidentiality: string;
    escalation: string;
    history: string;
    included: string;
    flags: string;
  };
  kind: Record<TicketKind, string>;
  priorityNotSet: string;
  category: Record<PrioritySet['category'], string>;
  mismatch: string;
  clock: {
    response: string;
    restoration: string;
    source: Record<'jsmSla' | 'app', string>;
    notStarted: string;
    running: string;
    paused: string;
    completed: string;
    breached: string;
    elapsed: string;
    target: string;
    noTarget: string;
    remaining: string;
    overdueBy: string;
  };
  delivery: {
    version: string;
    custom: string;
    customExplained: string;
    noVersion: string;
    ticket: string;
    noTicket: string;
    estimatedDate: string;
    notScheduled: string;
    status: string;
    missingVersion: string;
    noDeliveryTicket: string;
    cloudEnvironment: string;
    includedEmpty: string;
    open: (key: string) => string;
    columns: { key: string; requestType: string; summary: string; status: string };
  };
  estimate: {
    availableSince: string;
    validUntil: string;
    daysLeft: (days: number) => string;
    expired: string;
  };
  clarification: {
    inactive: string;
    entered: string;
    reminders: (sent: number, total: number) => string;
    nextReminder: string;
    allRemindersSent: string;
    autoClose: string;
    returnsTo: string;
    lastReset: string;
    resetReason: Record<'enteredStatus' | 'customerComment', string>;
  };
  resolved: { since: string; autoClose: string };
  confidentiality: {
    confidential: string;
    notConfidential: string;
    region: string;
    securityLevel: string;
    none: string;
  };
  commercial: { label: string; value: Record<CommercialClass, string> };
  escalationRole: Record<EscalationLevelView['role'], string>;
  escalationNobody: string;
  historyEmpty: string;
  auditAction: Record<AuditAction, string>;
  outcome: { skipped: string; failed: string; dryRun: string };
  flagCode: Record<PanelFlag['code'], string>;
  refresh: string;
  computedAt: (when: string) => string;
}

/** The catalogue for a UI language. */
export function panelMessages(language: Language): PanelMessages {
  return language === 'de' ? de : en;
}
