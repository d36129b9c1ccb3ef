export {
  isPriority,
  PRIORITIES,
  PRIORITISED_KINDS,
  PRIORITY_CATALOGUE,
  type Priority,
  type PriorityInfo,
} from './priority-catalogue';
export { priorityFromName, priorityMismatch } from './priority-rules';
export { serviceClocks, type ServiceClock, type ServiceClocks, type TicketTimes } from './service-clocks';
