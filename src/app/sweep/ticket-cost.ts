import type { IssueBean } from '../ports/jira';
import type { SweepPhase } from './sweep-sources';

/**
 * Histories the enhanced search embeds per issue at most with `expand=changelog` (the 40 most recent; JRACLOUD-96459,
 * docs/decisions/0014): each is a point, so the repair search costs at most 1 + 40 per ticket it returns.
 */
const SEARCH_HISTORIES_MAX = 40;

/** Histories one page of the changelog endpoint returns at most (`full-changelog.ts`). */
const CHANGELOG_PAGE = 100;

/**
 * What sweeping tickets costs in Jira points, estimated before the points are spent and measured as the sweep
 * goes (decision 0004):
 * - a ticket's share of the search: 1, plus the histories the repair query embeds; until a ticket of the phase
 *   was read, the most it may embed (40), afterwards the most a ticket of the phase embedded so far;
 * - a ticket's handling, before it starts: its write (1) and, when the search cut its changelog short, the
 *   changelog page it may read; plus the most that handling any ticket of the phase has cost beyond that so far
 *   (a proof before a close, a transition lookup, a re-read).
 */
export class TicketCosts {
  private readonly extra = new Map<SweepPhase, number>();
  private readonly searched = new Map<SweepPhase, number>();

  /** A ticket's expected share of a search page of the phase. */
  private searchPerTicket(phase: SweepPhase): number {
    if (phase !== 'unstamped') return 1;
    return this.searched.get(phase) ?? 1 + SEARCH_HISTORIES_MAX;
  }

  /** What a ticket of the phase is expected to cost, its share of the search included (sizes a page). */
  perTicket(phase: SweepPhase): number {
    return this.searchPerTicket(phase) + 1 + this.extraOf(phase);
  }

  /**
   * Tickets the next page of the phase may hold within `available` points (1 of them for the request). Before
   * the phase's first ticket was read, a budget too small for a page at the worst case still reads one ticket,
   * to measure, when a ticket as cheap as a due one fits.
   */
  pageSize(phase: SweepPhase, available: number): number {
    const fits = Math.floor((available - 1) / this.perTicket(phase));
    if (fits >= 1 || this.searched.has(phase)) return fits;
    return available >= 3 ? 1 : 0;
  }

  /** What handling this ticket is expected to cost once the search has returned it. */
  handling(phase: SweepPhase, bean: IssueBean): number {
    const embedded = bean.changelog?.histories.length ?? 0;
    const older = Math.max(0, (bean.changelog?.total ?? 0) - embedded);
    return 1 + (older > 0 ? 1 + Math.min(CHANGELOG_PAGE, older) : 0) + this.extraOf(phase);
  }

  /** Records what handling a ticket cost (`points`) against what {@link handling} expected without the extra. */
  observe(phase: SweepPhase, bean: IssueBean, points: number): void {
    const expected = this.handling(phase, bean) - this.extraOf(phase);
    this.extra.set(phase, Math.max(this.extraOf(phase), points - expected));
    const share = 1 + (bean.changelog?.histories.length ?? 0);
    this.searched.set(phase, Math.max(this.searched.get(phase) ?? 0, share));
  }

  private extraOf(phase: SweepPhase): number {
    return this.extra.get(phase) ?? 0;
  }
}
