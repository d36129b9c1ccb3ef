import type { MessageKey as ContractMessageKey } from '../../contract/settings';
import type { MessageKey } from '../../domain/texts/message-keys';

/**
 * The admin page edits the customer-facing texts under the contract's names; the domain keeps them under its
 * own. Texts not listed here (internal notes, confidentiality notices) keep their shipped defaults.
 */
export const DOMAIN_MESSAGE_KEY: Record<ContractMessageKey, MessageKey> = {
  clarificationReminder: 'clarificationReminder',
  clarificationAutoClosed: 'clarificationClose',
  resolvedAutoClosed: 'resolvedClose',
  estimateExpired: 'estimateExpired',
  transitionNotAllowed: 'transitionRefused',
  deliveryCompleted: 'deliveryResolved',
};

/** The contract key of a domain message key, when the admin page edits it. */
export function contractMessageKey(key: string): ContractMessageKey | undefined {
  return (Object.keys(DOMAIN_MESSAGE_KEY) as ContractMessageKey[]).find((k) => DOMAIN_MESSAGE_KEY[k] === key);
}
