import type { ProjectConfig } from '../config';
import type { ClarificationOrigin } from '../process-state';
import type { IssueChangeEvent } from './issue-change';
import type { FieldIds, Ticket } from '../ticket';

/** What every issue rule decides from: the event (a hint only), the ticket as it is now, config and time. */
export interface RuleInput {
  readonly event: IssueChangeEvent;
  readonly ticket: Ticket;
  readonly config: ProjectConfig;
  readonly now: Date;
  readonly fieldIds: FieldIds;
  /**
   * Whether the person behind the event counts as the customer (PROCESS.md §4): the author of a comment event, or
   * whoever closed the ticket (checked against what customers may close).
   */
  readonly byCustomer?: boolean;
  /**
   * For a change out of Clarification whose stored state no longer records where the ticket came from: that
   * status, read from the changelog.
   */
  readonly clarificationOrigin?: ClarificationOrigin;
  /** For created events of an Incident: whether the ticket came in by e-mail. */
  readonly viaEmail?: boolean;
}
