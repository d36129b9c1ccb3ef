import type { DomainAction, MessageRef } from '../../domain/actions';
import type { ProcessState } from '../../domain/process-state';
import type { AuditEntry } from '../shared/audit-log';
import type { WorkItem } from '../ports';

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

/** Hand work to the queue (Delivery fan-out); item types are prefixed `events.`. */
interface EnqueueAction {
  readonly type: 'enqueue';
  readonly items: WorkItem[];
}

/** Record what was decided in the audit trail (also for decisions that write nothing to Jira). */
interface AuditAction {
  readonly type: 'audit';
  readonly entry: Pick<AuditEntry, 'action' | 'outcome'> &
    Partial<Pick<AuditEntry, 'detail' | 'idempotencyKey'>>;
}

/** Everything an event rule can ask for. Rules return these as data; `executeEventActions` performs them. */
export type EventAction =
  DomainAction | RevertStatusAction | RevertTypeAction | SetTypeAction | EnqueueAction | AuditAction;

/** What a rule returns: the (possibly unchanged) state and the actions to perform. */
export interface RuleResult {
  readonly state: ProcessState;
  readonly actions: readonly EventAction[];
}
