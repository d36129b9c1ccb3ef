import type {
  ClarificationView,
  EstimateView,
  NextStepView,
  ResolvedAutoCloseView,
} from '../../contract/panel-view';
import type { StatusRole } from '../../contract/common';

/** The timer views of one ticket, as {@link nextStep} reads them. */
export interface NextStepInput {
  statusRole: StatusRole | null;
  clarification: ClarificationView | null;
  resolved: ResolvedAutoCloseView | null;
  estimate: EstimateView | null;
}

/**
 * What the app does next on a ticket, for the panel's first line: the next reminder (with the close date), the
 * auto-close, or the estimate's expiry. A step whose time has passed on an open ticket is `overdue`: the next
 * sweep performs it, so the panel never shows a past date as if it were still coming.
 *
 * @example nextStep({ statusRole: 'closed', clarification: null, resolved: null, estimate: null })
 * // { kind: 'none', reason: 'closed' }
 */
export function nextStep(input: NextStepInput): NextStepView {
  if (input.statusRole === 'closed') return { kind: 'none', reason: 'closed' };
  const c = input.clarification;
  if (c?.state === 'active') {
    const number = c.nextReminderAt === null ? null : c.remindersSent + 1;
    if (c.overdue) {
      return number === null
        ? { kind: 'overdue', step: 'autoClose', number: null, total: null }
        : { kind: 'overdue', step: 'reminder', number, total: c.remindersTotal };
    }
    return c.nextReminderAt === null || number === null
      ? { kind: 'autoClose', at: c.autoCloseAt }
      : { kind: 'reminder', number, total: c.remindersTotal, at: c.nextReminderAt, closesAt: c.autoCloseAt };
  }
  if (input.resolved) {
    return input.resolved.overdue
      ? { kind: 'overdue', step: 'autoClose', number: null, total: null }
      : { kind: 'autoClose', at: input.resolved.autoCloseAt };
  }
  if (input.estimate) {
    return input.estimate.expired
      ? { kind: 'overdue', step: 'estimateExpiry', number: null, total: null }
      : { kind: 'estimateExpiry', at: input.estimate.validUntil };
  }
  return { kind: 'none', reason: 'noTimer' };
}

/** Resolved and Closed tickets are done: their goals are settled, nothing on them raises an alarm. */
export function isDone(statusRole: StatusRole | null): boolean {
  return statusRole === 'resolved' || statusRole === 'closed';
}
