import type { InvocationTime } from '../ports';

/**
 * Time kept free at the end of an invocation: a ticket slower than the average (a changelog read, a retried
 * call), the budget charge and the queue push of the continuation. A quarter of the time at the start when the
 * function's limit is short.
 */
const SAFETY_MARGIN_MS = 30_000;
/** Tickets in the first page of an invocation, before anything says how long a ticket takes on this site. */
const FIRST_PAGE_TICKETS = 10;
/** The measured average is stretched by this much, since tickets differ (a close costs more than a reminder). */
const SPREAD = 1.5;

/** What an invocation knows about its time when it sizes the next page. */
interface TimeShare {
  /** Milliseconds the platform still leaves the invocation. */
  readonly remainingMs: number;
  /** Milliseconds it had left when its sweep began. */
  readonly startMs: number;
  /** Tickets it has handled since (in every project). */
  readonly tickets: number;
}

/**
 * How many more tickets fit in this invocation: what remains after the safety margin, divided by the time a
 * ticket has taken so far (stretched); before the first ticket, a small measuring page if the time allows one.
 *
 * @example ticketsThatFit({ remainingMs: 300_000, startMs: 300_000, tickets: 0 }) // 10
 * @example ticketsThatFit({ remainingMs: 150_000, startMs: 300_000, tickets: 100 }) // 80 (1.5 s a ticket × 1.5)
 * @example ticketsThatFit({ remainingMs: 29_000, startMs: 300_000, tickets: 100 }) // 0: continue in the queue
 */
function ticketsThatFit(share: TimeShare): number {
  const margin = Math.min(SAFETY_MARGIN_MS, share.startMs / 4);
  const free = share.remainingMs - margin;
  if (free <= 0) return 0;
  if (share.tickets === 0) return FIRST_PAGE_TICKETS;
  const perTicket = (Math.max(0, share.startMs - share.remainingMs) / share.tickets) * SPREAD;
  return perTicket <= 0 ? Number.MAX_SAFE_INTEGER : Math.floor(free / perTicket);
}

/**
 * One invocation's time as its sweep sees it, shared by the projects it sweeps one after another: the remaining
 * time is read from the platform before every page, and the tickets handled so far say how long one takes.
 */
export class SweepTime {
  private readonly startMs: number;
  private tickets = 0;

  constructor(private readonly time: InvocationTime) {
    this.startMs = time.remainingMs();
  }

  /** Counts tickets the sweep has handled. */
  handled(tickets: number): void {
    this.tickets += tickets;
  }

  /** Tickets that still fit in this invocation; 0: hand the rest to the queue. */
  ticketsThatFit(): number {
    return ticketsThatFit({
      remainingMs: this.time.remainingMs(),
      startMs: this.startMs,
      tickets: this.tickets,
    });
  }
}
