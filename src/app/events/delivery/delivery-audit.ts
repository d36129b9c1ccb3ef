import type { ProjectConfig } from '../../../domain/config';
import type { EventDeps } from '../event-deps';
import type { IssueLinkRef } from '../../../domain/ticket';
import { kindOfTypeName, statusOfName } from '../../../domain/names';
import type { DeliveryRef } from './delivery-links';
import { SHIPPED_KINDS } from './delivery-sync';

/**
 * What a completed Delivery hands on (guide §3.3): its linked tickets still in Delivery Pending, Customisations
 * to be closed and Software Defects / Consulting Requests to be resolved. Other linked tickets are left alone.
 */
export function completionCounts(
  shipped: readonly IssueLinkRef[],
  config: ProjectConfig,
): { resolved: number; closed: number } {
  let resolved = 0;
  let closed = 0;
  for (const link of shipped) {
    const kind = kindOfTypeName(config, link.otherTypeName);
    if (kind === undefined || !SHIPPED_KINDS.includes(kind)) continue;
    if (statusOfName(config, link.otherStatusName) !== 'deliveryPending') continue;
    if (kind === 'customisation') closed += 1;
    else resolved += 1;
  }
  return { resolved, closed };
}

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
