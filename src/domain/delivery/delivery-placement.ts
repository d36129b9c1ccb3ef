/** A Delivery link seen from the shipped ticket: the link's id and the Delivery at its other end. */
export interface DeliveryLinkRef {
  readonly linkId: string;
  readonly deliveryId: string;
}

/** What moving a ticket into its Delivery takes: links to delete, and whether to link the target. */
export interface DeliveryPlacement {
  readonly unlink: readonly DeliveryLinkRef[];
  readonly link: boolean;
}

/**
 * Where a waiting ticket's Delivery links must go (guide §3.3, PROCESS.md §6): a ticket ships in at most one
 * Planned Delivery, the one it belongs in (`targetId`; `undefined` when none or when it no longer waits). Links to
 * every other Planned Delivery go; links to Deliveries that are no longer Planned stay (a shipped Delivery keeps
 * its history). The same rule serves a ticket entering Delivery Pending and a Delivery that was created or edited.
 *
 * @example
 * deliveryPlacement([{ linkId: '7', deliveryId: 'A' }], new Set(['A', 'B']), 'B');
 * // { unlink: [{ linkId: '7', deliveryId: 'A' }], link: true }
 */
export function deliveryPlacement(
  links: readonly DeliveryLinkRef[],
  plannedIds: ReadonlySet<string>,
  targetId: string | undefined,
): DeliveryPlacement {
  const seen = new Set<string>();
  const unlink = links.filter((l) => {
    const duplicate = seen.has(l.deliveryId);
    seen.add(l.deliveryId);
    return plannedIds.has(l.deliveryId) && (l.deliveryId !== targetId || duplicate);
  });
  return { unlink, link: targetId !== undefined && !seen.has(targetId) };
}
