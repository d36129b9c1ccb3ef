import { bodyObject, type OpContext, queryInt, visibleIssue } from '../http/context';
import { type Outcome, serviceDeskError } from '../http/reply';
import type { SimIssue, SimTransition } from '../model/types';
import { offeredTransitions, resolutionAfterTransition } from '../mutations/workflow';
import { validatorRefusal } from '../mutations/workflow-rules';
import { textToAdf } from '../render/format';
import { jsmPage } from '../render/jsm-paging';

/**
 * The customer transitions available on the request now: those the workflow exposes on the portal
 * (`customerFacing`) from the current status whose conditions pass for the caller. Everyone who may view the request gets the same list (customers,
 * agents and the app), as JSM's portal shows them.
 */
function customerTransitions(ctx: OpContext, issue: SimIssue): SimTransition[] {
  return offeredTransitions(ctx.store, issue, ctx.actor).filter((t) => t.customerFacing === true);
}

/** GET /rest/servicedeskapi/request/{issueIdOrKey}/transition — paged `{id, name}` of the customer transitions. */
export function getCustomerTransitions(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  const all = customerTransitions(ctx, issue).map((t) => ({ id: t.id, name: t.name }));
  const start = Math.max(0, queryInt(ctx, 'start', 0));
  const limit = Math.min(100, Math.max(1, queryInt(ctx, 'limit', 50)));
  const body = jsmPage(all, start, limit, `/rest/servicedeskapi/request/${issue.id}/transition`);
  return { reply: { status: 200, body }, objects: Math.min(limit, Math.max(0, all.length - start)) };
}

/**
 * POST /rest/servicedeskapi/request/{issueIdOrKey}/transition — `{id, additionalComment?: {body}}`. Only a
 * customer transition available from the current status (else 400, like JSM's invalid transition id); the
 * optional comment is public and the caller's. The workflow's post-function sets Done on entering a done status.
 * The status change and the comment reach apps as the usual `updated` and `commented` issue events.
 */
export function performCustomerTransition(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  const body = bodyObject(ctx) as { id?: unknown; additionalComment?: { body?: unknown } };
  if (typeof body.id !== 'string' || body.id === '')
    throw serviceDeskError(400, 'The transition ID is required.', 'sd.customer.transition.id.required');
  const transition = customerTransitions(ctx, issue).find((t) => t.id === body.id);
  if (!transition)
    throw serviceDeskError(
      400,
      `The transition '${body.id}' is not available for this request.`,
      'sd.customer.transition.invalid',
    );
  // Attached validators apply as on any transition; one that refuses stops the change.
  const refusal = validatorRefusal(ctx.store, issue, transition, ctx.actor);
  if (refusal !== undefined) throw serviceDeskError(400, refusal, 'sd.customer.transition.invalid');
  const comment = body.additionalComment?.body;
  if (comment !== undefined && (typeof comment !== 'string' || comment.trim() === ''))
    throw serviceDeskError(400, 'The comment body is required.', 'sd.comment.body.required');
  return {
    objects: 1,
    issueKey: issue.key,
    commit: () => {
      const resolutionId = resolutionAfterTransition(ctx.store, issue, transition.to, undefined);
      ctx.writer.update(issue, ctx.actor, ctx.principal, [], { transition, resolutionId });
      if (typeof comment === 'string')
        ctx.writer.comment(issue, ctx.actor, ctx.principal, { body: textToAdf(comment), jsdPublic: true });
      return { status: 204 };
    },
  };
}
