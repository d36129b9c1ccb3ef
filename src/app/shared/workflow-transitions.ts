import type { JiraGateway } from '../ports/jira';
import type { KeyValueStore } from '../ports';

/** A workflow transition the app performs: to a status it names (Closed, Resolved). */
export interface WorkflowTransition {
  readonly id: string;
  /** The id of the status the transition leads to. */
  readonly toStatusId: string;
  /** Whether the transition screen has the resolution field; sending it otherwise is a 400 in Jira. */
  readonly resolutionOnScreen: boolean;
}

/** The ticket a transition is looked up for: its workflow is given by project and type, its place by status. */
export interface TransitionFrom {
  readonly key: string;
  readonly typeId: string;
  readonly statusId: string;
}

/** What is kept per workflow and status: every transition offered from there, by target status name. */
interface Offered {
  readonly toName: string;
  readonly transition: WorkflowTransition;
}

/**
 * Workflows change rarely, and a cached id that an edited workflow no longer offers is refused by Jira (400),
 * which drops it from the cache and re-reads (`forget`). A month keeps the read cost per workflow negligible.
 */
const CACHE_TTL_DAYS = 30;

function cacheKey(projectKey: string, ticket: TransitionFrom): string {
  return `tr:${projectKey}:${ticket.typeId}:${ticket.statusId}`.replace(/[^a-zA-Z0-9:._-]/g, '_');
}

/** A status name as the app compares it: ignoring case and surrounding spaces. */
function comparable(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Resolves, caches and forgets the transitions the app performs (the sweep's close, a Delivery's shipping, the
 * revert of a forbidden status change).
 * Transition ids depend on the workflow, i.e. on project, issue type and the status the ticket is in; what is
 * offered from there is read once per such triple (with `transitions.fields`, to learn whether the screen asks
 * for a resolution) and kept in KVS for every target, never read per ticket.
 */
export class WorkflowTransitions {
  constructor(
    private readonly jira: JiraGateway,
    private readonly store: KeyValueStore,
  ) {}

  /**
   * The transition from the ticket's status to the status named `statusName`, or `null` when the workflow offers
   * none from here (also kept, so that a workflow without it is not asked again every hour).
   */
  async resolve(
    projectKey: string,
    ticket: TransitionFrom,
    statusName: string,
  ): Promise<WorkflowTransition | null> {
    const wanted = comparable(statusName);
    return (await this.offered(projectKey, ticket)).find((o) => o.toName === wanted)?.transition ?? null;
  }

  /** The transition from the ticket's status to the status with id `statusId`, or `null`; kept as `resolve` keeps. */
  async resolveTo(
    projectKey: string,
    ticket: TransitionFrom,
    statusId: string,
  ): Promise<WorkflowTransition | null> {
    const offered = await this.offered(projectKey, ticket);
    return offered.find((o) => o.transition.toStatusId === statusId)?.transition ?? null;
  }

  private async offered(projectKey: string, ticket: TransitionFrom): Promise<Offered[]> {
    const key = cacheKey(projectKey, ticket);
    return (await this.store.get<{ offered: Offered[] }>(key))?.offered ?? (await this.read(key, ticket));
  }

  /** Drops what is kept for the ticket's workflow and status (Jira refused a kept transition: workflow edited). */
  async forget(projectKey: string, ticket: TransitionFrom): Promise<void> {
    await this.store.delete(cacheKey(projectKey, ticket));
  }

  private async read(key: string, ticket: TransitionFrom): Promise<Offered[]> {
    const offered = (await this.jira.getTransitions(ticket.key, { withFields: true })).map((t) => ({
      toName: comparable(t.to.name),
      transition: { id: t.id, toStatusId: t.to.id, resolutionOnScreen: t.fields?.resolution !== undefined },
    }));
    await this.store.set(key, { offered }, { ttlDays: CACHE_TTL_DAYS });
    return offered;
  }
}
