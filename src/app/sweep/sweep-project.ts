import type { PointsBudget } from './points-budget';
import type { SweepContext } from './sweep-context';
import type { SweepTime } from './sweep-time';
import { TicketIsolation } from './isolated-ticket';
import { TicketCosts } from './ticket-cost';
import {
  keepNoStateCopy,
  keepStateCopy,
  markRepaired,
  raiseEarlyEntry,
  sourcePage,
  type SweepPhase,
} from './sweep-sources';
import type { IssueBean } from '../ports/jira';
import type { FieldIds } from '../../domain/ticket';
import { freshFieldIndexForRebuild, keepSearchCopy } from './rebuild-portal-copy';
import { toSweepTicket } from './sweep-ticket';
import type { TicketOutcome } from './sweep-ticket-step';

/** Where a sweep that ran out of invocation time continues (carried by a queued `sweep.project` item). */
export interface SweepCursor {
  readonly phase: SweepPhase;
  readonly nextPageToken?: string;
  /** Set while the repair phases run: the basis to record when they complete (see `firstPhase`). */
  readonly repairBasis?: string;
  /** The repair includes the `stamped` phase (installation, index upgrade, settings change). */
  readonly rebuild?: boolean;
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
  /** Seconds until the tickets a per-issue 429 held back may be written again (absent when none was). */
  readonly heldIssuesRetryAfter?: number;
  /** Set when the tickets held back are only to be looked at again (`TicketIsolation.onlyLookingAgain`). */
  readonly lookAgain?: true;
}

export interface ProjectSweepLimits {
  readonly budget: PointsBudget;
  /** The invocation's remaining time: a page is never larger than what fits before its safety margin. */
  readonly time: SweepTime;
  /** Largest search page (Jira returns at most 100 issues with properties). */
  readonly pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 100;

/**
 * The phase after `phase`: a rebuild reads the tickets that already have a due time before it repairs the others,
 * so that the states the repair writes (which the index follows through `dueIndexedJira`) are not read again, and
 * gives the tickets still without a state their "no state yet" copies last, when the repair's tickets have theirs.
 */
function nextPhase(phase: SweepPhase, rebuild: boolean): SweepPhase | undefined {
  if (phase === 'stamped') return 'unstamped';
  if (phase === 'unstamped') return rebuild ? 'stateless' : 'due';
  if (phase === 'stateless') return 'due';
  return undefined;
}

/**
 * Handles one ticket a page returned: swept, or (`stateless` phase) given its "no state yet" copy; either way
 * given the portal's copy when it has none (`keepSearchCopy`).
 */
async function handleTicket(
  ctx: SweepContext,
  isolation: TicketIsolation,
  phase: SweepPhase,
  bean: IssueBean,
  portalFieldIds: FieldIds | undefined,
): Promise<TicketOutcome | undefined> {
  if (phase === 'stateless') {
    await keepNoStateCopy(ctx, bean);
    if (portalFieldIds) await keepSearchCopy(ctx, bean, portalFieldIds);
    return undefined;
  }
  const ticket = toSweepTicket(bean, ctx.cfg, ctx.organizationsFieldId);
  const outcome: TicketOutcome = ticket
    ? await isolation.sweep(ticket)
    : { kind: 'skipped', reason: 'unreadable' };
  if (phase === 'due' && outcome.kind === 'notDue' && ticket) await raiseEarlyEntry(ctx, ticket.key);
  if (phase === 'stamped' && outcome.kind === 'notDue' && ticket) await keepStateCopy(ctx, ticket.key);
  if (portalFieldIds) await keepSearchCopy(ctx, bean, portalFieldIds);
  return outcome;
}

/**
 * Sweeps one project through its phases (`sweep-sources.ts`): the repair queries when they are due, then the
 * tickets the due index says are due, most overdue first, page by page (Jira's `nextPageToken` is a snapshot:
 * pages neither skip nor repeat tickets while the sweep changes them; the index cursor is a position in due
 * order). Stops before the hourly points budget would be exceeded or when the invocation's remaining time holds
 * no further ticket, and says where to continue. A page is sized to what its tickets may cost (`TicketCosts`: the
 * search's worst case, the write, the extras measured so far), and a ticket whose handling no longer fits is
 * left for the next hour: the due phase finds it again in the index, a repair phase reads its page again. With
 * nothing due and no repair due, it reads only KVS: 0 Jira points.
 */
export async function sweepProject(
  ctx: SweepContext,
  limits: ProjectSweepLimits,
  from: SweepCursor = { phase: 'due' },
): Promise<ProjectSweepResult> {
  const stats = ctx.deps.stats;
  const outcomes: OutcomeCounts = {};
  let tickets = 0;
  let phase = from.phase;
  let token = from.nextPageToken;
  const repair =
    from.repairBasis === undefined ? {} : { repairBasis: from.repairBasis, rebuild: !!from.rebuild };
  const maxPage = limits.pageSize ?? DEFAULT_PAGE_SIZE;
  const costs = new TicketCosts();
  const isolation = await TicketIsolation.open(ctx);
  const parked = isolation.parkedKeys();
  const held = (): { heldIssuesRetryAfter?: number; lookAgain?: true } =>
    isolation.heldIssuesRetryAfter > 0
      ? {
          heldIssuesRetryAfter: isolation.heldIssuesRetryAfter,
          ...(isolation.onlyLookingAgain ? { lookAgain: true as const } : {}),
        }
      : {};
  if (repair.rebuild) await freshFieldIndexForRebuild(ctx, limits.budget);
  for (;;) {
    const before = stats.totalPoints;
    const inTime = limits.time.ticketsThatFit();
    if (inTime < 1)
      return {
        tickets,
        outcomes,
        continueAt: { phase, ...(token ? { nextPageToken: token } : {}), ...(phase === 'due' ? {} : repair) },
        budgetExhausted: false,
        ...held(),
      };
    const available = await limits.budget.remaining();
    const pageSize = Math.min(maxPage, inTime, costs.pageSize(phase, available));
    const exhausted = (at: string | undefined): ProjectSweepResult => ({
      tickets,
      outcomes,
      continueAt: { phase, ...(at ? { nextPageToken: at } : {}), ...repair },
      budgetExhausted: true,
      ...held(),
    });
    if (pageSize < 1) return exhausted(token);
    let page;
    let cutShort = false;
    try {
      page = await sourcePage(ctx, phase, pageSize, token, parked);
      for (const bean of page.issues) {
        const start = stats.totalPoints;
        if (start - before + costs.handling(phase, bean) > available) {
          cutShort = true;
          break;
        }
        const outcome = await handleTicket(ctx, isolation, phase, bean, page.portalFieldIds);
        costs.observe(phase, bean, stats.totalPoints - start);
        if (outcome) outcomes[outcome.kind] = (outcomes[outcome.kind] ?? 0) + 1;
        tickets += 1;
        limits.time.handled(1);
      }
    } finally {
      await limits.budget.charge(stats.totalPoints - before);
    }
    // The rest of the page waits for the next hour: a repair reads the same page again (the tickets handled are
    // then found in order), the due phase starts from the most overdue entry anyway.
    if (cutShort) return exhausted(phase === 'due' ? undefined : token);
    token = page.nextPageToken;
    if (!token) {
      const next = nextPhase(phase, repair.rebuild === true);
      if (next === 'due' && repair.repairBasis !== undefined) await markRepaired(ctx, repair.repairBasis);
      if (!next) return { tickets, outcomes, budgetExhausted: false, ...held() };
      phase = next;
    }
  }
}
