export {
  allowedTargets,
  checkStatusChange,
  leavesClarificationFreely,
  type StatusChangeContext,
} from './status-change';
export { checkReclassification } from './reclassification';
export { hasStatus } from './workflow-table';
