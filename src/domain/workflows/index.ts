export {
  allowedTargets,
  checkStatusChange,
  type StatusChangeContext,
  type StatusChangeVerdict,
} from './status-change';
export { checkReclassification, RECLASSIFICATIONS, type ReclassificationVerdict } from './reclassification';
export {
  CLARIFICATION_KINDS,
  hasStatus,
  TERMINAL_STATUSES,
  WORKFLOWS,
  workingStatuses,
  type Workflow,
} from './workflow-table';
