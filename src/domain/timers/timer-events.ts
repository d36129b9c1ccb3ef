import type { Kind } from '../kinds';
import {
  initialState,
  withDone,
  returnStatusOf,
  withReset,
  withReturnStatus,
  type ClarificationOrigin,
  type ProcessState,
  type ResetReason,
} from '../process-state';
import type { StatusKey } from '../statuses';
import { workingStatuses } from '../workflows/workflow-table';
import { nextDueAt, timerFor, type TimerConfig } from './timer-schedule';

/** Result of an event: whether the state changed (and must be written). */
export interface TimerUpdate {
  readonly changed: boolean;
  readonly state: ProcessState;
}

/** Where and when a ticket entered its current status. */
export interface StatusEntry {
  readonly statusId: string;
  /** The previous state, if the ticket has one. */
  readonly previous?: ProcessState | undefined;
  readonly reason?: ResetReason;
  /** When the decision is made (defaults to `enteredAt`); differs from it for an install backfill. */
  readonly now?: Date;
  /** The status the ticket came from (the changelog item's `from`), when known. */
  readonly from?: ClarificationOrigin | undefined;
}

/**
 * Where a ticket entering (or staying in) `status` returns to from Clarification (PROCESS.md §3): on a new entry
 * the working status it came from; while it stays in the same Clarification status (a type change, a re-stamp)
 * the origin already stored. Outside Clarification, or when the origin is unknown or no working status of the
 * kind, nothing: the return rule then falls back to any working status.
 */
function clarificationOrigin(
  kind: Kind,
  status: StatusKey,
  entry: StatusEntry,
): ClarificationOrigin | undefined {
  if (status !== 'clarification') return undefined;
  const { previous, statusId, from } = entry;
  if (previous?.statusId === statusId) return returnStatusOf(previous, statusId);
  return from && workingStatuses(kind).includes(from.status) ? from : undefined;
}

/**
 * The state after a ticket of `kind` entered `status` at `enteredAt`: the matching timer starts a new cycle
 * (or `none`). Entering Clarification from a working status (`entry.from`) records it as the return status;
 * any other status clears it. Replaying the same entry (same status id and time) returns the previous state unchanged, so a
 * duplicated event does not start a second cycle. For tickets found at install, pass the real entry time and
 * `reason: 'installBackfill'`; `decideTimer` then sends only the step due now.
 *
 * @example
 * startTimer('supportRequest', 'clarification', enteredAt, { statusId: '10002' }, cfg).timer; // 'clarification'
 */
export function startTimer(
  kind: Kind,
  status: StatusKey,
  enteredAt: Date,
  entry: StatusEntry,
  cfg: TimerConfig,
): ProcessState {
  const { previous, statusId, reason = 'statusEntered', now = enteredAt } = entry;
  const timer = timerFor(kind, status);
  const enteredIso = enteredAt.toISOString();
  if (
    previous &&
    previous.statusId === statusId &&
    previous.enteredAt === enteredIso &&
    previous.timer === timer
  ) {
    return previous;
  }
  const base = withReturnStatus(
    previous ?? initialState(enteredAt, statusId),
    clarificationOrigin(kind, status, entry),
  );
  const moved: ProcessState = {
    ...base,
    timer,
    statusId,
    cycle: timer === 'none' ? base.cycle : base.cycle + 1,
    enteredAt: enteredIso,
    cycleStartedAt: enteredIso,
    stepsDone: 0,
    nextDueAt: undefined,
    updatedAt: now.toISOString(),
  };
  const started = timer === 'none' ? moved : withReset(moved, { at: enteredIso, reason });
  return { ...started, nextDueAt: nextDueAt(started, cfg) };
}

/**
 * A customer comment at `at` restarts the Clarification and Resolved timers from zero (reminder count back to
 * 0; PROCESS.md §4). The estimate validity is not extended. Comments older than the current cycle (events out
 * of order) change nothing. Only call this for comments `isCustomerComment` accepts.
 *
 * @example
 * onCustomerComment(clarificationState, commentAt, cfg).state.stepsDone; // 0
 * @internal Exported for the tests that check it directly.
 */
export function onCustomerComment(state: ProcessState, at: Date, cfg: TimerConfig): TimerUpdate {
  if (state.timer !== 'clarification' && state.timer !== 'resolved') return { changed: false, state };
  if (at.getTime() <= new Date(state.cycleStartedAt).getTime()) return { changed: false, state };
  const iso = at.toISOString();
  const restarted = withReset(
    { ...state, cycle: state.cycle + 1, cycleStartedAt: iso, stepsDone: 0, updatedAt: iso },
    { at: iso, reason: 'customerComment' },
  );
  return { changed: true, state: { ...restarted, nextDueAt: nextDueAt(restarted, cfg) } };
}

/** The idempotency key of a customer comment's timer reset: a comment restarts a timer once, whoever sees it. */
function customerCommentKey(issueId: string, commentId: string): string {
  return `${issueId}:customerComment:${commentId}`;
}

/**
 * The reset a customer's comment `commentId` at `at` causes (see {@link onCustomerComment}), recorded under its
 * {@link customerCommentKey} so that the event rule and the sweep's proof before a step never restart the timer
 * twice for the same comment. Unchanged when the comment was already counted.
 *
 * @example
 * restartForCustomerComment(state, '10001', '20005', at, cfg).state.done.at(-1); // '10001:customerComment:20005'
 */
export function restartForCustomerComment(
  state: ProcessState,
  issueId: string,
  commentId: string,
  at: Date,
  cfg: TimerConfig,
): TimerUpdate {
  const key = customerCommentKey(issueId, commentId);
  if (state.done.includes(key)) return { changed: false, state };
  const update = onCustomerComment(state, at, cfg);
  return update.changed ? { changed: true, state: withDone(update.state, key) } : update;
}

/**
 * The ticket is in a status, or of a type, outside the process: nothing is due until it returns to one the app
 * knows. The stored state (or a fresh one) records the status and runs no timer; the rest (done keys, flags,
 * acceptance) is kept. An unchanged state is returned as it is, so a replayed event writes nothing.
 *
 * @example
 * outsideProcess(clarificationState, '10099', at).nextDueAt; // undefined
 */
export function outsideProcess(stored: ProcessState | undefined, statusId: string, at: Date): ProcessState {
  const base = stored ?? initialState(at, statusId);
  if (base.timer === 'none' && base.nextDueAt === undefined && base.statusId === statusId) return base;
  return { ...base, timer: 'none', statusId, nextDueAt: undefined, updatedAt: at.toISOString() };
}

/**
 * The ticket's type changed while it stays in `status`: if the new kind runs a different timer there (e.g. a
 * Request in Clarification re-typed to Suggestion, which has none), the timer restarts or stops.
 *
 * @example
 * onReclassified(state, 'softwareDefect', 'clarification', at, cfg).changed; // false: both kinds are (C)
 */
export function onReclassified(
  state: ProcessState,
  kind: Kind,
  status: StatusKey,
  at: Date,
  cfg: TimerConfig,
): TimerUpdate {
  if (timerFor(kind, status) === state.timer) return { changed: false, state };
  return {
    changed: true,
    state: startTimer(
      kind,
      status,
      at,
      { statusId: state.statusId, previous: state, reason: 'reclassified' },
      cfg,
    ),
  };
}
