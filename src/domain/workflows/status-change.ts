import type { Kind } from '../kinds';
import { STATUSES, type StatusKey } from '../statuses';
import type { Localized } from '../texts/message-keys';
import { hasStatus, WORKFLOWS, workingStatuses, type Workflow } from './workflow-table';

/** Facts about a status change the workflow table alone cannot know. */
export interface StatusChangeContext {
  /** The working status the ticket was in before it entered Clarification. */
  readonly previousWorkingStatus?: StatusKey;
  /** The change was made by the customer (a JSM customer transition), not by an agent or the app. */
  readonly byCustomer?: boolean;
}

/** Verdict on a status change; a refusal carries a reason for the internal comment. */
export type StatusChangeVerdict = { allowed: true } | { allowed: false; reason: Localized };

const refuse = (en: string, de: string): StatusChangeVerdict => ({ allowed: false, reason: { en, de } });
const ALLOWED: StatusChangeVerdict = { allowed: true };

/**
 * Where a customer may close their ticket: the statuses in which it waits for them (PROCESS.md §3, §4). Resolved:
 * "close ticket" confirms the solution (guide §2.2.5); Clarification: withdrawing the question, which the
 * auto-close would end the same way; Estimation available: declining the estimate (not ordered).
 */
const CUSTOMER_CLOSES_FROM: readonly StatusKey[] = ['resolved', 'clarification', 'estimationAvailable'];

function clarificationVerdict(
  kind: Kind,
  from: StatusKey,
  to: StatusKey,
  ctx: StatusChangeContext,
): StatusChangeVerdict | undefined {
  // A kind without Clarification has no such status, which `checkStatusChange` refuses before asking here.
  if (to === 'clarification') {
    return workingStatuses(kind).includes(from)
      ? ALLOWED
      : refuse(
          'Clarification can only be entered from a working status.',
          'Eine Rückfrage ist nur aus einem Bearbeitungsstatus möglich.',
        );
  }
  if (from !== 'clarification') return undefined;
  // An unanswered question closes the ticket (guide §2.2.5).
  if (to === 'closed') return ALLOWED;
  // Without a known origin (no stored state, e.g. the app was installed while the ticket was in Clarification),
  // or with one the kind no longer has (re-typed while in Clarification), any working status is accepted.
  const working = workingStatuses(kind);
  const known = ctx.previousWorkingStatus;
  const previous = known !== undefined && working.includes(known) ? known : undefined;
  const returnsToOrigin = previous === undefined || to === previous;
  const returnsToProgress = to === 'inProgress';
  if (working.includes(to) && (returnsToOrigin || returnsToProgress)) return ALLOWED;
  return refuse(
    'After Clarification the ticket returns to the status it came from or to In Progress.',
    'Nach einer Rückfrage kehrt das Ticket in seinen vorherigen Status oder nach In Progress zurück.',
  );
}

/**
 * Whether a ticket of `kind` may move from `from` to `to` (guide §3). Besides each kind's path: Clarification
 * from any working status of a (C) kind and back to where it came from or to In Progress (without
 * a known `previousWorkingStatus` of the kind, any working status is accepted), Clarification → Closed (auto-close), and the
 * customer may only close a ticket that waits for them (Resolved, Clarification, Estimation available). Staying in the same status of the workflow is allowed.
 *
 * @example
 * checkStatusChange('supportRequest', 'open', 'inProgress');
 * // { allowed: false, reason: { en: 'This step is not part of the workflow of this ticket type.', de: … } }
 */
export function checkStatusChange(
  kind: Kind,
  from: StatusKey,
  to: StatusKey,
  ctx: StatusChangeContext = {},
): StatusChangeVerdict {
  if (!hasStatus(kind, from) || !hasStatus(kind, to)) {
    return refuse('This ticket type has no such status.', 'Dieser Tickettyp hat keinen solchen Status.');
  }
  if (from === to) return ALLOWED;
  if (ctx.byCustomer === true) {
    return to === 'closed' && CUSTOMER_CLOSES_FROM.includes(from)
      ? ALLOWED
      : refuse(
          'Customers can only close a ticket that waits for them (resolved, in clarification, estimate available).',
          'Kunden können nur ein Ticket schließen, das auf sie wartet (gelöst, in Rückfrage, Schätzung liegt vor).',
        );
  }
  const clarification = clarificationVerdict(kind, from, to, ctx);
  if (clarification) return clarification;
  const workflow: Workflow = WORKFLOWS[kind];
  return workflow.edges.some(([a, b]) => a === from && b === to)
    ? ALLOWED
    : refuse(
        'This step is not part of the workflow of this ticket type.',
        'Dieser Schritt ist im Workflow dieses Tickettyps nicht vorgesehen.',
      );
}

/**
 * Whether a ticket of `kind` may leave Clarification for `to` whatever working status it came from (or with that
 * status unknown): In Progress, or Closed by the no-reply close. The origin then decides nothing, neither the
 * verdict nor a refusal's list of the allowed targets, and need not be looked up.
 *
 * @example
 * leavesClarificationFreely('supportRequest', 'inProgress'); // true
 */
export function leavesClarificationFreely(kind: Kind, to: StatusKey): boolean {
  const origins: (StatusKey | undefined)[] = [undefined, ...workingStatuses(kind)];
  return origins.every(
    (origin) =>
      checkStatusChange(kind, 'clarification', to, origin ? { previousWorkingStatus: origin } : {}).allowed,
  );
}

/**
 * The statuses a ticket of `kind` may move to from `from` (excluding staying put).
 *
 * @example
 * allowedTargets('suggestion', 'open'); // ['resolved']
 */
export function allowedTargets(kind: Kind, from: StatusKey, ctx: StatusChangeContext = {}): StatusKey[] {
  return STATUSES.filter((to) => to !== from && checkStatusChange(kind, from, to, ctx).allowed);
}
