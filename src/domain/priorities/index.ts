export { PRIORITIES, PRIORITY_CATALOGUE } from './priority-catalogue';
export { priorityFromName, priorityMismatch } from './priority-rules';
export { serviceClocks } from './service-clocks';
