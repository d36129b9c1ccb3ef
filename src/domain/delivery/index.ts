export {
  COMPLETED_DELIVERY_STATUSES,
  onDeliveryCompleted,
  type CompletedDelivery,
  type IncludedTicket,
  type TicketFollowUp,
} from './delivery-completion';
export { deliveryFor, type DeliveryTicket, type PendingTicket } from './delivery-matching';
export { deliveryTableRows, type DeliveryTableRow } from './delivery-table';
export { compareVersions, parseDeliveryVersion, type DeliveryVersion } from './delivery-version';
export { DELIVERY_MISSING_FLAG, deliveryMissingActions } from './delivery-missing';
export { deliveryPlacement, type DeliveryLinkRef, type DeliveryPlacement } from './delivery-placement';
