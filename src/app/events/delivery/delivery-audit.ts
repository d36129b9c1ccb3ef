import type { EventDeps } from '../event-deps';
import type { DeliveryRef } from './delivery-links';

/**
 * Audit entry on the Delivery itself when it completes, so its own panel shows what it did: one entry per
 * completion (keyed by the status change's changelog id), the detail a machine code with the counts
 * (`resolved:3,closed:1`).
 */
export function auditDeliveryCompleted(
  deps: EventDeps,
  delivery: DeliveryRef & { completion: string },
  counts: { resolved: number; closed: number },
  now: Date,
): Promise<void> {
  return deps.audit.append({
    at: now.toISOString(),
    projectKey: delivery.projectKey,
    issueKey: delivery.key,
    issueId: delivery.id,
    action: 'deliveryCompleted',
    outcome: 'done',
    source: 'event',
    detail: `resolved:${counts.resolved},closed:${counts.closed}`,
    idempotencyKey: `${delivery.id}:completed:${delivery.completion}`,
  });
}
