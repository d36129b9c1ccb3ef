import { addDays } from '../calendar/working-days';
import type { Kind } from '../kinds';
import type { ProcessState, TimerName } from '../process-state';
import type { StatusKey } from '../statuses';
import type { ProjectConfig } from '../config/project-config';
import { hasStatus, WORKFLOWS } from '../workflows/workflow-table';
import { indexedInstant } from './indexed-instant';

/** A step of a timer (PROCESS.md §4). */
export type TimerStep =
  { kind: 'reminder'; number: number } | { kind: 'close' } | { kind: 'expiryNotice' } | { kind: 'expire' };

/** A step with its due time and the name used in idempotency keys. */
export interface ScheduledStep {
  readonly step: TimerStep;
  readonly name: string;
  readonly dueAt: Date;
}

/** The configuration a timer needs. */
export type TimerConfig = Pick<ProjectConfig, 'timers' | 'calendar' | 'names'>;

/**
 * Which timer runs for a ticket of `kind` in `status`: Clarification for (C) kinds, Resolved for every kind
 * that has the status, the estimate validity for a Customisation in Estimation available (guide §2.2.5, §3.2.3).
 *
 * @example
 * timerFor('customisation', 'estimationAvailable'); // 'estimate'
 */
export function timerFor(kind: Kind, status: StatusKey): TimerName {
  if (!hasStatus(kind, status)) return 'none';
  if (status === 'clarification' && WORKFLOWS[kind].clarification) return 'clarification';
  if (status === 'resolved') return 'resolved';
  if (status === 'estimationAvailable' && kind === 'customisation') return 'estimate';
  return 'none';
}

/**
 * Every step of the state's current timer cycle in order, with due times counted from `cycleStartedAt`
 * (Clarification, Resolved) or `enteredAt` (the estimate: customer comments never extend it).
 *
 * @example
 * timerSchedule(clarificationState, cfg).map((s) => s.name); // ['reminder1', 'reminder2', 'reminder3', 'close']
 */
export function timerSchedule(state: ProcessState, cfg: TimerConfig): ScheduledStep[] {
  const { timers, calendar } = cfg;
  switch (state.timer) {
    case 'clarification': {
      const start = new Date(state.cycleStartedAt);
      const { reminderCount, reminderIntervalDays, closeAfterDays } = timers.clarification;
      // Reminders sent beyond a count lowered since stay in the schedule as done steps: the close follows them.
      const listed = Math.max(reminderCount, state.stepsDone);
      const reminders = Array.from({ length: listed }, (_, i): ScheduledStep => {
        const number = i + 1;
        return {
          step: { kind: 'reminder', number },
          name: `reminder${number}`,
          dueAt: addDays(start, number * reminderIntervalDays, calendar),
        };
      });
      const configured = addDays(start, closeAfterDays, calendar);
      const close =
        state.stepsDone > reminderCount ? closeAfterExtraReminders(state, cfg, configured) : configured;
      return [...reminders, { step: { kind: 'close' }, name: 'close', dueAt: close }];
    }
    case 'resolved':
      return [
        {
          step: { kind: 'close' },
          name: 'close',
          dueAt: addDays(new Date(state.cycleStartedAt), timers.resolved.closeAfterDays, calendar),
        },
      ];
    case 'estimate': {
      const validDays = timers.estimate.validWeeks * 7;
      const entered = new Date(state.enteredAt);
      const notice = timers.estimate.noticeBeforeDays;
      const expire: ScheduledStep = {
        step: { kind: 'expire' },
        name: 'expire',
        dueAt: addDays(entered, validDays, calendar),
      };
      if (notice === undefined && state.stepsDone === 0) return [expire];
      // A notice sent before notices were switched off stays in the schedule as a done step: the expiry follows
      // it. It was sent at `lastStepAt` (states written before that was recorded: `updatedAt`, no earlier).
      const noticeAt =
        notice === undefined
          ? new Date(state.lastStepAt ?? state.updatedAt)
          : addDays(entered, validDays - notice, calendar);
      return [{ step: { kind: 'expiryNotice' }, name: 'expiryNotice', dueAt: noticeAt }, expire];
    }
    case 'none':
      return [];
  }
}

/**
 * The close of a Clarification cycle that has had more reminders than the configured count (the count was lowered
 * after they were sent): one reminder interval after the last reminder was sent, or the configured close if that
 * is later, so the customer is never closed on sooner after a reminder than the settings allow, and gets no
 * further reminder. The last reminder's time is `lastStepAt`; states written before it was recorded use
 * `updatedAt`, which is no earlier than that reminder's write.
 */
function closeAfterExtraReminders(state: ProcessState, cfg: TimerConfig, configured: Date): Date {
  const lastReminder = new Date(state.lastStepAt ?? state.updatedAt);
  const afterInterval = addDays(lastReminder, cfg.timers.clarification.reminderIntervalDays, cfg.calendar);
  return afterInterval.getTime() > configured.getTime() ? afterInterval : configured;
}

/**
 * Whether a ticket in `state` has already had more Clarification reminders in its cycle than `cfg` asks for:
 * lowering the count leaves it with no reminder to send, and `timerSchedule` closes it after its last one.
 *
 * @example
 * hadMoreReminders({ ...clarification, stepsDone: 3 }, twoReminders); // true
 */
export function hadMoreReminders(state: ProcessState, cfg: TimerConfig): boolean {
  return state.timer === 'clarification' && state.stepsDone > cfg.timers.clarification.reminderCount;
}

/** Due time of the first step not yet done, as stored in the JQL-indexed `nextDueAt` (`indexedInstant`). */
export function nextDueAt(state: ProcessState, cfg: TimerConfig): string | undefined {
  const due = timerSchedule(state, cfg)[state.stepsDone]?.dueAt;
  return due && indexedInstant(due);
}
