import { JiraHttpError, RateLimitedError, UpstreamError } from '../ports/jira-errors';
import { parseProcessState, PROCESS_STATE_KEY, type ProcessState } from '../../domain/process-state';
import type { FailureClass } from '../../domain/parking';
import { MessageRenderError } from '../../domain/texts';
import type { TimerDecision } from '../../domain/timers/decide-timer';
import { customerReplySince, ProofIncompleteError, restartForReply } from './customer-reply-proof';
import { auditAction, auditSweep, stepCode } from './step-audit';
import type { SweepContext } from './sweep-context';
import { eventWroteSince, guardStateWrite, heldBack, type GuardVerdict } from './state-write-guard';
import type { SweepTicket } from './sweep-ticket';
import { NoCloseTransitionError, writeStep } from './write-step';

type DueDecision = Extract<TimerDecision, { due: true }>;

/**
 * What became of one due step. `redecide`: the ticket changed (Jira refused, or another writer stored a newer
 * state since the search); re-read and decide again. `deferred`: a newer state is on its way; next sweep.
 */
export type StepOutcome =
  | { kind: 'done' }
  | { kind: 'dryRun' }
  /** `heldUntil`: a claim of another runner holds the step until then (its lease; see `performStep`). */
  | { kind: 'skipped'; reason: string; heldUntil?: string }
  | { kind: 'failed'; reason: string; failure: FailureClass }
  | { kind: 'redecide'; reason: string }
  | { kind: 'deferred'; reason: string }
  | { kind: 'reset' };

/** Dry-run records are kept as long as the ledger's markers, so each would-be action is listed once. */
const DRY_RUN_TTL_DAYS = 200;

async function dryRun(ctx: SweepContext, ticket: SweepTicket, decision: DueDecision): Promise<StepOutcome> {
  const key = `sweep:dry:${decision.idempotencyKey.replace(/[^a-zA-Z0-9:._-]/g, '_')}`;
  const first = await ctx.deps.store.setIfAbsent(
    key,
    { at: ctx.now.toISOString() },
    { ttlDays: DRY_RUN_TTL_DAYS },
  );
  if (first) {
    await auditSweep(ctx, ticket, {
      action: auditAction(decision.step),
      outcome: 'dryRun',
      detail: stepCode(decision.step),
      idempotencyKey: decision.idempotencyKey,
    });
  }
  return { kind: 'dryRun' };
}

/**
 * A claim whose runner died, now owned by this runner alone (the ledger's takeover is atomic): Jira's property
 * read is strongly consistent, so the state tells whether the dead runner's write (comment and state in one
 * call) landed. Landed → finish the bookkeeping; not landed → act.
 */
async function recoverStale(
  ctx: SweepContext,
  ticket: SweepTicket,
  key: string,
): Promise<'landed' | 'notLanded'> {
  const fresh = parseProcessState(await ctx.deps.jira.getIssueProperty(ticket.key, PROCESS_STATE_KEY));
  if (!fresh?.done.includes(key)) return 'notLanded';
  await ctx.deps.ledger.complete(key, ctx.now);
  return 'landed';
}

async function failure(
  ctx: SweepContext,
  ticket: SweepTicket,
  decision: DueDecision,
  error: unknown,
): Promise<StepOutcome> {
  const key = decision.idempotencyKey;
  const audit = (outcome: 'skipped' | 'failed', detail: string) =>
    auditSweep(ctx, ticket, { action: auditAction(decision.step), outcome, detail, idempotencyKey: key });
  if (error instanceof RateLimitedError) {
    // Jira refused before doing anything: give the claim back and let the caller defer the whole run.
    await ctx.deps.ledger.release(key);
    throw error;
  }
  if (error instanceof UpstreamError) {
    // Ambiguous: the write may have landed. The pending claim stays; the sweep looks again a minute later, finds
    // the claim held, and takes it over just past its lease, re-reading the property first (`TicketIsolation`).
    await audit('failed', 'ambiguous');
    return { kind: 'failed', reason: 'ambiguous', failure: 'transient' };
  }
  await ctx.deps.ledger.release(key);
  if (error instanceof JiraHttpError) {
    if (error.isNotFound) {
      await audit('skipped', 'notFound');
      return { kind: 'skipped', reason: 'notFound' };
    }
    if (error.status === 400 || error.status === 409) {
      // 409, or a transition no longer offered: the ticket changed since the search.
      await ctx.transitions.forget(ctx.cfg.projectKey, ticket);
      return { kind: 'redecide', reason: `HTTP ${error.status}` };
    }
    await audit('failed', `HTTP ${error.status}`);
    return { kind: 'failed', reason: `HTTP ${error.status}`, failure: 'definite' };
  }
  if (error instanceof NoCloseTransitionError) {
    await audit('failed', 'noCloseTransition');
    return { kind: 'failed', reason: 'noCloseTransition', failure: 'definite' };
  }
  if (error instanceof MessageRenderError) {
    await audit('failed', 'messageInvalid');
    return { kind: 'failed', reason: 'messageInvalid', failure: 'definite' };
  }
  if (error instanceof ProofIncompleteError) {
    await audit('failed', error.gap);
    // Comments deleted while the proof read them pass: the sweep looks again shortly.
    return {
      kind: 'failed',
      reason: error.gap,
      failure: error.gap === 'proofShifting' ? 'transient' : 'definite',
    };
  }
  throw error;
}

/** Attempts of one write when Jira's answers stay ambiguous; after them the claim stays pending. */
const WRITE_ATTEMPTS = 3;

/**
 * One write; after an ambiguous failure (5xx, timeout: Jira may or may not have applied it) the property is
 * read back at once (strongly consistent) and the write repeated only if it did not land, so a passing outage
 * neither delays the step by a sweep nor sends it twice. Persisting ambiguity leaves the claim pending.
 */
async function writeOnce(ctx: SweepContext, ticket: SweepTicket, decision: DueDecision): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await writeStep(ctx, ticket, decision);
      return;
    } catch (error) {
      if (!(error instanceof UpstreamError) || attempt >= WRITE_ATTEMPTS) throw error;
    }
    const fresh = parseProcessState(await ctx.deps.jira.getIssueProperty(ticket.key, PROCESS_STATE_KEY));
    if (fresh?.done.includes(decision.idempotencyKey)) return;
  }
}

/** Writes of the app itself move Jira's `updated` a moment after the state's `updatedAt`. */
const OWN_WRITE_SLACK_MS = 60_000;

/**
 * Whether the step needs the proof that no customer replied since the cycle began: always before a close (it
 * cannot be undone), and before a reminder when the ticket changed after its state was last written (a comment
 * whose event may have been lost) or a writer died between announcing a state and storing it. Only the
 * Clarification and Resolved timers restart on a reply.
 */
function needsProof(
  ticket: SweepTicket,
  state: ProcessState,
  decision: DueDecision,
  verdict: GuardVerdict,
): boolean {
  if (state.timer !== 'clarification' && state.timer !== 'resolved') return false;
  if (decision.step.kind === 'close' || verdict === 'proveThenWrite') return true;
  return (
    ticket.updatedMs !== undefined && ticket.updatedMs > Date.parse(state.updatedAt) + OWN_WRITE_SLACK_MS
  );
}

/**
 * After a reminder landed: an event that announced a state write since the search (after the guard looked)
 * may have stored a reset that the reminder's state has just overwritten. The proof tells; a reply found is
 * restarted again on top of what was written, so a cycle never goes back.
 */
async function keepRacingReset(ctx: SweepContext, ticket: SweepTicket, decision: DueDecision): Promise<void> {
  const state = ticket.state;
  if (!state || decision.step.kind === 'close' || !(await eventWroteSince(ctx, ticket))) return;
  const reply = await customerReplySince(ctx, ticket, state.cycleStartedAt, state.stepsDone + 1);
  if (reply) await restartForReply(ctx, ticket, decision.state, reply);
}

/**
 * Performs a due step exactly once (ActionLedger protocol, see its header): claim → state-write marker check →
 * one Jira write that carries the new state → complete. A step already done, or claimed by a concurrent runner, is
 * skipped; the latter says until when the claim holds it (`heldUntil`), so the sweep looks again once a holder
 * that died can be taken over. A stale claim is resolved by re-reading the property. In dry-run nothing is
 * written and the step is audited once. `decidedOn` is the state the decision was taken on: the ticket's own,
 * or the one rebuilt from the changelog, whose cycle the proof covers just the same.
 */
export async function performStep(
  ctx: SweepContext,
  ticket: SweepTicket,
  decision: DueDecision,
  decidedOn: ProcessState | undefined = ticket.state,
): Promise<StepOutcome> {
  if (ctx.dryRun) return dryRun(ctx, ticket, decision);
  const key = decision.idempotencyKey;
  if (decision.alreadyDone) {
    // The step happened (its key is in the state) but the state was not advanced: only repair the property.
    const verdict = await guardStateWrite(ctx, ticket, decision.state, key);
    if (verdict === 'reread' || verdict === 'wait') return heldBack(verdict);
    await writeStep(ctx, ticket, decision);
    return { kind: 'skipped', reason: 'alreadyDone' };
  }
  const claim = await ctx.deps.ledger.claim(key, ctx.now);
  if (claim.kind === 'done' || claim.kind === 'inProgress') {
    const reason = claim.kind === 'done' ? 'alreadyDone' : 'inProgress';
    await auditSweep(ctx, ticket, {
      action: auditAction(decision.step),
      outcome: 'skipped',
      detail: reason,
      idempotencyKey: key,
    });
    return claim.kind === 'done'
      ? { kind: 'skipped', reason }
      : { kind: 'skipped', reason, heldUntil: claim.staleAt };
  }
  if (claim.kind === 'stale' && (await recoverStale(ctx, ticket, key)) === 'landed') {
    await auditSweep(ctx, ticket, {
      action: auditAction(decision.step),
      outcome: 'done',
      detail: 'recovered',
      idempotencyKey: key,
    });
    return { kind: 'skipped', reason: 'recovered' };
  }
  // Last moment before the write: a timer reset stored since the search must not be overwritten (0003).
  const verdict = await guardStateWrite(ctx, ticket, decision.state, key);
  if (verdict === 'reread' || verdict === 'wait') {
    await ctx.deps.ledger.release(key);
    return heldBack(verdict);
  }
  try {
    // No irreversible step without proof (0003): a reply found restarts the cycle instead of the step.
    const state = decidedOn;
    if (state && needsProof(ticket, state, decision, verdict)) {
      const reply = await customerReplySince(ctx, ticket, state.cycleStartedAt, state.stepsDone + 1);
      if (reply) {
        await restartForReply(ctx, ticket, state, reply);
        await ctx.deps.ledger.release(key);
        return { kind: 'reset' };
      }
    }
    await writeOnce(ctx, ticket, decision);
  } catch (error) {
    return failure(ctx, ticket, decision, error);
  }
  await ctx.deps.ledger.complete(key, ctx.now);
  // After a proof the dead writer's marker is known to be old news; otherwise a new one is a racing event.
  if (verdict === 'write') await keepRacingReset(ctx, ticket, decision);
  await auditSweep(ctx, ticket, {
    action: auditAction(decision.step),
    outcome: 'done',
    detail: stepCode(decision.step),
    idempotencyKey: key,
  });
  return { kind: 'done' };
}
