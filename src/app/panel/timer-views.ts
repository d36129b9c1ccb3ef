import type { StatusRef } from '../../contract/common';
import type { ClarificationView, EstimateView, ResolvedAutoCloseView } from '../../contract/panel-view';
import type { ProjectConfig } from '../../domain/config';
import type { Kind } from '../../domain/kinds';
import type { ProcessState } from '../../domain/process-state';
import type { StatusKey } from '../../domain/statuses';
import { timerSchedule } from '../../domain/timers/timer-schedule';
import { WORKFLOWS } from '../../domain/workflows/workflow-table';
import { statusRef } from './status-ref';

const DAY = 86_400_000;

/** The timer state of a ticket, as the panel needs it. */
export interface TimerInput {
  kind: Kind;
  status: StatusKey | null;
  state: ProcessState | undefined;
  cfg: ProjectConfig;
  now: Date;
}

/**
 * The Clarification required / On hold timer (guide §2.2.5): reminders sent x of N, next reminder, auto-close
 * date, the last reset and the status the ticket returns to. `null` for kinds without Clarification, `inactive`
 * outside the status or before the app has recorded the timer. "Returns to" is the return status the app stored
 * on entry (PROCESS.md §3), which the event rule and the validator enforce; `changelogReturnsTo` (re-derived from
 * the changelog) only stands in for states without it.
 */
export function clarificationView(
  input: TimerInput,
  changelogReturnsTo: StatusRef | null,
): ClarificationView | null {
  if (!WORKFLOWS[input.kind].clarification) return null;
  const { state } = input;
  if (input.status !== 'clarification' || state?.timer !== 'clarification') return { state: 'inactive' };
  const schedule = timerSchedule(state, input.cfg);
  const reminders = schedule.filter((s) => s.step.kind === 'reminder');
  const close = schedule[schedule.length - 1];
  const sent = Math.min(state.stepsDone, reminders.length);
  const nextDue = reminders[sent]?.dueAt ?? close?.dueAt;
  const reset = state.lastReset;
  const returnsTo =
    state.returnStatus === undefined
      ? changelogReturnsTo
      : statusRef(input.cfg, input.cfg.names.statuses[state.returnStatus]);
  return {
    state: 'active',
    enteredAt: state.enteredAt,
    remindersSent: sent,
    remindersTotal: reminders.length,
    nextReminderAt: reminders[sent]?.dueAt.toISOString() ?? null,
    autoCloseAt: (close?.dueAt ?? new Date(state.cycleStartedAt)).toISOString(),
    returnsTo,
    // The cycle's start is worth a line only when it is not the entry itself (a customer reply restarted it).
    lastReset:
      state.cycleStartedAt === state.enteredAt
        ? null
        : {
            at: reset?.at ?? state.cycleStartedAt,
            reason: reset?.reason === 'customerComment' ? 'customerComment' : 'enteredStatus',
          },
    overdue: nextDue !== undefined && nextDue.getTime() <= input.now.getTime(),
  };
}

/** 50 days in Resolved without customer feedback close the ticket (guide §2.2.5); only while Resolved. */
export function resolvedAutoCloseView(input: TimerInput): ResolvedAutoCloseView | null {
  const { state } = input;
  if (input.status !== 'resolved' || state?.timer !== 'resolved') return null;
  const close = timerSchedule(state, input.cfg)[0];
  if (!close) return null;
  return {
    resolvedAt: state.cycleStartedAt,
    autoCloseAt: close.dueAt.toISOString(),
    overdue: close.dueAt.getTime() <= input.now.getTime(),
  };
}

/**
 * Customisation estimate validity, 16 weeks from Estimation available by default (guide §3.2.3). `daysLeft`
 * counts whole days: 0 on the last day, negative once expired.
 */
export function estimateView(input: TimerInput): EstimateView | null {
  const { state } = input;
  if (
    input.kind !== 'customisation' ||
    input.status !== 'estimationAvailable' ||
    state?.timer !== 'estimate'
  ) {
    return null;
  }
  const expire = timerSchedule(state, input.cfg).find((s) => s.step.kind === 'expire');
  if (!expire) return null;
  const remaining = expire.dueAt.getTime() - input.now.getTime();
  return {
    availableSince: state.enteredAt,
    validUntil: expire.dueAt.toISOString(),
    daysLeft: Math.floor(remaining / DAY),
    expired: remaining <= 0,
  };
}
