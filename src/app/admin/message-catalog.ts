import type { MessageCatalogEntry, MessageKey as ContractMessageKey } from '../../contract/settings';
import { MESSAGE_KEYS, MESSAGE_PLACEHOLDERS, type MessageKey } from '../../domain/texts/message-keys';

/**
 * The admin page edits every message of the domain's catalogue under the same key. These two assignments fail
 * to compile when the contract's list and the domain's list drift apart.
 */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _contractKeysMatchDomain: SameKeys<ContractMessageKey, MessageKey> = true;

/** Who reads each message: customers (a public reply on the portal) or agents only (an internal note). */
const MESSAGE_AUDIENCE: Record<MessageKey, MessageCatalogEntry['audience']> = {
  clarificationReminder: 'public',
  clarificationClose: 'public',
  resolvedClose: 'public',
  estimateExpiryNotice: 'public',
  estimateExpired: 'public',
  transitionRefused: 'internal',
  reclassificationRefused: 'internal',
  deliveryMissing: 'internal',
  deliveryResolved: 'public',
  deliveryClosed: 'public',
  onCallAlerted: 'public',
  outOfHoursAutoReply: 'public',
  priorityMismatch: 'internal',
  confidentialityApplied: 'internal',
  confidentialityFallback: 'internal',
  confidentialityLifted: 'internal',
  escalationNote: 'internal',
  escalationReply: 'public',
  newEstimateRequested: 'internal',
};

/** Sample values the admin page's preview fills into each placeholder (invented, no personal data). */
const SAMPLES: Record<string, string> = {
  ticketKey: 'SUP-123',
  reminderNumber: '2',
  reminderCount: '3',
  closeDate: '2026-12-24',
  closeAfterDays: '40',
  expiryDate: '2027-03-19',
  validWeeks: '16',
  from: 'Open',
  to: 'Delivery Pending',
  reason: 'not allowed for Support Request',
  fromType: 'Incident',
  toType: 'Suggestion',
  version: '14.21.3.1',
  nextWorkingDay: '2026-11-30',
  priority: 'P1',
  type: 'Software Defect',
  securityLevel: 'Support Saarbrücken',
  organization: 'ACME GmbH',
  level: '2',
  levelName: 'Support team lead DACH',
  contacts: 'Andreas Rollhäuser',
  customerText: 'We have been waiting for a week.',
  summary: 'Additional approval step',
};

/** Every message the app writes, with its audience, allowed placeholders and sample values, in catalogue order. */
export function messageCatalog(): MessageCatalogEntry[] {
  return MESSAGE_KEYS.map((key) => ({
    key,
    audience: MESSAGE_AUDIENCE[key],
    params: MESSAGE_PLACEHOLDERS[key].map((name) => ({ name, sample: SAMPLES[name] ?? name })),
  }));
}
