/**
 * Flag on a Delivery Pending ticket that no Planned Delivery picks up (guide §3.3): set with an internal note when
 * the ticket enters Delivery Pending without a match, cleared when its Delivery is created or linked.
 */
export const DELIVERY_MISSING_FLAG = 'deliveryMissing';
