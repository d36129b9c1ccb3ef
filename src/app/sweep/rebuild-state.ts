import type { ProjectConfig } from '../../domain/config';
import type { Kind } from '../../domain/kinds';
import {
  initialState,
  withReset,
  withReturnStatus,
  type ClarificationOrigin,
  type ProcessState,
} from '../../domain/process-state';
import type { StatusKey } from '../../domain/statuses';
import { nextDueAt, timerFor } from '../../domain/timers/timer-schedule';
import { WORKFLOWS, workingStatuses } from '../../domain/workflows/workflow-table';
import { statusOfName } from '../../domain/names';
import type { StatusChange, SweepTicket } from './sweep-ticket';
import { parseJiraTime } from '../shared/field-values';

type Names = Pick<ProjectConfig, 'names'>;

/**
 * When the ticket entered its current status: the latest changelog entry into that status, else its creation
 * (created directly in the status), else `now`. Jira keeps no separate "status date" for a status that was
 * entered before the app saw the ticket; the changelog is the record (PROCESS.md §4).
 * @internal Exported for the tests that check it directly.
 */
export function statusEnteredAt(ticket: SweepTicket, now: Date): Date {
  const entries = ticket.statusChanges.filter(
    (change) => change.toStatusId === ticket.statusId || change.toStatusName === ticket.statusName,
  );
  const last = entries[entries.length - 1];
  const at = (last ? parseJiraTime(last.at) : undefined) ?? parseJiraTime(ticket.created);
  return at === undefined ? now : new Date(Math.min(at, now.getTime()));
}

function originOf(change: StatusChange, cfg: Names): ClarificationOrigin | undefined {
  const status = statusOfName(cfg, change.toStatusName);
  return status === undefined ? undefined : { statusId: change.toStatusId, status };
}

/**
 * Where a ticket now in Clarification returns to (PROCESS.md §3), from the changelog: the status the previous
 * status change moved it into, or, when the entry into Clarification is its first status change, the status its
 * type starts in (id unknown). `undefined` when that is no working status of the kind, or the changelog was not
 * expanded: the return rule then accepts any working status.
 */
function clarificationOriginFromChangelog(
  ticket: SweepTicket,
  kind: Kind,
  status: StatusKey | undefined,
  cfg: Names,
): ClarificationOrigin | undefined {
  if (status !== 'clarification') return undefined;
  const changes = ticket.statusChanges;
  const entry = changes.findLastIndex(
    (change) => change.toStatusId === ticket.statusId || change.toStatusName === ticket.statusName,
  );
  if (entry < 0) return undefined;
  const before = changes[entry - 1];
  const origin = before ? originOf(before, cfg) : { status: WORKFLOWS[kind].initial };
  return origin && workingStatuses(kind).includes(origin.status) ? origin : undefined;
}

/**
 * The state a ticket should have in its current status, for a ticket without state (waiting before the app was
 * installed) or whose state belongs to another status or timer (a status event was lost). The timer counts from
 * the status entry, so an old ticket is never treated as new; `decideTimer` then takes only the step due now.
 * Idempotency keys already done and flags survive; the cycle moves on so old keys cannot collide. A ticket in
 * Clarification gets the return status of its latest entry there.
 *
 * @example
 * rebuildState(ticketIn25DaysClarification, cfg, now).cycleStartedAt; // the changelog entry date
 */
export function rebuildState(
  ticket: SweepTicket,
  cfg: Pick<ProjectConfig, 'timers' | 'calendar' | 'names'>,
  now: Date,
): ProcessState {
  const { status: statusKey, kind } = ticket;
  const timer = statusKey && kind ? timerFor(kind, statusKey) : 'none';
  const previous = ticket.state;
  const entered = statusEnteredAt(ticket, now).toISOString();
  const base = initialState(now, ticket.statusId);
  const state: ProcessState = withReset(
    {
      ...base,
      ...(previous ? { done: previous.done, flags: previous.flags } : {}),
      ...(previous?.resets ? { resets: previous.resets } : {}),
      timer,
      cycle: (previous?.cycle ?? 0) + 1,
      enteredAt: entered,
      cycleStartedAt: entered,
      stepsDone: 0,
    },
    { at: now.toISOString(), reason: previous ? 'statusEntered' : 'installBackfill' },
  );
  const origin = kind ? clarificationOriginFromChangelog(ticket, kind, statusKey, cfg) : undefined;
  const stamped = withReturnStatus(state, origin);
  const due = nextDueAt(stamped, cfg);
  return due === undefined ? stamped : { ...stamped, nextDueAt: due };
}

/**
 * Whether the stored state belongs to the ticket's current status and type; a state that does not must be
 * rebuilt and is never acted on (a ticket that left Clarification is not reminded).
 */
export function stateMatchesTicket(ticket: SweepTicket): boolean {
  const state = ticket.state;
  if (!state || state.statusId !== ticket.statusId) return false;
  const { status: statusKey, kind } = ticket;
  const timer = statusKey && kind ? timerFor(kind, statusKey) : 'none';
  return timer === state.timer;
}
