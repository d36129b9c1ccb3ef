import type { StatusKey } from './statuses';
import type { ProcessState } from './process-state';
import type { MessageKey, MessageParams } from './texts/message-keys';

/** A text the executor renders with `renderMessage` in the ticket's language. */
export interface MessageRef {
  readonly messageKey: MessageKey;
  readonly params: MessageParams;
  readonly visibility: 'public' | 'internal';
}

/** Add a comment (public: shared with the customer; internal: agents only). */
export interface CommentAction extends MessageRef {
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

/**
 * What a timer step asks for (`decideTimer`). The sweep's `writeStep` performs them as one Jira write; the
 * actions of issue events are `EventAction` (`events/event-actions.ts`).
 */
export type TimerAction = CommentAction | TransitionAction | SetStateAction;
