import { bodyObject, type OpContext, queryList, queryValue, visibleIssue } from '../http/context';
import { type Outcome, platformError } from '../http/reply';
import { parseIssueUpdate } from '../mutations/update-input';
import { validatorRefusal } from '../mutations/workflow-rules';
import {
  offeredTransitions,
  resolutionAfterTransition,
  transitionBean,
  workflowOf,
} from '../mutations/workflow';
import { staffOf } from './staff';

/**
 * GET /rest/api/3/issue/{issueIdOrKey}/transitions — the transitions available from the current status;
 * `expand=transitions.fields` adds the screen fields (and so tells whether `resolution` may be sent).
 * Callers without the *Transition issues* permission (customers) get an empty list, as in Jira.
 */
export function getTransitions(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  const withFields = queryList(ctx, 'expand').includes('transitions.fields');
  const only = queryValue(ctx, 'transitionId');
  const transitions = staffOf(ctx, issue)
    ? offeredTransitions(ctx.store, issue, ctx.actor).filter((t) => only === undefined || t.id === only)
    : [];
  const body = {
    expand: 'transitions',
    transitions: transitions.map((t) => transitionBean(ctx.store, t, withFields)),
  };
  return { reply: { status: 200, body }, objects: transitions.length };
}

/**
 * POST /rest/api/3/issue/{issueIdOrKey}/transitions — `transition.id`, `fields` (only those on the transition
 * screen: `resolution` elsewhere is Jira's 400 "cannot be set"), `update.comment`, `properties`.
 * The workflow post-function sets the resolution on entering a done status and clears it on reopening.
 */
export function doTransition(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  if (!staffOf(ctx, issue))
    throw platformError(400, ['You do not have permission to transition this issue.']);
  const body = bodyObject(ctx);
  const rawId = (body.transition as { id?: unknown } | undefined)?.id;
  if (typeof rawId !== 'string' && typeof rawId !== 'number')
    throw platformError(400, ["Missing 'transition' identifier"]);
  const id = String(rawId);
  const transition = offeredTransitions(ctx.store, issue, ctx.actor).find((t) => t.id === id);
  if (!transition) {
    const known = workflowOf(ctx.store, issue)?.transitions.some((t) => t.id === id) ?? false;
    throw platformError(400, [
      known
        ? `Transition id '${id}' is not valid for this issue in its current status.`
        : `Transition id '${id}' is not valid for this issue.`,
    ]);
  }
  const parsed = parseIssueUpdate(
    ctx.store,
    issue,
    body,
    { kind: 'transition', fields: transition.screenFields },
    true,
  );
  if ('errors' in parsed) throw platformError(400, parsed.errorMessages, parsed.errors);
  // Attached validators see the issue as the transition screen leaves it; one that refuses stops the change.
  const refusal = validatorRefusal(ctx.store, issue, transition, ctx.actor);
  if (refusal !== undefined) throw platformError(400, [refusal]);
  return {
    objects: 1,
    issueKey: issue.key,
    commit: () => {
      const resolutionId = resolutionAfterTransition(ctx.store, issue, transition.to, parsed.resolutionId);
      ctx.writer.update(issue, ctx.actor, ctx.principal, parsed.changes, { transition, resolutionId });
      for (const comment of parsed.comments) ctx.writer.comment(issue, ctx.actor, ctx.principal, comment);
      for (const { key, value } of parsed.properties) issue.properties[key] = value;
      return { status: 204 };
    },
  };
}
