export { allowedTargets, checkStatusChange, type StatusChangeContext } from './status-change';
export { checkReclassification, RECLASSIFICATIONS } from './reclassification';
export { CLARIFICATION_KINDS, hasStatus, WORKFLOWS, workingStatuses, type Workflow } from './workflow-table';
