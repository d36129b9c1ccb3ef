export { onDeliveryCompleted, type IncludedTicket } from './delivery-completion';
export { deliveryFor, type DeliveryTicket } from './delivery-matching';
export { deliveryTableRows } from './delivery-table';
export { compareVersions, parseDeliveryVersion } from './delivery-version';
export { DELIVERY_MISSING_FLAG, deliveryMissingActions } from './delivery-missing';
export { deliveryPlacement, type DeliveryPlacement } from './delivery-placement';
