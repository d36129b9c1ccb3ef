import type { CommentAction, MessageRef } from '../actions';
import type { ProcessState } from '../process-state';

/** Set the Jira issue security level by name (confidentiality, guide §2.2.1); `null` removes it. */
interface SetSecurityLevelAction {
  readonly type: 'setSecurityLevel';
  readonly level: string | null;
  readonly idempotencyKey: string;
}

/** Alert the on-call duty for a severe fault outside working days (guide §1.1.1). */
interface AlertOnCallAction {
  readonly type: 'alertOnCall';
  readonly mode: 'opsgenie' | 'webhook';
  readonly target: string;
  readonly idempotencyKey: string;
}

/** An audit trail entry a rule asks for: what was decided, and its outcome. */
interface AuditNote {
  readonly action: string;
  readonly outcome: 'done' | 'skipped' | 'failed';
  readonly detail?: string;
  readonly idempotencyKey?: string;
}

/**
 * Move the ticket back to the status it came from (a forbidden status change). Where the workflow offers no way
 * back, the executor writes the comment as an internal warning and sets `flag` in the state instead.
 */
export interface RevertStatusAction {
  readonly type: 'revertStatus';
  readonly toStatusId: string;
  readonly toStatusName: string;
  readonly comment: MessageRef;
  readonly flag: string;
  readonly idempotencyKey: string;
}

/** Set the issue type back (a forbidden reclassification); falls back to warning + flag like a status revert. */
export interface RevertTypeAction {
  readonly type: 'revertType';
  readonly toTypeId: string;
  readonly comment: MessageRef;
  readonly flag: string;
  readonly idempotencyKey: string;
}

/** Change the issue type (e-mail tickets start as Request, guide §2.2.1). */
interface SetTypeAction {
  readonly type: 'setType';
  readonly typeName: string;
  readonly idempotencyKey: string;
}

/** Record what was decided in the audit trail (also for decisions that write nothing to Jira). */
interface AuditAction {
  readonly type: 'audit';
  readonly entry: AuditNote;
}

/**
 * Everything an issue event rule can ask for. Rules return these as data; `executeEventActions` performs each
 * kind (its switch is exhaustive, checked by the compiler). Timer steps that move a ticket forward are not among
 * them: those belong to the sweep (`decideTimer`) and the Delivery work handlers.
 */
export type EventAction =
  | CommentAction
  | SetSecurityLevelAction
  | AlertOnCallAction
  | RevertStatusAction
  | RevertTypeAction
  | SetTypeAction
  | AuditAction;

/** What a rule returns: the (possibly unchanged) state and the actions to perform. */
export interface RuleResult {
  readonly state: ProcessState;
  readonly actions: readonly EventAction[];
}
