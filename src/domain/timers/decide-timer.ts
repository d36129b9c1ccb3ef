import type { TimerAction, MessageRef } from '../actions';
import { withDone, type ProcessState } from '../process-state';
import { timerSchedule, type ScheduledStep, type TimerConfig, type TimerStep } from './timer-schedule';
import { indexedInstant } from './indexed-instant';

/** The ticket a decision is about; id for idempotency keys, key for texts. */
export interface TicketRef {
  readonly id: string;
  readonly key: string;
}

/** What the sweep should do for one ticket now. */
export type TimerDecision =
  | { due: false; state: ProcessState; nextDueAt: string | undefined }
  | {
      due: true;
      step: TimerStep;
      dueAt: string;
      idempotencyKey: string;
      /** The key was already in `state.done`: the step happened, only the state is brought up to date. */
      alreadyDone: boolean;
      actions: TimerAction[];
      state: ProcessState;
    };

function stepActions(
  scheduled: ScheduledStep,
  schedule: readonly ScheduledStep[],
  ticket: TicketRef,
  cfg: TimerConfig,
  key: string,
  timer: ProcessState['timer'],
): TimerAction[] {
  const { step } = scheduled;
  const close = (comment: MessageRef): TimerAction => ({
    type: 'transition',
    to: 'closed',
    resolution: cfg.names.resolutionOnClose,
    comment,
    idempotencyKey: key,
  });
  const last = schedule[schedule.length - 1];
  switch (step.kind) {
    case 'reminder':
      return [
        {
          type: 'comment',
          visibility: 'public',
          messageKey: 'clarificationReminder',
          params: {
            ticketKey: ticket.key,
            reminderNumber: step.number,
            reminderCount: cfg.timers.clarification.reminderCount,
            closeDate: { date: (last ?? scheduled).dueAt.toISOString() },
          },
          idempotencyKey: key,
        },
      ];
    case 'close':
      return [
        close(
          timer === 'clarification'
            ? {
                visibility: 'public',
                messageKey: 'clarificationClose',
                params: { ticketKey: ticket.key, closeAfterDays: cfg.timers.clarification.closeAfterDays },
              }
            : {
                visibility: 'public',
                messageKey: 'resolvedClose',
                params: { ticketKey: ticket.key, closeAfterDays: cfg.timers.resolved.closeAfterDays },
              },
        ),
      ];
    case 'expiryNotice':
      return [
        {
          type: 'comment',
          visibility: 'public',
          messageKey: 'estimateExpiryNotice',
          params: {
            ticketKey: ticket.key,
            validWeeks: cfg.timers.estimate.validWeeks,
            expiryDate: { date: (last ?? scheduled).dueAt.toISOString() },
          },
          idempotencyKey: key,
        },
      ];
    case 'expire':
      return [
        close({
          visibility: 'public',
          messageKey: 'estimateExpired',
          params: { ticketKey: ticket.key, validWeeks: cfg.timers.estimate.validWeeks },
        }),
      ];
  }
}

/**
 * Decides the timer step due `now` for one ticket (PROCESS.md §4). Only the latest due step runs: a ticket
 * 25 days in Clarification gets reminder 2 (not 1 and 2), one 45 days in is closed. The returned actions end
 * with `setState` (steps done, next `nextDueAt`, the idempotency key `${issueId}:${timer}:${cycle}:${step}`
 * recorded); after a closing step the timer is `none`.
 *
 * @example
 * decideTimer(stateEntered25DaysAgo, now, cfg, { id: '10001', key: 'SUP-1' });
 * // { due: true, step: { kind: 'reminder', number: 2 }, idempotencyKey: '10001:clarification:1:reminder2', … }
 */
export function decideTimer(
  state: ProcessState,
  now: Date,
  cfg: TimerConfig,
  ticket: TicketRef,
): TimerDecision {
  const schedule = timerSchedule(state, cfg);
  const pending = schedule.slice(state.stepsDone);
  const dueSteps = pending.filter((s) => s.dueAt.getTime() <= now.getTime());
  const chosen = dueSteps[dueSteps.length - 1];
  if (!chosen) {
    const nextDue = pending[0]?.dueAt;
    const next = nextDue && indexedInstant(nextDue);
    return {
      due: false,
      nextDueAt: next,
      state: next === state.nextDueAt ? state : { ...state, nextDueAt: next },
    };
  }
  const index = schedule.indexOf(chosen);
  const key = `${ticket.id}:${state.timer}:${state.cycle}:${chosen.name}`;
  const terminal = chosen.step.kind === 'close' || chosen.step.kind === 'expire';
  const followingDue = schedule[index + 1]?.dueAt;
  const following = followingDue && indexedInstant(followingDue);
  const advanced: ProcessState = {
    ...withDone(state, key),
    stepsDone: index + 1,
    lastStepAt: now.toISOString(),
    timer: terminal ? 'none' : state.timer,
    nextDueAt: terminal ? undefined : following,
    updatedAt: now.toISOString(),
  };
  const alreadyDone = state.done.includes(key);
  const effects = alreadyDone ? [] : stepActions(chosen, schedule, ticket, cfg, key, state.timer);
  return {
    due: true,
    step: chosen.step,
    dueAt: chosen.dueAt.toISOString(),
    idempotencyKey: key,
    alreadyDone,
    actions: [...effects, { type: 'setState', state: advanced }],
    state: advanced,
  };
}
