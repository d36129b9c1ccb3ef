import type { ProcessState } from '../process-state';
import { decideTimer } from './decide-timer';
import {
  nextDueAt,
  timerSchedule,
  type ScheduledStep,
  type TimerConfig,
  type TimerStep,
} from './timer-schedule';

/**
 * What a settings change does to one ticket's running timer (PROCESS.md §4), judged at the next sweep:
 * - `closeNextSweep` / `remindNextSweep`: the next sweep performs a step it would not have performed before (a
 *   close or expiry; a reminder or expiry notice);
 * - `earlier` / `later`: the ticket's next step moves, but the next sweep does nothing new with it;
 * - `unchanged`: the next sweep does the same, and the next step stays (or the next sweep performs it anyway).
 */
export type TimerImpact = 'closeNextSweep' | 'remindNextSweep' | 'earlier' | 'later' | 'unchanged';

const ends = (step: TimerStep) => step.kind === 'close' || step.kind === 'expire';

/** The sweep's own decision names the step; the ticket only enters its idempotency key, the same on both sides. */
const SAME_TICKET = { id: 'impact', key: 'impact' };

/**
 * The impact of replacing the timer settings `before` with `after` on a ticket in `state`, when the next sweep
 * runs at `nextSweep`. The next sweep is judged with the sweep's decision (`decideTimer`: the latest step due
 * runs); otherwise the ticket's next pending step is compared. A schedule that no longer has a pending step
 * (fewer steps than already done) counts as `later`: nothing more will happen.
 *
 * @example
 * // Resolved for 45 days; closing after 40 instead of 50 days closes it on the next sweep.
 * timerImpact(resolvedState, guideConfig, { ...guideConfig, timers: { ...t, resolved: { closeAfterDays: 40 } } }, day45);
 * // 'closeNextSweep'
 */
export function timerImpact(
  state: ProcessState,
  before: TimerConfig,
  after: TimerConfig,
  nextSweep: Date,
): TimerImpact {
  const was = decideTimer(state, nextSweep, before, SAME_TICKET);
  const will = decideTimer(state, nextSweep, after, SAME_TICKET);
  if (will.due && (!was.due || was.idempotencyKey !== will.idempotencyKey))
    return ends(will.step) ? 'closeNextSweep' : 'remindNextSweep';
  // The next sweep performs the same step either way: the customer notices nothing.
  if (will.due && was.due) return 'unchanged';
  const old = nextDueAt(state, before);
  const next = nextDueAt(state, after);
  if (next === undefined) return old === undefined ? 'unchanged' : 'later';
  if (old === undefined || Date.parse(next) < Date.parse(old)) return 'earlier';
  return Date.parse(next) > Date.parse(old) ? 'later' : 'unchanged';
}

/**
 * The steps of `state`'s timer that the hourly sweeps from `firstSweep` up to `until` perform, in order. The
 * first sweep performs only the latest step already due then (as `decideTimer` does); every later step is
 * performed by the first sweep after it falls due.
 *
 * @example
 * stepsDueBy(clarificationDay25, guide, day25, day32).map((s) => s.name); // ['reminder2', 'reminder3']
 */
export function stepsDueBy(
  state: ProcessState,
  cfg: TimerConfig,
  firstSweep: Date,
  until: Date,
): ScheduledStep[] {
  const pending = timerSchedule(state, cfg).slice(state.stepsDone);
  const overdue = pending.filter((s) => s.dueAt.getTime() <= firstSweep.getTime());
  const later = pending.filter(
    (s) => s.dueAt.getTime() > firstSweep.getTime() && s.dueAt.getTime() <= until.getTime(),
  );
  const first = overdue.at(-1);
  const steps = first ? [first, ...later] : later;
  // Nothing follows the step that ends the timer.
  const end = steps.findIndex((s) => ends(s.step));
  return end === -1 ? steps : steps.slice(0, end + 1);
}
