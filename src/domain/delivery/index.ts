export { DELIVERY_MISSING_FLAG } from './delivery-missing';
export { deliveryPlacement, type DeliveryPlacement } from './delivery-placement';
export { matchDelivery, type DeliveryCandidate } from './delivery-matching';
export { completionCounts, isDeliveryCompleted, shipTarget, SHIPPED_KINDS } from './delivery-completion';
