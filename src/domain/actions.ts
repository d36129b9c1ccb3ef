import type { StatusKey } from './statuses';
import type { ProcessState } from './process-state';
import type { Localized, MessageKey, MessageParams } from './texts/message-keys';

/** A text the executor renders with `renderMessage` in the ticket's language. */
export interface MessageRef {
  readonly messageKey: MessageKey;
  readonly params: MessageParams;
  readonly visibility: 'public' | 'internal';
}

/** Add a comment (public: shared with the customer; internal: agents only). */
interface CommentAction extends MessageRef {
  readonly type: 'comment';
  readonly idempotencyKey: string;
}

/** Move the ticket to a logical status (the executor resolves the Jira transition by the status name). */
interface TransitionAction {
  readonly type: 'transition';
  readonly to: StatusKey;
  /** Jira resolution name to set on the transition screen, e.g. "Done". */
  readonly resolution?: string;
  readonly comment?: MessageRef;
  readonly idempotencyKey: string;
}

/** Write the ticket's process state (the issue property `jsm-process-state`). */
interface SetStateAction {
  readonly type: 'setState';
  readonly state: ProcessState;
}

/** Mark the ticket for agents (panel badge), e.g. `illegalTransition`, `deliveryMissing`. */
interface FlagAction {
  readonly type: 'flag';
  readonly flag: string;
  readonly on: boolean;
  readonly reason?: Localized;
}

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

/**
 * Everything a rule can ask for. Rules return these as data; one executor in `src/app` performs them, skipping
 * any whose idempotency key the ticket's state already lists as done.
 */
export type DomainAction =
  CommentAction | TransitionAction | SetStateAction | FlagAction | SetSecurityLevelAction | AlertOnCallAction;
