import { cachedAnswer } from '../shared/cached-answer';
import type { IssueChangeEvent } from '../../domain/events/issue-change';
import type { EventDeps } from './event-deps';

/**
 * How long "a member of no organization" is kept per account and installation. A stale answer can only miss a
 * reply (never invent one), and a missed reply is found by the sweep's proof before the next step
 * (docs/decisions/0003, 0020). A "yes" is never kept: it is asked again at every such comment.
 */
const NO_ORGANIZATION_MS = 12 * 60 * 60 * 1000;

/**
 * Whether the author of a comment whose visibility the event does not tell may be the ticket's customer (PROCESS.md
 * §4: the reporter, a request participant or a member of an organization the ticket is shared with). Only a public
 * comment by the customer restarts a timer, so a comment whose author cannot be the customer needs neither its
 * visibility (a comment read, 2 points) nor the ticket's organizations (an issue read): the event is left.
 * Asked cheapest first: the reporter from the payload's snapshot; membership of any organization at all (kept
 * for {@link NO_ORGANIZATION_MS} when the answer is no; agents are rarely members); then the request's participants
 * (1 point). `true` whenever the payload does not say enough (no snapshot, no author, a customer account, a
 * visibility the event tells) or Jira refuses a question: the event then goes the full way, as without this check.
 *
 * @example
 * await mayBeCustomer(deps, agentNoteOnWaitingTicket, now); // false: not the reporter, in no organization, no participant
 */
export async function mayBeCustomer(
  deps: Pick<EventDeps, 'links' | 'store' | 'log'>,
  event: IssueChangeEvent,
  now: Date,
): Promise<boolean> {
  const comment = event.comment;
  const author = comment?.authorId;
  const snapshot = event.snapshot;
  if (comment === undefined || author === undefined || snapshot === undefined) return true;
  if (comment.isPublic !== undefined || comment.authorAccountType === 'customer') return true;
  if (author === snapshot.reporterId) return true;
  try {
    const inOrganization = await cachedAnswer(
      deps.store,
      `comment-author-organizations:${author}`,
      now,
      { yesMs: 0, noMs: NO_ORGANIZATION_MS },
      () => deps.links.isInAnyOrganization(author),
    );
    return inOrganization || (await deps.links.isParticipant(event.issueKey, author));
  } catch (error) {
    deps.log.warn('commentAuthorCheckFailed', {
      issueId: event.issueId,
      error: error instanceof Error ? error.name : 'unknown',
    });
    return true;
  }
}
