import { bodyObject, type OpContext, pathParam, queryInt, queryValue, visibleIssue } from '../http/context';
import { type Outcome, platformError } from '../http/reply';
import { parseComment } from '../mutations/comment-input';
import { commentBean } from '../render/field-values';
import { staffOf } from './staff';

/** GET /rest/api/3/issue/{issueIdOrKey}/comment — `startAt`, `maxResults` (100), `orderBy` (`created`/`-created`). */
export function getComments(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  const staff = staffOf(ctx, issue);
  const all = issue.comments.filter((c) => staff || c.jsdPublic);
  if (queryValue(ctx, 'orderBy') === '-created') all.reverse();
  const startAt = Math.max(0, queryInt(ctx, 'startAt', 0));
  const maxResults = Math.min(5000, Math.max(1, queryInt(ctx, 'maxResults', 100)));
  const page = all.slice(startAt, startAt + maxResults);
  return {
    reply: {
      status: 200,
      body: {
        startAt,
        maxResults,
        total: all.length,
        comments: page.map((c) => commentBean(ctx.store, issue, c)),
      },
    },
    objects: page.length,
  };
}

/**
 * GET /rest/api/3/issue/{issueIdOrKey}/comment/{id} — one comment with its documented `jsdPublic`. An internal
 * note is not found for someone who may not see it (a customer), as the list leaves it out.
 */
export function getComment(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  const id = pathParam(ctx, 'id');
  const comment = issue.comments.find((c) => c.id === id);
  if (!comment || !(comment.jsdPublic || staffOf(ctx, issue)))
    throw platformError(404, ['Can not find a comment for the id: ' + id + '.']);
  return { reply: { status: 200, body: commentBean(ctx.store, issue, comment) }, objects: 1 };
}

/** Per-issue comment limit; Jira answers 413 beyond it. */
const MAX_COMMENTS_PER_ISSUE = 5000;

/**
 * POST /rest/api/3/issue/{issueIdOrKey}/comment — ADF body; public unless `properties` carries
 * `sd.public.comment` `{internal:true}` (a plain platform comment on a JSM request is customer-visible).
 */
export function addComment(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  const parsed = parseComment(bodyObject(ctx), staffOf(ctx, issue));
  if (typeof parsed === 'string') throw platformError(400, [], { comment: parsed });
  if (issue.comments.length >= MAX_COMMENTS_PER_ISSUE) {
    throw platformError(413, [`The issue has reached the limit of ${MAX_COMMENTS_PER_ISSUE} comments.`]);
  }
  return {
    objects: 1,
    issueKey: issue.key,
    commit: () => {
      const comment = ctx.writer.comment(issue, ctx.actor, ctx.principal, parsed);
      return { status: 201, body: commentBean(ctx.store, issue, comment) };
    },
  };
}
