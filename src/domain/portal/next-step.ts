import type { Kind } from '../kinds';
import type { ProcessState } from '../process-state';
import type { StatusKey } from '../statuses';
import { timerSchedule, type TimerConfig } from '../timers/timer-schedule';

/** A request's Delivery version as the customer reads it (guide §3.1.1): a patch version or the custom value. */
export type DeliveryVersion = { kind: 'patch'; text: string } | { kind: 'custom' };

/**
 * Reads a Delivery version field value; `null` when empty. The custom value (default `CUSTOM`) is matched
 * case-insensitively, anything else is shown as the patch version it names.
 *
 * @example
 * deliveryVersionOf(' custom ', 'CUSTOM'); // { kind: 'custom' }
 */
export function deliveryVersionOf(raw: string | null, customValue: string): DeliveryVersion | null {
  const text = (raw ?? '').trim();
  if (text === '') return null;
  return text.toLowerCase() === customValue.trim().toLowerCase()
    ? { kind: 'custom' }
    : { kind: 'patch', text };
}

/**
 * What happens next on a request and who acts, as the customer reads it in the portal (guide §2.2.5, §3.2.3,
 * §3.3). Dates are ISO instants (`YYYY-MM-DD` for a Delivery's estimated date); the sentence is rendered by
 * {@link nextStepSentence}.
 */
export type NextStep =
  | { kind: 'answerNeeded'; remindersSent: number; remindersTotal: number; closesAt: string }
  | { kind: 'resolved'; closesAt: string }
  | { kind: 'fixBuilt'; version: DeliveryVersion; plannedDate: string | null }
  | { kind: 'estimateValid'; validUntil: string }
  | { kind: 'estimateExpired' }
  | { kind: 'deliveryPlanned'; plannedDate: string | null }
  | { kind: 'deliveryDone' }
  | { kind: 'closed' }
  | { kind: 'withSupport' };

/** The facts about one request that decide its next step. */
export interface NextStepFacts {
  readonly kind: Kind;
  readonly status: StatusKey | null;
  readonly state: ProcessState | undefined;
  /** The request's Delivery version, parsed; `null` when it has none. */
  readonly version: DeliveryVersion | null;
  /** The estimated date of the Delivery the request ships in (or of the Delivery itself). */
  readonly plannedDate: string | null;
  /** The app closed the request because its estimate expired (guide §3.2.3). */
  readonly estimateExpired: boolean;
}

/**
 * The next step of a request for its customer. The clarification and Resolved dates come from the app's own
 * timer state, so the portal says exactly what the sweep will do.
 *
 * @example
 * nextStep({ kind: 'supportRequest', status: 'resolved', state, version: null, plannedDate: null, estimateExpired: false }, cfg);
 * // { kind: 'resolved', closesAt: '2027-01-18T09:00:00.000Z' }
 */
export function nextStep(facts: NextStepFacts, cfg: TimerConfig): NextStep {
  const { status, state } = facts;
  if (facts.kind === 'delivery') {
    if (status === 'planned' || status === null)
      return { kind: 'deliveryPlanned', plannedDate: facts.plannedDate };
    return { kind: 'deliveryDone' };
  }
  if (status === 'closed') return facts.estimateExpired ? { kind: 'estimateExpired' } : { kind: 'closed' };
  if (status === 'clarification' && state?.timer === 'clarification') {
    const schedule = timerSchedule(state, cfg);
    const reminders = schedule.filter((s) => s.step.kind === 'reminder').length;
    const close = schedule.at(-1);
    if (close) {
      return {
        kind: 'answerNeeded',
        remindersSent: Math.min(state.stepsDone, reminders),
        remindersTotal: reminders,
        closesAt: close.dueAt.toISOString(),
      };
    }
  }
  if (status === 'resolved' && state?.timer === 'resolved') {
    const close = timerSchedule(state, cfg)[0];
    if (close) return { kind: 'resolved', closesAt: close.dueAt.toISOString() };
  }
  if (status === 'estimationAvailable' && facts.kind === 'customisation') {
    if (facts.estimateExpired) return { kind: 'estimateExpired' };
    const expire =
      state?.timer === 'estimate'
        ? timerSchedule(state, cfg).find((s) => s.step.kind === 'expire')
        : undefined;
    if (expire) return { kind: 'estimateValid', validUntil: expire.dueAt.toISOString() };
  }
  if (status === 'deliveryPending' && facts.version !== null) {
    return { kind: 'fixBuilt', version: facts.version, plannedDate: facts.plannedDate };
  }
  return { kind: 'withSupport' };
}

/**
 * Whether a Customisation's estimate has expired (guide §3.2.3): the app closed it for that reason (its timer
 * state records the `expire` step), or it is still waiting in Estimation available past the validity.
 *
 * @example
 * estimateExpired('customisation', 'closed', stateWithExpireDone, now, cfg); // true
 */
export function estimateExpired(
  kind: Kind,
  status: StatusKey | null,
  state: ProcessState | undefined,
  now: Date,
  cfg: TimerConfig,
): boolean {
  if (kind !== 'customisation' || state === undefined) return false;
  if (status === 'closed') return state.done.some((key) => /:estimate:\d+:expire$/.test(key));
  if (status !== 'estimationAvailable' || state.timer !== 'estimate') return false;
  const expire = timerSchedule(state, cfg).find((s) => s.step.kind === 'expire');
  return expire !== undefined && expire.dueAt.getTime() <= now.getTime();
}
