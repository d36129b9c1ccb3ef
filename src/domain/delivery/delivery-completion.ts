import type { Settings } from '../config/settings-schema';
import type { Kind } from '../kinds';
import { kindOfTypeName, statusOfName } from '../names';
import type { StatusKey } from '../statuses';

/** Kinds that ship with a Delivery (guide §3.1.1). */
export const SHIPPED_KINDS: readonly Kind[] = ['softwareDefect', 'consultingRequest', 'customisation'];

/** The Delivery statuses that complete it (guide §3.3): its tickets are then shipped. */
const COMPLETED: readonly StatusKey[] = ['delivered', 'stageInstallationCompleted', 'installationCompleted'];

/**
 * Whether a Delivery in `status` is completed (guide §3.3).
 *
 * @example
 * isDeliveryCompleted('installationCompleted'); // true
 */
export function isDeliveryCompleted(status: StatusKey | undefined): boolean {
  return status !== undefined && COMPLETED.includes(status);
}

/**
 * Where a ticket of a completed Delivery goes (guide §3.3): a Customisation is closed, a Software Defect or
 * Consulting Request is resolved; only while it waits in Delivery Pending. Any other ticket stays.
 *
 * @example
 * shipTarget('customisation', 'deliveryPending'); // 'closed'
 * shipTarget('softwareDefect', 'inProgress'); // undefined
 */
export function shipTarget(
  kind: Kind | undefined,
  status: StatusKey | undefined,
): 'resolved' | 'closed' | undefined {
  if (kind === undefined || !SHIPPED_KINDS.includes(kind) || status !== 'deliveryPending') return undefined;
  return kind === 'customisation' ? 'closed' : 'resolved';
}

/**
 * What a completed Delivery hands on, counted from its links (type and status names as Jira reports them):
 * Customisations to be closed and Software Defects / Consulting Requests to be resolved.
 *
 * @example
 * completionCounts([{ otherTypeName: 'Customisation', otherStatusName: 'Delivery Pending' }], config); // { resolved: 0, closed: 1 }
 */
export function completionCounts(
  shipped: readonly { readonly otherTypeName?: string; readonly otherStatusName?: string }[],
  config: Pick<Settings, 'names'>,
): { resolved: number; closed: number } {
  let resolved = 0;
  let closed = 0;
  for (const link of shipped) {
    const to = shipTarget(
      kindOfTypeName(config, link.otherTypeName),
      statusOfName(config, link.otherStatusName),
    );
    if (to === 'closed') closed += 1;
    if (to === 'resolved') resolved += 1;
  }
  return { resolved, closed };
}
