import { ZodError } from 'zod';
import { MessageRenderError } from '../../domain/texts';
import {
  JiraHttpError,
  RateLimitedError,
  UnexpectedResponseError,
  UpstreamError,
} from '../ports/jira-errors';
import { auditSweep } from './step-audit';
import type { SweepContext } from './sweep-context';
import type { SweepTicket } from './sweep-ticket';
import { sweepTicket, type TicketOutcome } from './sweep-ticket-step';

/**
 * An outage hitting this many tickets in a row is Jira's, not the tickets': the sweep stops and is deferred.
 * A single ticket that keeps failing upstream is recorded and skipped, so it never holds back the others.
 */
const UPSTREAM_FAILURES_FOR_OUTAGE = 2;

/**
 * Failures that belong to one ticket: Jira's definite answer about it, an answer of a shape the app cannot read,
 * its data breaking a rule (a text that does not render, a value of the wrong type). A storage or transport
 * failure is not the ticket's doing: it stops the sweep as before (the next run, or the queue, picks it up).
 */
function belongsToTicket(error: unknown): boolean {
  return (
    error instanceof JiraHttpError ||
    error instanceof UnexpectedResponseError ||
    error instanceof UpstreamError ||
    error instanceof MessageRenderError ||
    error instanceof ZodError ||
    error instanceof TypeError ||
    error instanceof RangeError
  );
}

/** A short code for the audit and the log: the error's kind, with the operation and HTTP status Jira gave. */
function failureCode(error: unknown): string {
  if (error instanceof JiraHttpError) return `${error.operation}: HTTP ${error.status}`;
  if (error instanceof UpstreamError) return `${error.operation}: ${error.problem}`;
  return error instanceof Error ? error.name : 'unknown';
}

/**
 * Sweeps tickets one by one so that one bad ticket never stops the others: what a ticket throws is recorded
 * in its audit trail (`sweep` `failed`, with the error's code) and the sweep goes on. A rate limit stops the
 * sweep at once (every further call would be refused too), and so does an outage that hits consecutive tickets.
 * A step left claimed by a failure is picked up again after its lease (the ledger's stale takeover).
 */
export class TicketIsolation {
  private upstreamInARow = 0;

  constructor(private readonly ctx: SweepContext) {}

  async sweep(ticket: SweepTicket): Promise<TicketOutcome> {
    try {
      const outcome = await sweepTicket(this.ctx, ticket);
      this.upstreamInARow = 0;
      return outcome;
    } catch (error) {
      if (error instanceof RateLimitedError || !belongsToTicket(error)) throw error;
      if (error instanceof UpstreamError && ++this.upstreamInARow >= UPSTREAM_FAILURES_FOR_OUTAGE)
        throw error;
      const reason = failureCode(error);
      this.ctx.deps.log.error('sweep.ticketFailed', { issueId: ticket.id, reason });
      await auditSweep(this.ctx, ticket, { action: 'sweep', outcome: 'failed', detail: reason });
      return { kind: 'failed', reason };
    }
  }
}
