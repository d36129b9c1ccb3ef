import type { Kind } from './kinds';

/**
 * How a ticket is billed (guide §3.1.1, §3.2; PROCESS.md §8): covered by the support and maintenance contract,
 * chargeable from the extended support budget (time and material), or quoted separately (estimate → offer →
 * order).
 */
export type CommercialClass = 'covered' | 'chargeable' | 'quoted';

/**
 * The commercial class of every kind; a new kind does not compile until it has one.
 * @internal Exported for the tests that check it directly.
 */
export const COMMERCIAL_CLASS = {
  incident: 'covered',
  request: 'covered',
  softwareDefect: 'covered',
  nonSoftwareDefect: 'covered',
  supportRequest: 'covered',
  suggestion: 'covered',
  consultingRequest: 'chargeable',
  customisation: 'quoted',
  delivery: 'covered',
} as const satisfies Record<Kind, CommercialClass>;

/**
 * The commercial class of a kind: Consulting Requests are chargeable, Customisations are quoted, everything
 * else is covered by the contract.
 *
 * @example
 * commercialClass('consultingRequest'); // 'chargeable'
 */
export function commercialClass(kind: Kind): CommercialClass {
  return COMMERCIAL_CLASS[kind];
}
