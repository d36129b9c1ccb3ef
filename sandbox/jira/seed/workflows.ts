import type { SimWorkflow } from '../model/types';
import { ISSUE_TYPE, STATUS } from './demo-ids';

const S = STATUS;
type Edge = [from: string, to: string];
type CustomerEdge = [from: string, to: string, name: string];

/** Working statuses from which "Clarification required / On hold" may be entered (PROCESS.md §3, (C)). */
const NOT_WORKING: string[] = [S.clarification, S.resolved, S.closed];

/**
 * Build a workflow from its edges. Every transition into Resolved has a screen with `resolution` (the agent picks
 * it); all other transitions have no screen, so sending `resolution` there is Jira's 400 and the post-function
 * sets Done on Closed. (C) workflows get "Request clarification" from each working status, a way back from
 * Clarification to each of them (PROCESS.md §3), and "Close (no reply)" with a resolution screen (§2.2.5).
 */
function workflow(name: string, initial: string, edges: Edge[], clarification: boolean): SimWorkflow {
  const all: Edge[] = [...edges];
  const customer = customerTransitions(edges, clarification);
  if (clarification) {
    const working = [...new Set(edges.flatMap(([a, b]) => [a, b]))].filter((s) => !NOT_WORKING.includes(s));
    for (const s of working) all.push([s, S.clarification], [S.clarification, s]);
    if (!working.includes(S.inProgress)) all.push([S.clarification, S.inProgress]);
    // The guide's auto-close of an unanswered Clarification ticket (§2.2.5), with a resolution screen.
    if (!all.some(([a, b]) => a === S.clarification && b === S.closed)) all.push([S.clarification, S.closed]);
  }
  return {
    name,
    initialStatusId: initial,
    transitions: [
      ...all.map(([from, to], index) => ({
        id: String((index + 1) * 10 + 1),
        name: transitionName(from, to),
        from: [from],
        to,
        screenFields:
          to === S.resolved || (from === S.clarification && to === S.closed) ? ['resolution'] : [],
      })),
      ...customer.map(([from, to, name], index) => ({
        id: String(900 + index + 1),
        name,
        from: [from],
        to,
        screenFields: [],
        customerFacing: true,
      })),
    ],
  };
}

/**
 * The customer transitions the portal offers (screenless, after the agents' ones so an agent's "to Closed" still
 * finds the agent transition first): "Close ticket" on a Resolved ticket (guide §2.2.5: the customer confirms the
 * solution), "Withdraw request" while clarification is asked for, "Decline estimate" on an available estimate.
 */
function customerTransitions(edges: Edge[], clarification: boolean): CustomerEdge[] {
  const has = (from: string, to: string) => edges.some(([a, b]) => a === from && b === to);
  const offered: CustomerEdge[] = [
    [S.resolved, S.closed, 'Close ticket'],
    [S.clarification, S.closed, 'Withdraw request'],
    [S.estimationAvailable, S.closed, 'Decline estimate'],
  ];
  return offered.filter(([from, to]) => (from === S.clarification ? clarification : has(from, to)));
}

const NAMES: Record<string, string> = {
  [S.clarification]: 'Request clarification',
  [S.inProgress]: 'Start progress',
  [S.resolved]: 'Resolve',
  [S.closed]: 'Close',
  [S.deliveryPending]: 'Ready for delivery',
  [S.estimationInProgress]: 'Start estimation',
  [S.estimationAvailable]: 'Estimate available',
  [S.ordered]: 'Ordered',
  [S.delivered]: 'Delivered',
  [S.stageInstalled]: 'Stage installation completed',
  [S.installed]: 'Installation completed',
  [S.planned]: 'Back to planned',
  [S.open]: 'Back to open',
};

function transitionName(from: string, to: string): string {
  if (from === S.clarification && to === S.closed) return 'Close (no reply)';
  if (from === S.clarification) return 'Clarification received';
  if (from === S.resolved && to === S.inProgress) return 'Reopen';
  return NAMES[to] ?? 'Transition';
}

/** Reopening a resolved ticket: possible in Jira, not part of the guide's process (questions go in a new ticket). */
const REOPEN: Edge = [S.resolved, S.inProgress];

/** Incident and Request: triage straight to an answer. */
const TRIAGE_EDGES: Edge[] = [
  [S.open, S.inProgress],
  [S.open, S.resolved],
  [S.inProgress, S.resolved],
  [S.resolved, S.closed],
];

/** Software Defect; the edges marked forbidden are possible in Jira but not in the process. */
const SOFTWARE_DEFECT_EDGES: Edge[] = [
  [S.open, S.inProgress],
  [S.inProgress, S.deliveryPending],
  [S.deliveryPending, S.resolved],
  [S.resolved, S.closed],
  [S.open, S.resolved],
  [S.inProgress, S.resolved],
  REOPEN,
  [S.open, S.deliveryPending], // forbidden by the process: skips reproduction
];

/** Non-Software Defect; the edges marked forbidden are possible in Jira but not in the process. */
const NON_SOFTWARE_DEFECT_EDGES: Edge[] = [
  [S.open, S.inProgress],
  [S.inProgress, S.resolved],
  [S.resolved, S.closed],
  [S.open, S.resolved],
  REOPEN,
  [S.open, S.closed], // forbidden: closing without resolving
];

/** Consulting Request. */
const CONSULTING_REQUEST_EDGES: Edge[] = [
  [S.open, S.inProgress],
  [S.inProgress, S.deliveryPending],
  [S.deliveryPending, S.resolved],
  [S.resolved, S.closed],
  [S.open, S.resolved],
  [S.inProgress, S.resolved],
  REOPEN,
];

/** Support Request; the edges marked forbidden are possible in Jira but not in the process. */
const SUPPORT_REQUEST_EDGES: Edge[] = [
  [S.open, S.resolved],
  [S.resolved, S.closed],
  [S.open, S.inProgress],
  [S.inProgress, S.resolved], // forbidden: Support Request never goes In Progress
];

/** Customisation; the edges marked forbidden are possible in Jira but not in the process. */
const CUSTOMISATION_EDGES: Edge[] = [
  [S.open, S.estimationInProgress],
  [S.estimationInProgress, S.estimationAvailable],
  [S.estimationAvailable, S.ordered],
  [S.ordered, S.inProgress],
  [S.inProgress, S.deliveryPending],
  [S.deliveryPending, S.closed],
  [S.estimationAvailable, S.closed],
  [S.open, S.inProgress], // forbidden: work without an order
];

/** Suggestion; the edges marked forbidden are possible in Jira but not in the process. */
const SUGGESTION_EDGES: Edge[] = [
  [S.open, S.resolved],
  [S.resolved, S.closed],
  [S.open, S.inProgress],
  [S.inProgress, S.resolved], // forbidden: suggestions go to product management
];

/** Delivery; the edges marked forbidden are possible in Jira but not in the process. */
const DELIVERY_EDGES: Edge[] = [
  [S.planned, S.delivered],
  [S.planned, S.stageInstalled],
  [S.stageInstalled, S.installed],
  [S.planned, S.installed],
  [S.delivered, S.planned], // forbidden: a delivery is not taken back
];

/** Workflows per issue type: the transitions of PROCESS.md §3 plus a few the process forbids (marked). */
export function demoWorkflows(): Record<string, SimWorkflow> {
  return {
    [ISSUE_TYPE.incident]: workflow('Incident workflow', S.open, TRIAGE_EDGES, true),
    [ISSUE_TYPE.request]: workflow('Request workflow', S.open, TRIAGE_EDGES, true),
    [ISSUE_TYPE.softwareDefect]: workflow('Software Defect workflow', S.open, SOFTWARE_DEFECT_EDGES, true),
    [ISSUE_TYPE.nonSoftwareDefect]: workflow(
      'Non-Software Defect workflow',
      S.open,
      NON_SOFTWARE_DEFECT_EDGES,
      true,
    ),
    [ISSUE_TYPE.consultingRequest]: workflow(
      'Consulting Request workflow',
      S.open,
      CONSULTING_REQUEST_EDGES,
      true,
    ),
    [ISSUE_TYPE.supportRequest]: workflow('Support Request workflow', S.open, SUPPORT_REQUEST_EDGES, true),
    [ISSUE_TYPE.customisation]: workflow('Customisation workflow', S.open, CUSTOMISATION_EDGES, true),
    [ISSUE_TYPE.suggestion]: workflow('Suggestion workflow', S.open, SUGGESTION_EDGES, false),
    [ISSUE_TYPE.delivery]: workflow('Delivery workflow', S.planned, DELIVERY_EDGES, false),
  };
}
