import { RateLimitedError, UpstreamError } from '../ports/jira-errors';
import { QueueError, StorageError } from '../ports/platform-errors';
import { classifyFailure, isItemFailure } from '../shared/failure-class';
import { auditParking } from '../shared/parking-audit';
import { parkingId, type ParkingRecord, type ParkingSubject } from '../shared/parking-lot';
import { auditSweep } from './step-audit';
import type { SweepContext } from './sweep-context';
import type { SweepTicket } from './sweep-ticket';
import { sweepTicket, type TicketOutcome } from './sweep-ticket-step';

/**
 * An outage hitting this many tickets in a row is Jira's (or the storage's), not the tickets': the sweep stops
 * and is deferred. A single ticket that keeps failing is recorded and skipped, so it never holds back the others.
 */
const OUTAGE_FAILURES_IN_A_ROW = 2;

/** How long after a claim's lease ends the sweep looks at its step again (the holder may have died). */
const AFTER_LEASE_SECONDS = 30;

/**
 * How soon the sweep looks again at a step it left undecided because the ticket kept changing under it (refused
 * twice, or another writer's newer state), or that failed for a passing reason (an outage, a write that may have
 * landed): a minute, not the next hourly run. A write that may have landed keeps its claim, so that look finds
 * it held and waits just past the lease, then re-reads.
 */
const LOOK_AGAIN_SECONDS = 60;

/** Passing failures in a row after which a ticket waits for the next hourly run again (no minute-by-minute loop). */
const QUICK_LOOKS_AFTER_FAILURES = 3;

/** Outcomes that say nothing about whether the ticket can be handled: its failure streak stays as it is. */
function undecided(outcome: TicketOutcome): boolean {
  return (
    outcome.kind === 'deferred' ||
    outcome.kind === 'redecide' ||
    (outcome.kind === 'skipped' && outcome.reason === 'inProgress')
  );
}

/**
 * Sweeps tickets one by one so that one bad ticket never stops the others: what a ticket throws (Jira's answer
 * about it, its data breaking a rule, a storage or queue call made for it) is recorded in its audit trail
 * (`sweep` `failed`, with the error's code) and the sweep goes on. Every failure counts toward parking
 * (`src/domain/parking.ts`): a ticket that keeps failing is parked, audited once, and skipped by later sweeps
 * until an admin retries it; a success ends its streak. A rate limit stops the sweep at once (every further call
 * would be refused too), and so does an outage that hits consecutive tickets; a per-issue 429 defers only its
 * ticket, and the caller sweeps again once that ticket may be written. A step left claimed by a failure is
 * picked up again after its lease (the ledger's stale takeover).
 */
export class TicketIsolation {
  private platformInARow = 0;
  private holdSeconds = 0;
  private lookAgainSeconds = 0;

  private constructor(
    private readonly ctx: SweepContext,
    private readonly records: Map<string, ParkingRecord>,
  ) {}

  /** Reads the project's failing and parked tickets (one KVS query; none in the normal case). */
  static async open(ctx: SweepContext): Promise<TicketIsolation> {
    return new TicketIsolation(ctx, await ctx.deps.parking.ticketsOf(ctx.cfg.projectKey));
  }

  /** Keys of the parked tickets: the due phase leaves them out of its search (no point spent on them). */
  parkedKeys(): ReadonlySet<string> {
    const keys = new Set<string>();
    for (const record of this.records.values())
      if (record.state === 'parked' && record.subject.kind === 'ticket') keys.add(record.subject.issueKey);
    return keys;
  }

  /**
   * Seconds until every ticket held back may be handled again: a per-issue 429, a step another runner's claim
   * holds (just past that claim's lease, so a holder that died is taken over then), or a step still undecided
   * after its second decision or failed for a passing reason (a minute); 0 when none was.
   */
  get heldIssuesRetryAfter(): number {
    return Math.max(this.holdSeconds, this.lookAgainSeconds);
  }

  /**
   * Whether every ticket held back is only to be looked at again (undecided or failed for a passing reason), with
   * no per-issue 429 and no claim to wait for: such looks are bounded by the caller, so a ticket Jira keeps
   * refusing does not cost a sweep every minute until the next hourly run.
   */
  get onlyLookingAgain(): boolean {
    return this.lookAgainSeconds > 0 && this.holdSeconds === 0;
  }

  private hold(seconds: number): void {
    this.holdSeconds = Math.max(this.holdSeconds, seconds);
  }

  private lookAgain(): void {
    this.lookAgainSeconds = LOOK_AGAIN_SECONDS;
  }

  async sweep(ticket: SweepTicket): Promise<TicketOutcome> {
    if (this.records.get(ticket.id)?.state === 'parked') return { kind: 'skipped', reason: 'parked' };
    let outcome: TicketOutcome;
    try {
      outcome = await sweepTicket(this.ctx, ticket);
      this.platformInARow = 0;
      if (outcome.kind === 'skipped' && outcome.heldUntil !== undefined) {
        const leaseLeft = (Date.parse(outcome.heldUntil) - this.ctx.now.getTime()) / 1000;
        this.hold(Math.max(0, Math.ceil(leaseLeft)) + AFTER_LEASE_SECONDS);
      }
      if (outcome.kind === 'redecide') this.lookAgain();
    } catch (error) {
      // Jira holds back this ticket's writes only (a per-issue 429): the other tickets go on.
      if (error instanceof RateLimitedError && error.scope === 'issue') {
        this.hold(error.retryAfterSeconds);
        return { kind: 'deferred', reason: 'issueRateLimited' };
      }
      if (error instanceof RateLimitedError || !isItemFailure(error)) throw error;
      const platform =
        error instanceof UpstreamError || error instanceof StorageError || error instanceof QueueError;
      if (platform && ++this.platformInARow >= OUTAGE_FAILURES_IN_A_ROW) throw error;
      const { failure, code } = classifyFailure(error);
      this.ctx.deps.log.error('sweep.ticketFailed', { issueId: ticket.id, reason: code });
      await auditSweep(this.ctx, ticket, { action: 'sweep', outcome: 'failed', detail: code });
      outcome = { kind: 'failed', reason: code, failure };
    }
    await this.settle(ticket, outcome);
    if (
      outcome.kind === 'failed' &&
      outcome.failure === 'transient' &&
      (this.records.get(ticket.id)?.attempts ?? 1) <= QUICK_LOOKS_AFTER_FAILURES
    )
      this.lookAgain();
    return outcome;
  }

  /**
   * Counts a failure toward parking, or ends the streak after a success. Storage trouble here is logged and never
   * stops the sweep: the failure is counted again next time.
   */
  private async settle(ticket: SweepTicket, outcome: TicketOutcome): Promise<void> {
    const { deps, cfg, now } = this.ctx;
    const previous = this.records.get(ticket.id);
    const subject: ParkingSubject = {
      kind: 'ticket',
      projectKey: cfg.projectKey,
      issueId: ticket.id,
      issueKey: ticket.key,
    };
    try {
      if (outcome.kind === 'failed') {
        const failure = { failure: outcome.failure, code: outcome.reason };
        const recorded = await deps.parking.recordFailure(subject, failure, now, previous ?? null);
        if (recorded.record) this.records.set(ticket.id, recorded.record);
        if (recorded.newlyParked && recorded.record) {
          deps.log.error('sweep.ticketParked', {
            issueId: ticket.id,
            reason: outcome.reason,
            attempts: recorded.record.attempts,
          });
          await auditParking(deps.audit, recorded.record, 'parked', now);
        }
      } else if (previous && !undecided(outcome)) {
        await deps.parking.clear(parkingId(subject));
        this.records.delete(ticket.id);
      }
    } catch (error) {
      deps.log.error('sweep.parkingFailed', { issueId: ticket.id, error: classifyFailure(error).code });
    }
  }
}
