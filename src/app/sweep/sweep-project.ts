import { PROCESS_STATE_KEY } from '../../domain/process-state';
import type { PointsBudget } from './points-budget';
import type { SweepContext } from './sweep-context';
import { dueTicketsJql, unstampedTicketsJql } from './sweep-queries';
import { sweepFields, toSweepTicket } from './sweep-ticket';
import { sweepTicket, type TicketOutcome } from './sweep-ticket-step';

/** The two queries of a project sweep, in the order they run. */
type SweepPhase = 'unstamped' | 'due';

/** Where a sweep that ran out of invocation time continues (carried by a queued `sweep.project` item). */
export interface SweepCursor {
  readonly phase: SweepPhase;
  readonly nextPageToken?: string;
}

/** Counts per outcome kind, for logs, the bench and the run report. */
export type OutcomeCounts = Partial<Record<TicketOutcome['kind'], number>>;

export interface ProjectSweepResult {
  readonly tickets: number;
  readonly outcomes: OutcomeCounts;
  /** Set when tickets remain and the invocation's share is used up: continue through the queue. */
  readonly continueAt?: SweepCursor;
  /** The hourly points budget is spent: the rest waits for the next hourly sweep (most overdue first). */
  readonly budgetExhausted: boolean;
}

export interface ProjectSweepLimits {
  readonly budget: PointsBudget;
  /** Tickets one invocation handles before handing over to the queue (keeps well inside the time limit). */
  readonly maxTicketsPerInvocation: number;
  /** Largest search page (Jira returns at most 100 issues with properties). */
  readonly pageSize?: number;
}

/** A ticket costs one point in the search and about one for its write; keep one point for the page request. */
const POINTS_PER_TICKET = 2;
const DEFAULT_PAGE_SIZE = 100;

/**
 * Sweeps one project: first the repair query (tickets in a timer status without a matching state), then the due
 * query, most overdue first, page by page with Jira's `nextPageToken` (a snapshot: pages neither skip nor repeat
 * tickets while the sweep changes them). Stops when the hourly points budget would be exceeded or the invocation
 * has handled its share, and says where to continue.
 */
export async function sweepProject(
  ctx: SweepContext,
  limits: ProjectSweepLimits,
  from: SweepCursor = { phase: 'unstamped' },
): Promise<ProjectSweepResult> {
  const stats = ctx.deps.stats;
  const outcomes: OutcomeCounts = {};
  let tickets = 0;
  let phase = from.phase;
  let token = from.nextPageToken;
  const maxPage = limits.pageSize ?? DEFAULT_PAGE_SIZE;
  for (;;) {
    const before = stats.totalPoints;
    const available = await limits.budget.remaining();
    const pageSize = Math.min(maxPage, Math.floor((available - 1) / POINTS_PER_TICKET));
    if (pageSize < 1)
      return {
        tickets,
        outcomes,
        continueAt: { phase, ...(token ? { nextPageToken: token } : {}) },
        budgetExhausted: true,
      };
    let page;
    try {
      page = await ctx.deps.jira.search({
        jql: phase === 'unstamped' ? unstampedTicketsJql(ctx.cfg) : dueTicketsJql(ctx.cfg.projectKey),
        fields: sweepFields(ctx.organizationsFieldId),
        properties: [PROCESS_STATE_KEY],
        maxResults: pageSize,
        // Expanding the changelog in the search is free in points; the bulk changelog API charges per entry
        // (docs/decisions/0002-sweep-queries-and-changelog.md). Only the repair query needs it.
        ...(phase === 'unstamped' ? { expand: 'changelog' } : {}),
        ...(token ? { nextPageToken: token } : {}),
      });
      for (const bean of page.issues) {
        const ticket = toSweepTicket(bean, ctx.organizationsFieldId);
        const outcome: TicketOutcome = ticket
          ? await sweepTicket(ctx, ticket)
          : { kind: 'skipped', reason: 'unreadable' };
        outcomes[outcome.kind] = (outcomes[outcome.kind] ?? 0) + 1;
        tickets += 1;
      }
    } finally {
      await limits.budget.charge(stats.totalPoints - before);
    }
    token = page.isLast === false || page.nextPageToken ? page.nextPageToken : undefined;
    if (!token) {
      if (phase === 'due') return { tickets, outcomes, budgetExhausted: false };
      phase = 'due';
    }
    if (tickets >= limits.maxTicketsPerInvocation) {
      return {
        tickets,
        outcomes,
        continueAt: { phase, ...(token ? { nextPageToken: token } : {}) },
        budgetExhausted: false,
      };
    }
  }
}
