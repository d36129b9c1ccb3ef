import type { Kind } from '../kinds';

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

/**
 * The commercial class of a kind.
 *
 * @example
 * commercialClass('consultingRequest'); // 'chargeable'
 */
export function commercialClass(kind: Kind): CommercialClass {
  return COMMERCIAL_CLASS[kind];
}
