import type { DomainAction } from '../actions';
import { deliveryFor, type DeliveryTicket, type PendingTicket } from './delivery-matching';

/** Flag shown on a Delivery Pending ticket that no Planned Delivery picks up. */
export const DELIVERY_MISSING_FLAG = 'deliveryMissing';

/**
 * Checks that a Delivery Pending ticket has a Planned Delivery to ship with. Missing: the flag goes on and
 * agents get an internal comment (once per version); found: the flag goes off.
 *
 * @example
 * deliveryMissingActions({ id: '1', key: 'SUP-1', organization: 'ACME', deliveryVersion: '14.22' }, [], 'CUSTOM');
 * // [{ type: 'flag', flag: 'deliveryMissing', on: true, … }, { type: 'comment', messageKey: 'deliveryMissing', … }]
 */
export function deliveryMissingActions(
  ticket: PendingTicket & { readonly id: string; readonly key: string },
  deliveries: readonly DeliveryTicket[],
  customValue = 'CUSTOM',
): DomainAction[] {
  if (deliveryFor(ticket, deliveries, customValue)) {
    return [{ type: 'flag', flag: DELIVERY_MISSING_FLAG, on: false }];
  }
  const version = (ticket.deliveryVersion ?? '').trim() || '—';
  return [
    {
      type: 'flag',
      flag: DELIVERY_MISSING_FLAG,
      on: true,
      reason: {
        en: `No Planned Delivery for version ${version}.`,
        de: `Kein geplantes Delivery-Ticket für Version ${version}.`,
      },
    },
    {
      type: 'comment',
      visibility: 'internal',
      messageKey: 'deliveryMissing',
      params: { ticketKey: ticket.key, version },
      idempotencyKey: `${ticket.id}:deliveryMissing:${version}`,
    },
  ];
}
