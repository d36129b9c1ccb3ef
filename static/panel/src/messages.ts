import { de } from './messages-de';
import { en } from './messages-en';
import type {
  CommercialClass,
  Language,
  PanelFlag,
  PriorityView,
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
  /** The panel's first line; dates arrive formatted (`29 Nov, 18:20`, `9 Dec`). */
  nextStep: {
    reminder: (number: number, total: number, at: string, closes: string) => string;
    autoClose: (at: string) => string;
    estimateExpiry: (at: string) => string;
    overdue: {
      reminder: (number: number, total: number) => string;
      autoClose: string;
      estimateExpiry: string;
    };
    closed: string;
    noTimer: string;
  };
  /** A due step on an open ticket whose time has passed. */
  overdue: string;
  priorityNotSet: string;
  category: Record<PrioritySet['category'], string>;
  clock: {
    response: string;
    restoration: string;
    source: Record<'jsmSla' | 'app', string>;
    notStarted: string;
    running: string;
    paused: string;
    completed: string;
    missed: string;
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
  escalationNobody: string;
  /** Summary of the ladder once the customer escalated: the level reached and its configured name. */
  escalatedTo: (level: number, name: string) => string;
  /** One level reached: name, reason, when and by whom (`null`: Jira does not show who). */
  escalationEntry: (level: number, name: string, reason: string, at: string, by: string | null) => string;
  escalationHistory: string;
  /** Summary of the folded ladder when nobody is configured on any level. */
  escalationNotConfigured: string;
  historyEmpty: string;
  outcome: { skipped: string; failed: string; dryRun: string };
  flagCode: Record<PanelFlag['code'], string>;
  refresh: string;
  computedAt: (when: string) => string;
}

/** The catalogue for a UI language. */
export function panelMessages(language: Language): PanelMessages {
  return language === 'de' ? de : en;
}
