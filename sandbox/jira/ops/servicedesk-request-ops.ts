import { bodyObject, type OpContext, queryBool, queryInt, queryList, visibleIssue } from '../http/context';
import { issueNotFound, type Outcome, serviceDeskError } from '../http/reply';
import type { SimComment, SimIssue } from '../model/types';
import { serviceDeskCategory, userDto } from '../render/entities';
import { adfToText, dateDto, SITE_URL, textToAdf } from '../render/format';
import { jsmPage } from '../render/jsm-paging';
import { requestTypeDto, serviceDeskDto } from './servicedesk-dtos';
import { slaInformation } from './sla';
import { staffOf } from './staff';

function paging(ctx: OpContext, defaultLimit = 50): { start: number; limit: number } {
  return {
    start: Math.max(0, queryInt(ctx, 'start', 0)),
    limit: Math.min(100, Math.max(1, queryInt(ctx, 'limit', defaultLimit))),
  };
}

/** Status history of a request, newest first, recovered from the changelog (JSM status endpoint). */
function statusHistory(ctx: OpContext, issue: SimIssue): Record<string, unknown>[] {
  const entries: { statusId: string; at: string }[] = [];
  const firstStatus =
    issue.histories.flatMap((h) => h.items).find((i) => i.fieldId === 'status')?.from ?? issue.statusId;
  entries.push({ statusId: firstStatus, at: issue.created });
  for (const h of issue.histories)
    for (const i of h.items)
      if (i.fieldId === 'status' && i.to) entries.push({ statusId: i.to, at: h.created });
  return entries.reverse().flatMap(({ statusId, at }) => {
    const status = ctx.store.statuses.get(statusId);
    return status
      ? [{ status: status.name, statusCategory: serviceDeskCategory(status), statusDate: dateDto(at) }]
      : [];
  });
}

/**
 * The request, for a caller JSM returns it to. Agents (and the app) see every request of their project they may
 * browse. For customers the reference is stricter than the portal's own pages: "For customers, only a request
 * they created, was created on their behalf, or they are participating in will be returned" (getCustomerRequest
 * ByIdOrKey), and they see public comments "on requests where they are the reporter or a participant"
 * (getRequestCommentById). The local site takes that reading for these reads: a request merely shared with the
 * customer's organization is answered as not found, like any request they may not see.
 */
function customerRequest(ctx: OpContext): SimIssue {
  const issue = visibleIssue(ctx);
  if (staffOf(ctx, issue)) return issue;
  const own = issue.reporterAccountId === ctx.actor || issue.participantAccountIds.includes(ctx.actor);
  // The same answer as for a request that does not exist: nothing tells the caller it does.
  if (!own) throw issueNotFound();
  return issue;
}

/** GET /rest/servicedeskapi/request/{issueIdOrKey} — `expand` sla, participant, status, requestType, serviceDesk. */
export function getCustomerRequest(ctx: OpContext): Outcome {
  const issue = customerRequest(ctx);
  const expand = new Set(queryList(ctx, 'expand'));
  const status = ctx.store.statuses.get(issue.statusId);
  const requestType =
    issue.requestTypeId === null ? undefined : ctx.store.requestTypes.get(issue.requestTypeId);
  const project = ctx.store.projects.get(issue.projectId);
  const history = statusHistory(ctx, issue);
  const base = `/rest/servicedeskapi/request/${issue.id}`;
  const body: Record<string, unknown> = {
    _expands: [
      'participant',
      'status',
      'sla',
      'requestType',
      'serviceDesk',
      'attachment',
      'comment',
      'action',
    ],
    issueId: issue.id,
    issueKey: issue.key,
    summary: issue.summary,
    ...(requestType ? { requestTypeId: requestType.id } : {}),
    ...(project ? { serviceDeskId: project.serviceDeskId } : {}),
    createdDate: dateDto(issue.created),
    reporter: userDto(ctx.store, issue.reporterAccountId),
    requestFieldValues: [
      { fieldId: 'summary', label: 'Summary', value: issue.summary },
      {
        fieldId: 'description',
        label: 'Description',
        value: issue.description ? adfToText(issue.description) : '',
      },
    ],
    ...(history[0]
      ? { currentStatus: history[0] }
      : status
        ? { currentStatus: { status: status.name, statusCategory: serviceDeskCategory(status) } }
        : {}),
    _links: {
      jiraRest: `${SITE_URL}/rest/api/2/issue/${issue.id}`,
      web: `${SITE_URL}/servicedesk/customer/portal/1/${issue.key}`,
      agent: `${SITE_URL}/browse/${issue.key}`,
      self: `${SITE_URL}${base}`,
    },
  };
  if (expand.has('participant'))
    body.participants = jsmPage(
      issue.participantAccountIds.map((id) => userDto(ctx.store, id)),
      0,
      50,
      `${base}/participant`,
    );
  if (expand.has('status')) body.status = jsmPage(history, 0, 50, `${base}/status`);
  if (expand.has('sla') && staffOf(ctx, issue))
    body.sla = jsmPage(slaInformation(ctx.store, issue, new Date()), 0, 50, `${base}/sla`);
  if (expand.has('requestType') && requestType) body.requestType = requestTypeDto(requestType);
  if (expand.has('serviceDesk') && project) body.serviceDesk = serviceDeskDto(project);
  return { reply: { status: 200, body }, objects: 1 };
}

function commentDto(ctx: OpContext, issue: SimIssue, comment: SimComment): Record<string, unknown> {
  return {
    id: comment.id,
    body: adfToText(comment.body),
    public: comment.jsdPublic,
    author: userDto(ctx.store, comment.authorAccountId),
    created: dateDto(comment.created),
    _links: { self: `${SITE_URL}/rest/servicedeskapi/request/${issue.id}/comment/${comment.id}` },
  };
}

/** GET …/request/{key}/comment — `public`/`internal` filters; customers never see internal comments. */
export function getRequestComments(ctx: OpContext): Outcome {
  const issue = customerRequest(ctx);
  const staff = staffOf(ctx, issue);
  const wantPublic = queryBool(ctx, 'public', true);
  const wantInternal = queryBool(ctx, 'internal', true) && staff;
  const all = issue.comments
    .filter((c) => (c.jsdPublic ? wantPublic : wantInternal))
    .map((c) => commentDto(ctx, issue, c));
  const { start, limit } = paging(ctx);
  const body = jsmPage(all, start, limit, `/rest/servicedeskapi/request/${issue.id}/comment`);
  return { reply: { status: 200, body }, objects: Math.min(limit, Math.max(0, all.length - start)) };
}

/** POST …/request/{key}/comment — `{body: plain text, public: boolean}`; customers may only comment publicly. */
export function createRequestComment(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  const { body, public: isPublic } = bodyObject(ctx) as { body?: unknown; public?: unknown };
  if (typeof body !== 'string' || body.trim() === '')
    throw serviceDeskError(400, 'The comment body is required.', 'sd.comment.body.required');
  if (typeof isPublic !== 'boolean')
    throw serviceDeskError(400, "The 'public' field is required.", 'sd.comment.public.required');
  if (!isPublic && !staffOf(ctx, issue))
    throw serviceDeskError(403, 'Customers can only add public comments.', 'sd.comment.internal.forbidden');
  return {
    objects: 1,
    issueKey: issue.key,
    commit: () => {
      const comment = ctx.writer.comment(issue, ctx.actor, ctx.principal, {
        body: textToAdf(body),
        jsdPublic: isPublic,
      });
      return { status: 201, body: commentDto(ctx, issue, comment) };
    },
  };
}

export function getRequestParticipants(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  const { start, limit } = paging(ctx);
  const body = jsmPage(
    issue.participantAccountIds.map((id) => userDto(ctx.store, id)),
    start,
    limit,
    `/rest/servicedeskapi/request/${issue.id}/participant`,
  );
  return { reply: { status: 200, body }, objects: issue.participantAccountIds.length };
}

/** GET …/request/{key}/sla — agents (and the app) only: customers get 403 as in JSM. */
export function getSlaInformation(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  if (!staffOf(ctx, issue))
    throw serviceDeskError(403, 'You do not have permission to view SLA information.', 'sd.sla.permission');
  const { start, limit } = paging(ctx);
  const all = slaInformation(ctx.store, issue, new Date());
  return {
    reply: { status: 200, body: jsmPage(all, start, limit, `/rest/servicedeskapi/request/${issue.id}/sla`) },
    objects: all.length,
  };
}

export function getCustomerRequestStatus(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  const { start, limit } = paging(ctx);
  const all = statusHistory(ctx, issue);
  return {
    reply: {
      status: 200,
      body: jsmPage(all, start, limit, `/rest/servicedeskapi/request/${issue.id}/status`),
    },
    objects: all.length,
  };
}
