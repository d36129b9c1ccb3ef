import type { Kind } from '../kinds';
import type { Localized } from '../texts/message-keys';

/** How a ticket is billed (guide §3.1.1, §3.2; PROCESS.md §8). */
export type CommercialClass = 'contract' | 'chargeable' | 'quoted' | 'undetermined' | 'internal';

/**
 * Commercial class per kind: contract = covered by support and maintenance; chargeable = time and material
 * from the extended support budget; quoted = estimate → offer → order; undetermined = portal type not yet
 * reclassified; internal = Delivery tickets, which are not billed themselves.
 */
export const COMMERCIAL_CLASS = {
  incident: 'undetermined',
  request: 'undetermined',
  softwareDefect: 'contract',
  nonSoftwareDefect: 'contract',
  supportRequest: 'contract',
  suggestion: 'contract',
  consultingRequest: 'chargeable',
  customisation: 'quoted',
  delivery: 'internal',
} as const satisfies Record<Kind, CommercialClass>;

/** Labels for the panel. */
export const COMMERCIAL_LABELS = {
  contract: { de: 'Durch den Support- und Wartungsvertrag abgedeckt', en: 'Covered by the support contract' },
  chargeable: {
    de: 'Kostenpflichtig nach Aufwand (erweitertes Support-Budget)',
    en: 'Chargeable, time and material (extended support budget)',
  },
  quoted: {
    de: 'Separates Angebot (Abschätzung → Angebot → Bestellung)',
    en: 'Quoted separately (estimate → offer → order)',
  },
  undetermined: { de: 'Noch nicht klassifiziert', en: 'Not yet classified' },
  internal: { de: 'Interne Auslieferung', en: 'Internal delivery ticket' },
} as const satisfies Record<CommercialClass, Localized>;

/**
 * The commercial class of a kind.
 *
 * @example
 * commercialClass('consultingRequest'); // 'chargeable'
 */
export function commercialClass(kind: Kind): CommercialClass {
  return COMMERCIAL_CLASS[kind];
}
