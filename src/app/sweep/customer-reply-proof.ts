import { appAccountId } from '../shared/app-account';
import { restartForCustomerComment } from '../../domain/timers';
import type { ProcessState } from '../../domain/process-state';
import { PROCESS_STATE_KEY } from '../../domain/process-state';
import { isCustomer } from '../shared/customer-check';
import { organizationsOf, parseJiraTime } from '../shared/field-values';
import { markStateWrite } from '../shared/state-write-marker';
import { organizationsFieldId } from './organizations-field';
import { auditSweep } from './step-audit';
import type { SweepContext } from './sweep-context';
import type { SweepTicket } from './sweep-ticket';

/** A customer comment found on the ticket: its id and when it was written. */
export interface CustomerReply {
  readonly commentId: string;
  readonly at: Date;
}

/** Comments one request of the proof asks for at most. */
const PAGE_MAX = 50;

/** Comments the proof reads at most; a cycle with more than these is not proved. */
const PROOF_COMMENTS_MAX = 5_000;

/** Times one proof starts again because comments were deleted while it read them. */
const PROOF_REREADS_MAX = 2;

/** Why a proof could not decide: the audit's detail code. */
export type ProofGap =
  /** The cycle holds more comments than the proof reads, none of them the customer's. */
  | 'proofIncomplete'
  /** A customer's comment has no readable time, so it may be a reply of this cycle or older. */
  | 'proofUntimedComment'
  /** Comments were deleted while the proof read them, again and again: it could not read them all. */
  | 'proofShifting';

const GAP_MESSAGES: Readonly<Record<ProofGap, string>> = {
  proofIncomplete: `more than ${PROOF_COMMENTS_MAX} comments since the cycle began: no proof that the customer is silent`,
  proofUntimedComment: 'a customer comment without a readable time: no proof that the customer is silent',
  proofShifting: 'comments were deleted while the proof read them: no proof that the customer is silent',
};

/**
 * The proof cannot tell whether the customer replied since the cycle began, so the step waits (never a close
 * without proof); `gap` says why.
 */
export class ProofIncompleteError extends Error {
  constructor(
    readonly issueKey: string,
    readonly gap: ProofGap = 'proofIncomplete',
  ) {
    super(GAP_MESSAGES[gap]);
    this.name = 'ProofIncompleteError';
  }
}

/** The organizations the ticket is shared with; read only when a comment's author is not the reporter. */
async function sharedOrganizations(ctx: SweepContext, ticket: SweepTicket): Promise<{ id: string }[]> {
  const fieldId = ctx.organizationsFieldId ?? (await organizationsFieldId(ctx.deps.jira, ctx.deps.store));
  if (!fieldId) return [];
  const bean = await ctx.deps.jira.getIssue(ticket.key, { fields: [fieldId] });
  return organizationsOf(bean.fields?.[fieldId]);
}

/**
 * The newest customer comment on the ticket written after `since` (the start of the timer's cycle), read from
 * Jira (strongly consistent), or `undefined` when there is none. This is the proof the sweep takes before an
 * irreversible step, so that a reply whose event was lost, failed or overwritten can never close a ticket.
 * What counts as the customer is the event rules' own check (`isCustomer`: reporter, participant, member of a
 * shared organization); the app's comments and internal notes never count. Comments are read newest first,
 * stopping at the first one written before the cycle began: the first page is sized to what a quiet cycle holds
 * (the app's own reminders plus the comment before the cycle), so a quiet ticket costs one request and a point per
 * comment read; a cycle with more comments than that is read on in pages twice as large as the one before (up
 * to 50), so that a busy cycle takes few requests and the last page reads few comments from before the cycle.
 * Each request after the first starts at the oldest comment already read: a comment deleted meanwhile moves the
 * ones behind it up, one of them onto a page already read, and the proof would skip it; when that comment is not
 * where it was, the proof reads again from the newest (twice at most). Throws {@link ProofIncompleteError} when
 * the cycle holds more comments than the proof reads, a customer's comment whose time cannot be read, or the
 * comments kept changing.
 */
export async function customerReplySince(
  ctx: SweepContext,
  ticket: SweepTicket,
  since: string,
  expectedOwn: number,
): Promise<CustomerReply | undefined> {
  const sinceMs = Date.parse(since);
  const firstAsk = Math.min(PAGE_MAX, expectedOwn + 1);
  let ask = firstAsk;
  /** Comments read so far, newest first; the oldest of them is `last`. */
  let read = 0;
  let last: string | undefined;
  let rereads = 0;
  let organizations: { id: string }[] | undefined;
  let me: string | undefined;
  while (read < PROOF_COMMENTS_MAX) {
    // After the first page, a request starts one comment early, at the oldest comment already read.
    const overlap = last === undefined ? 0 : 1;
    if (read > 0) ask = Math.min(PAGE_MAX, 2 * ask, PROOF_COMMENTS_MAX - read + overlap);
    const page = await ctx.deps.jira.newestComments(ticket.key, read - overlap, ask);
    if (last !== undefined && !page.some((c) => c.id === last)) {
      // The oldest comment read is no longer where it was: a newer one was deleted meanwhile, and the comments
      // behind moved up, one of them perhaps onto a page already read. Read again from the newest.
      rereads += 1;
      if (rereads > PROOF_REREADS_MAX) throw new ProofIncompleteError(ticket.key, 'proofShifting');
      [ask, read, last] = [firstAsk, 0, undefined];
      continue;
    }
    // The whole page is judged: the oldest comment read again (as before), and any written since the proof began
    // (they pushed the list down), so that a reply written meanwhile is found too.
    for (const comment of page) {
      const at = parseJiraTime(comment.created);
      if (at !== undefined && at <= sinceMs) return undefined;
      const author = comment.authorId;
      if (!comment.isPublic || author === undefined) continue;
      me ??= await appAccountId(ctx.deps.store, () => ctx.deps.jira.myAccountId());
      if (author === me) continue;
      if (author !== ticket.reporterId) organizations ??= await sharedOrganizations(ctx, ticket);
      const parties = {
        id: ticket.id,
        key: ticket.key,
        reporterId: ticket.reporterId,
        organizations: organizations ?? [],
      };
      if (!(await isCustomer(ctx.deps, parties, author))) continue;
      // A customer's comment Jira gives no readable time for cannot be placed before or after the cycle's start.
      // "No reply" could close a ticket the customer answered; taking it as a reply needs a time to restart the
      // cycle from, and an old comment (the question itself) would postpone the close every cycle. So the proof
      // says it cannot decide, and the step waits where an agent sees it. Other comments without a time are
      // skipped: whenever they were written, they are no reply, and the next timed comment still ends the reading.
      if (at === undefined) throw new ProofIncompleteError(ticket.key, 'proofUntimedComment');
      return { commentId: comment.id, at: new Date(at) };
    }
    if (page.length < ask) return undefined;
    read += page.length - overlap;
    last = page.at(-1)?.id;
  }
  throw new ProofIncompleteError(ticket.key);
}

/**
 * Restarts the timer for a customer reply the proof found, as the event rule would have (same domain rule, same
 * idempotency key, so the event, if it still comes, changes nothing): announce, then write the property alone.
 */
export async function restartForReply(
  ctx: SweepContext,
  ticket: SweepTicket,
  state: ProcessState,
  reply: CustomerReply,
): Promise<void> {
  const update = restartForCustomerComment(state, ticket.id, reply.commentId, reply.at, ctx.cfg);
  if (!update.changed) return;
  const next = { ...update.state, updatedAt: ctx.now.toISOString() };
  await markStateWrite(
    ctx.deps.store,
    ticket.id,
    next.updatedAt,
    `${ticket.id}:reset:${reply.commentId}`,
    'sweep',
  );
  await ctx.deps.jira.setIssueProperty(ticket.key, PROCESS_STATE_KEY, next);
  await auditSweep(ctx, ticket, { action: 'timerReset', outcome: 'done', detail: 'customerReplyFound' });
}
