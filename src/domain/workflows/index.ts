export { allowedTargets, checkStatusChange, type StatusChangeContext } from './status-change';
export { checkReclassification } from './reclassification';
export { hasStatus } from './workflow-table';
