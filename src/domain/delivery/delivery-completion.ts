import type { DomainAction } from '../actions';
import type { Kind } from '../kinds';
import type { StatusKey } from '../statuses';

/** Delivery statuses that mean the customer has the change (guide §3.3). */
const COMPLETED_DELIVERY_STATUSES = [
  'delivered',
  'stageInstallationCompleted',
  'installationCompleted',
] as const satisfies readonly StatusKey[];

/** A ticket included in a Delivery. */
export interface IncludedTicket {
  readonly id: string;
  readonly key: string;
  readonly kind: Kind;
  readonly status: StatusKey;
}

/** The completed Delivery. */
export interface CompletedDelivery {
  readonly id: string;
  readonly status: StatusKey;
  /** Version named in the customer comment (the Delivery's patch version). */
  readonly version: string;
}

/** Actions for one included ticket. */
export interface TicketFollowUp {
  readonly ticketId: string;
  readonly actions: DomainAction[];
}

/**
 * What happens to included tickets when a Delivery reaches Delivered, Stage installation completed or
 * Installation completed (PROCESS.md §6): Software Defect and Consulting Request tickets in Delivery Pending
 * move to Resolved with a public comment naming the version (the customer can test; the Resolved timer starts
 * when the caller records the new status), Customisation tickets are closed. Other tickets and other statuses
 * are left alone. Each action's key `${deliveryId}:${ticketId}:delivered` makes a second completion (stage,
 * then production) a no-op.
 *
 * @example
 * onDeliveryCompleted({ id: '20001', status: 'delivered', version: '14.21.3.1' }, tickets, 'Done');
 * // [{ ticketId: '10001', actions: [{ type: 'transition', to: 'resolved', comment: { messageKey: 'deliveryResolved', … } }] }]
 */
export function onDeliveryCompleted(
  delivery: CompletedDelivery,
  tickets: readonly IncludedTicket[],
  resolutionOnClose: string,
): TicketFollowUp[] {
  if (!(COMPLETED_DELIVERY_STATUSES as readonly StatusKey[]).includes(delivery.status)) return [];
  return tickets.flatMap((ticket): TicketFollowUp[] => {
    if (ticket.status !== 'deliveryPending') return [];
    const idempotencyKey = `${delivery.id}:${ticket.id}:delivered`;
    const params = { ticketKey: ticket.key, version: delivery.version };
    switch (ticket.kind) {
      case 'softwareDefect':
      case 'consultingRequest':
        return [
          {
            ticketId: ticket.id,
            actions: [
              {
                type: 'transition',
                to: 'resolved',
                comment: { visibility: 'public', messageKey: 'deliveryResolved', params },
                idempotencyKey,
              },
            ],
          },
        ];
      case 'customisation':
        return [
          {
            ticketId: ticket.id,
            actions: [
              {
                type: 'transition',
                to: 'closed',
                resolution: resolutionOnClose,
                comment: { visibility: 'public', messageKey: 'deliveryClosed', params },
                idempotencyKey,
              },
            ],
          },
        ];
      default:
        return [];
    }
  });
}
