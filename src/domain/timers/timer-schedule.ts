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
      const reminders = Array.from({ length: reminderCount }, (_, i): ScheduledStep => {
        const number = i + 1;
        return {
          step: { kind: 'reminder', number },
          name: `reminder${number}`,
          dueAt: addDays(start, number * reminderIntervalDays, calendar),
        };
      });
      return [
        ...reminders,
        { step: { kind: 'close' }, name: 'close', dueAt: addDays(start, closeAfterDays, calendar) },
      ];
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
      if (notice === undefined) return [expire];
      return [
        {
          step: { kind: 'expiryNotice' },
          name: 'expiryNotice',
          dueAt: addDays(entered, validDays - notice, calendar),
        },
        expire,
      ];
    }
    case 'none':
      return [];
  }
}

/** Due time of the first step not yet done, as stored in the JQL-indexed `nextDueAt` (`indexedInstant`). */
export function nextDueAt(state: ProcessState, cfg: TimerConfig): string | undefined {
  const due = timerSchedule(state, cfg)[state.stepsDone]?.dueAt;
  return due && indexedInstant(due);
}
