import type { JiraGateway } from '../ports/jira';
import type { KeyValueStore } from '../ports';
import type { SweepTicket } from './sweep-ticket';

/** The workflow transition that closes a ticket from its current status. */
export interface CloseTransition {
  readonly id: string;
  /** Whether the transition screen has the resolution field; sending it otherwise is a 400 in Jira. */
  readonly resolutionOnScreen: boolean;
}

/**
 * Workflows change rarely, and a cached id that an edited workflow no longer offers is refused by Jira (400),
 * which drops it from the cache and re-reads (`forget`). A month keeps the read cost per workflow negligible.
 */
const CACHE_TTL_DAYS = 30;

function cacheKey(projectKey: string, ticket: SweepTicket): string {
  return `sweep:tr:${projectKey}:${ticket.typeId}:${ticket.statusId}`;
}

function safeKey(key: string): string {
  return key.replace(/[^a-zA-Z0-9:._-]/g, '_');
}

/**
 * Resolves, caches and forgets close transitions. Transition ids depend on the workflow, i.e. on project, issue
 * type and the status the ticket is in; they are read once per such triple (with `transitions.fields` to learn
 * whether the screen asks for a resolution) and kept in KVS, never read per ticket.
 */
export class CloseTransitions {
  constructor(
    private readonly jira: JiraGateway,
    private readonly store: KeyValueStore,
  ) {}

  /**
   * The transition to the configured Closed status, or `null` when the workflow offers none from here
   * (also cached, so a workflow without it is not asked again every hour).
   */
  async resolve(
    projectKey: string,
    ticket: SweepTicket,
    closedStatusName: string,
  ): Promise<CloseTransition | null> {
    const key = safeKey(cacheKey(projectKey, ticket));
    const cached = await this.store.get<{ transition: CloseTransition | null }>(key);
    if (cached) return cached.transition;
    const transitions = await this.jira.getTransitions(ticket.key, { withFields: true });
    const wanted = closedStatusName.trim().toLowerCase();
    const match = transitions.find((t) => t.to.name.trim().toLowerCase() === wanted);
    const transition = match
      ? { id: match.id, resolutionOnScreen: match.fields?.resolution !== undefined }
      : null;
    await this.store.set(key, { transition }, { ttlDays: CACHE_TTL_DAYS });
    return transition;
  }

  /** Drops a cached transition that Jira refused (workflow edited since it was cached). */
  async forget(projectKey: string, ticket: SweepTicket): Promise<void> {
    await this.store.delete(safeKey(cacheKey(projectKey, ticket)));
  }
}
