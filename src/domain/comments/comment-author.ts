/** The people a ticket's customer side consists of (PROCESS.md §4 note). */
export interface TicketParties {
  readonly reporter: string | undefined;
  readonly participants: readonly string[];
  /** Members of the organization the ticket is shared with (empty when shared with nobody). */
  readonly organizationMembers: readonly string[];
}

/** Who wrote a comment, as far as the timers care. */
export type CommentOrigin = 'app' | 'internal' | 'customer' | 'agent';

/** The facts of one comment the classification needs. */
export interface CommentFacts {
  readonly authorAccountId: string | undefined;
  /** JSM `jsdPublic`: false for internal notes. */
  readonly isPublic: boolean;
}

/**
 * Whether `authorAccountId` is on the customer side: reporter, request participant or member of the shared
 * organization. The app's own account never is.
 *
 * @example
 * isCustomerAuthor('u-1', { reporter: 'u-1', participants: [], organizationMembers: [] }, 'app'); // true
 */
export function isCustomerAuthor(
  authorAccountId: string | undefined,
  parties: TicketParties,
  appAccountId: string,
): boolean {
  if (authorAccountId === undefined || authorAccountId === appAccountId) return false;
  return (
    authorAccountId === parties.reporter ||
    parties.participants.includes(authorAccountId) ||
    parties.organizationMembers.includes(authorAccountId)
  );
}

/**
 * Classifies a comment: the app's own, an internal note, a customer's public comment, or an agent's public
 * reply. Only `customer` restarts a timer (agent comments, internal notes and the app's comments never do).
 *
 * @example
 * classifyComment({ authorAccountId: 'agent-7', isPublic: true }, parties, 'app'); // 'agent'
 */
export function classifyComment(
  comment: CommentFacts,
  parties: TicketParties,
  appAccountId: string,
): CommentOrigin {
  if (comment.authorAccountId === appAccountId) return 'app';
  if (!comment.isPublic) return 'internal';
  return isCustomerAuthor(comment.authorAccountId, parties, appAccountId) ? 'customer' : 'agent';
}
