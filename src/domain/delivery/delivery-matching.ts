import type { StatusKey } from '../statuses';
import { compareVersions, parseDeliveryVersion } from './delivery-version';

/** A Delivery ticket as the matching needs it. */
export interface DeliveryTicket {
  readonly id: string;
  readonly key: string;
  readonly organization: string | undefined;
  /** Raw "Delivery version" of the Delivery ticket (a patch version). */
  readonly version: string | undefined;
  readonly status: StatusKey;
  /** "Estimated delivery date", `yyyy-MM-dd` (an estimate, not a promise). */
  readonly estimatedDeliveryDate?: string | undefined;
}

/** A Delivery Pending ticket as the matching needs it. */
export interface PendingTicket {
  readonly organization: string | undefined;
  readonly deliveryVersion: string | undefined;
}

function byDateThenKey(a: DeliveryTicket, b: DeliveryTicket): number {
  const da = a.estimatedDeliveryDate ?? '9999-12-31';
  const db = b.estimatedDeliveryDate ?? '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  return a.key.localeCompare(b.key, 'en', { numeric: true });
}

/**
 * The Planned Delivery a Delivery Pending ticket belongs in (guide §3.3, PROCESS.md §6): same customer
 * organization and the same patch version, or for CUSTOM the customer's next Planned delivery by estimated
 * date (undated deliveries last). `undefined` when there is none or the ticket's version is not valid.
 *
 * @example
 * deliveryFor({ organization: 'ACME', deliveryVersion: 'CUSTOM' }, deliveries); // ACME's earliest Planned delivery
 */
export function deliveryFor(
  ticket: PendingTicket,
  deliveries: readonly DeliveryTicket[],
  customValue = 'CUSTOM',
): DeliveryTicket | undefined {
  if (ticket.organization === undefined) return undefined;
  const wanted = parseDeliveryVersion(ticket.deliveryVersion, customValue);
  const planned = deliveries
    .filter((d) => d.status === 'planned' && d.organization === ticket.organization)
    .sort(byDateThenKey);
  switch (wanted.kind) {
    case 'custom':
      return planned[0];
    case 'patch':
      return planned.find((d) => {
        const version = parseDeliveryVersion(d.version, customValue);
        return version.kind === 'patch' && compareVersions(version.parts, wanted.parts) === 0;
      });
    case 'invalid':
      return undefined;
  }
}
