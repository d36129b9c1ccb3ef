import { parseProcessState, PROCESS_STATE_KEY, type ProcessState } from '../../domain/process-state';
import { decideTimer } from '../../domain/timers/decide-timer';
import { performStep, type StepOutcome } from './perform-step';
import { rebuildState, stateMatchesTicket } from './rebuild-state';
import { withStatusHistory } from './full-changelog';
import { guardStateWrite, heldBack, STATE_WRITTEN } from './state-write-guard';
import { auditSweep } from './step-audit';
import type { SweepContext } from './sweep-context';
import { stateBasisOf, sweepFields, toSweepTicket, type SweepTicket } from './sweep-ticket';

/** What the sweep did with one ticket; `acted` counts toward the per-action cost. */
export type TicketOutcome = StepOutcome | { kind: 'restamped' } | { kind: 'notDue' };

/**
 * A ticket changed after its state was last written (a comment, an edit) and only minutes ago: the event
 * handler may still be about to reset the timer for a customer reply. Waiting one sweep costs nothing and never
 * sends a reminder right after the customer answered. Our own writes move `updated` too, hence the slack.
 */
const OWN_WRITE_SLACK_MS = 5 * 60_000;
const RECENT_ACTIVITY_MS = 15 * 60_000;

function recentlyChanged(ticket: SweepTicket, state: ProcessState, now: Date): boolean {
  if (ticket.updatedMs === undefined) return false;
  const changedAfterState = ticket.updatedMs > Date.parse(state.updatedAt) + OWN_WRITE_SLACK_MS;
  return changedAfterState && now.getTime() - ticket.updatedMs < RECENT_ACTIVITY_MS;
}

async function writeState(
  ctx: SweepContext,
  ticket: SweepTicket,
  state: ProcessState,
): Promise<TicketOutcome> {
  if (ctx.dryRun) return { kind: 'restamped' };
  // A restamp is derived from the searched state too: it must not overwrite a reset either. Its writer names this
  // one restamp (timer, cycle, new due time), so an earlier restamp's marker is not taken for its own.
  const writer = `${ticket.id}:restamp:${state.timer}:${state.cycle}:${state.nextDueAt ?? 'none'}`;
  const verdict = await guardStateWrite(ctx, ticket, state, writer);
  if (verdict === 'reread' || verdict === 'wait') return heldBack(verdict);
  await ctx.deps.jira.setIssueProperty(ticket.key, PROCESS_STATE_KEY, state, stateBasisOf(ticket));
  return { kind: 'restamped' };
}

/** Decides and performs for a ticket whose state is known to belong to its current status. */
async function stepFor(ctx: SweepContext, ticket: SweepTicket, state: ProcessState): Promise<TicketOutcome> {
  const decision = decideTimer(state, ctx.now, ctx.cfg, ticket);
  if (!decision.due) {
    // Indexed `nextDueAt` said due, the schedule says not (config changed): store the right due time.
    return decision.state === state ? { kind: 'notDue' } : writeState(ctx, ticket, decision.state);
  }
  return performStep(ctx, ticket, decision);
}

/** Re-reads one ticket fresh (status, type, state, status changelog) — 2 points, only after a refusal. */
async function reread(ctx: SweepContext, ticket: SweepTicket): Promise<SweepTicket | undefined> {
  const bean = await ctx.deps.jira.getIssue(ticket.key, {
    fields: sweepFields(ctx.organizationsFieldId),
    properties: [PROCESS_STATE_KEY],
    expand: 'changelog',
  });
  const ticketRead = toSweepTicket(bean, ctx.cfg, ctx.organizationsFieldId);
  return ticketRead && { ...ticketRead, stateFresh: true };
}

/**
 * Another writer announced a newer state after the search: read the property alone (2 points, strongly
 * consistent) and decide on it. Only when the fresh state belongs to another status (the writer moved the
 * ticket) is the whole ticket read again, since status and changelog from the search are stale too.
 */
async function refreshState(ctx: SweepContext, ticket: SweepTicket): Promise<SweepTicket | undefined> {
  const state = parseProcessState(await ctx.deps.jira.getIssueProperty(ticket.key, PROCESS_STATE_KEY));
  const refreshed: SweepTicket = { ...ticket, state, stateFresh: true };
  return state && stateMatchesTicket(refreshed) ? refreshed : reread(ctx, ticket);
}

async function rebuildAndStep(ctx: SweepContext, ticket: SweepTicket): Promise<TicketOutcome> {
  const rebuilt = rebuildState(ticket, ctx.cfg, ctx.now);
  const decision = decideTimer(rebuilt, ctx.now, ctx.cfg, ticket);
  if (decision.due) return performStep(ctx, ticket, decision, rebuilt);
  await auditSweep(ctx, ticket, {
    action: 'restamp',
    outcome: ctx.dryRun ? 'dryRun' : 'done',
    detail: `${rebuilt.timer} ${rebuilt.lastReset?.reason ?? ''}`.trim(),
  });
  return writeState(ctx, ticket, decision.state);
}

/**
 * One ticket from either sweep query. A state that does not belong to the ticket's status or type is rebuilt
 * from the changelog (never acted on as it stands); a refused write re-reads the ticket and decides once more,
 * and so does a write held back because another writer stored a newer state since the search.
 */
export async function sweepTicket(
  ctx: SweepContext,
  ticket: SweepTicket,
  attempt = 1,
): Promise<TicketOutcome> {
  let outcome: TicketOutcome;
  const state = ticket.state;
  if (!state || !stateMatchesTicket(ticket)) {
    // Rebuilding needs the status changelog; the due query does not expand it, the repair query does.
    const read = ticket.statusChanges.length > 0 || !state ? ticket : await reread(ctx, ticket);
    if (!read) return { kind: 'skipped', reason: 'unreadable' };
    // Search (and `expand=changelog`) may hold only the most recent histories: older ones come from the changelog.
    const full = await withStatusHistory(ctx.deps.jira, read);
    if (state)
      await auditSweep(ctx, ticket, { action: 'statusChanged', outcome: 'skipped', detail: 'stateRebuilt' });
    outcome = await rebuildAndStep(ctx, full);
  } else if (recentlyChanged(ticket, state, ctx.now)) {
    return { kind: 'deferred', reason: 'recentActivity' };
  } else {
    outcome = await stepFor(ctx, ticket, state);
  }
  if (outcome.kind !== 'redecide' || attempt > 1) return outcome;
  const fresh =
    outcome.reason === STATE_WRITTEN ? await refreshState(ctx, ticket) : await reread(ctx, ticket);
  if (!fresh) return { kind: 'skipped', reason: 'unreadable' };
  return sweepTicket(ctx, fresh, attempt + 1);
}
