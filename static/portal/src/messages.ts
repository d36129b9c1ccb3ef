import type { EscalationReasonCode, Language } from '../../../src/contract/resolvers';
import type { ErrorTexts } from '../../shared/src/states';
import { de } from './messages-de';
import { en } from './messages-en';

/** Every fixed text of the portal modules; data-dependent sentences come from the server in the customer's language. */
export interface PortalMessages {
  loading: string;
  error: ErrorTexts;
  unsupported: string;
  nextStep: string;
  priority: string;
  priorityLine: (level: string, severity: string) => string;
  deliveryVersion: string;
  customExplained: (value: string) => string;
  delivery: string;
  estimatedDate: (date: string) => string;
  estimateNote: string;
  included: { key: string; type: string; summary: string; none: string; notOpenable: string };
  confidential: string;
  confidentialText: string;
  escalation: string;
  notEscalated: string;
  currentLevel: (level: number, name: string) => string;
  nextLevel: (level: number, name: string) => string;
  waitUntil: (date: string) => string;
  topReached: string;
  historyEntry: (level: number, name: string, reason: string, at: string) => string;
  reasons: Record<EscalationReasonCode, string>;
  dialog: {
    title: (level: number, name: string) => string;
    reason: string;
    text: string;
    textHint: string;
    submit: string;
    cancel: string;
    close: string;
    escalated: (level: number, name: string) => string;
    alreadyDone: string;
    inProgress: string;
    refused: Record<'tooEarly' | 'notNext' | 'topReached' | 'closed' | 'dryRun', string>;
    unavailable: string;
  };
  renewal: {
    title: string;
    explain: string;
    submit: string;
    requested: (at: string) => string;
    requestKey: (key: string) => string;
    notExpired: string;
  };
}

/** The catalogue of one language. */
export function portalMessages(language: Language): PortalMessages {
  return language === 'de' ? de : en;
}
