/**
 * The logical statuses of the support process (PROCESS.md §3). Jira status names are configuration
 * (`names.statuses`); code only ever speaks of these keys.
 */
export const STATUSES = [
  'open',
  'clarification',
  'inProgress',
  'estimationInProgress',
  'estimationAvailable',
  'ordered',
  'deliveryPending',
  'resolved',
  'closed',
  'planned',
  'delivered',
  'stageInstallationCompleted',
  'installationCompleted',
] as const;

/** One logical status. */
export type StatusKey = (typeof STATUSES)[number];
