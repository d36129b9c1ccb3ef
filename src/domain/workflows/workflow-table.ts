import type { Kind } from '../kinds';
import type { StatusKey } from '../statuses';

/** The workflow of one kind as data (guide §3, PROCESS.md §3 table). */
export interface Workflow {
  /** Statuses a ticket of this kind can be in. */
  readonly statuses: readonly StatusKey[];
  /** Status a new ticket of this kind starts in. */
  readonly initial: StatusKey;
  /** Allowed moves besides Clarification: `[from, to]`. */
  readonly edges: readonly (readonly [StatusKey, StatusKey])[];
  /** Marked (C): Clarification required / On hold may be entered from any working status. */
  readonly clarification: boolean;
}

/** Statuses that end the work on a ticket; every other status of a workflow is a working status. */
const TERMINAL_STATUSES: readonly StatusKey[] = ['resolved', 'closed'];

/**
 * Workflows per kind. Incident and Request are the portal types before reclassification: support analyses
 * them in Open and may ask the customer (Clarification; an unanswered question closes them like any other).
 * Resolved → Closed covers both the customer's "close ticket" and the app's auto-close.
 */
export const WORKFLOWS = {
  incident: {
    statuses: ['open', 'clarification', 'closed'],
    initial: 'open',
    edges: [],
    clarification: true,
  },
  request: { statuses: ['open', 'clarification', 'closed'], initial: 'open', edges: [], clarification: true },
  softwareDefect: {
    statuses: ['open', 'clarification', 'inProgress', 'deliveryPending', 'resolved', 'closed'],
    initial: 'open',
    edges: [
      ['open', 'inProgress'], // reproduced on the reference system, handed to development
      ['inProgress', 'deliveryPending'], // fix built, Delivery version set
      ['deliveryPending', 'resolved'], // fix delivered
      ['open', 'resolved'], // no defect found or fix declined
      ['inProgress', 'resolved'],
      ['resolved', 'closed'],
    ],
    clarification: true,
  },
  nonSoftwareDefect: {
    statuses: ['open', 'clarification', 'inProgress', 'resolved', 'closed'],
    initial: 'open',
    edges: [
      ['open', 'inProgress'],
      ['inProgress', 'resolved'],
      ['open', 'resolved'],
      ['resolved', 'closed'],
    ],
    clarification: true,
  },
  consultingRequest: {
    statuses: ['open', 'clarification', 'inProgress', 'deliveryPending', 'resolved', 'closed'],
    initial: 'open',
    edges: [
      ['open', 'inProgress'], // forwarded to a department (extended support budget only)
      ['inProgress', 'deliveryPending'], // Delivery version CUSTOM
      ['deliveryPending', 'resolved'],
      ['open', 'resolved'], // nothing to deliver
      ['inProgress', 'resolved'],
      ['resolved', 'closed'],
    ],
    clarification: true,
  },
  supportRequest: {
    statuses: ['open', 'clarification', 'resolved', 'closed'],
    initial: 'open',
    edges: [
      ['open', 'resolved'],
      ['resolved', 'closed'],
    ],
    clarification: true,
  },
  customisation: {
    statuses: [
      'open',
      'clarification',
      'estimationInProgress',
      'estimationAvailable',
      'ordered',
      'inProgress',
      'deliveryPending',
      'closed',
    ],
    initial: 'open',
    edges: [
      ['open', 'estimationInProgress'],
      ['estimationInProgress', 'estimationAvailable'],
      ['estimationAvailable', 'ordered'],
      ['ordered', 'inProgress'],
      ['inProgress', 'deliveryPending'],
      ['deliveryPending', 'closed'], // closed straight after delivery
      ['estimationAvailable', 'closed'], // not ordered, or the estimate expired
    ],
    clarification: true,
  },
  suggestion: {
    statuses: ['open', 'resolved', 'closed'],
    initial: 'open',
    edges: [
      ['open', 'resolved'], // forwarded to product management
      ['resolved', 'closed'],
    ],
    clarification: false,
  },
  delivery: {
    statuses: ['planned', 'delivered', 'stageInstallationCompleted', 'installationCompleted'],
    initial: 'planned',
    edges: [
      ['planned', 'delivered'], // customer- or third-party-hosted: package on the SFTP server
      ['planned', 'stageInstallationCompleted'], // provider-hosted with staging
      ['stageInstallationCompleted', 'installationCompleted'],
      ['planned', 'installationCompleted'], // provider-hosted without staging
    ],
    clarification: false,
  },
} as const satisfies Record<Kind, Workflow>;

/**
 * Kinds marked (C) in the guide's table.
 * @internal Exported for the tests that check it directly.
 */
export const CLARIFICATION_KINDS = (Object.keys(WORKFLOWS) as Kind[]).filter(
  (kind) => WORKFLOWS[kind].clarification,
);

/**
 * Working statuses of a kind: those from which Clarification may be entered and to which it may return.
 *
 * @example
 * workingStatuses('supportRequest'); // ['open']
 */
export function workingStatuses(kind: Kind): StatusKey[] {
  const workflow: Workflow = WORKFLOWS[kind];
  return workflow.statuses.filter((s) => s !== 'clarification' && !TERMINAL_STATUSES.includes(s));
}

/** Whether a ticket of `kind` can be in `status` at all. */
export function hasStatus(kind: Kind, status: StatusKey): boolean {
  const workflow: Workflow = WORKFLOWS[kind];
  return workflow.statuses.includes(status);
}
