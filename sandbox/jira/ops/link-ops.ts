import { bodyObject, type OpContext, pathParam, visibleIssue } from '../http/context';
import { type Outcome, platformError } from '../http/reply';
import { parseComment } from '../mutations/comment-input';
import type { SimLink, SimLinkType } from '../model/types';
import { canBrowse } from '../permissions';
import { linkedIssueRef } from '../render/field-values';
import { SITE_URL } from '../render/format';
import { staffOf } from './staff';

/** Per-issue link limit; Jira answers 413 beyond it. */
const MAX_LINKS_PER_ISSUE = 2000;

function linkTypeBean(type: SimLinkType): Record<string, unknown> {
  return {
    id: type.id,
    name: type.name,
    inward: type.inward,
    outward: type.outward,
    self: `${SITE_URL}/rest/api/3/issueLinkType/${type.id}`,
  };
}

export function getIssueLinkTypes(ctx: OpContext): Outcome {
  const issueLinkTypes = [...ctx.store.linkTypes.values()].map(linkTypeBean);
  return { reply: { status: 200, body: { issueLinkTypes } }, objects: issueLinkTypes.length };
}

/**
 * POST /rest/api/3/issueLink — `{type:{name|id}, inwardIssue:{key}, outwardIssue:{key}, comment?}` → 201.
 * Jira quirk: `inwardIssue` is the source, so `{inwardIssue: DEL-1, outwardIssue: SD-5, type: Delivery}`
 * reads "DEL-1 ships SD-5".
 */
export function linkIssues(ctx: OpContext): Outcome {
  const body = bodyObject(ctx);
  const typeRef = body.type as { id?: string; name?: string } | undefined;
  const type = [...ctx.store.linkTypes.values()].find(
    (t) => t.id === typeRef?.id || t.name === typeRef?.name,
  );
  if (!type)
    throw platformError(404, [`No issue link type with name '${typeRef?.name ?? typeRef?.id ?? ''}' found.`]);
  const ref = (side: unknown) => (side as { key?: string; id?: string } | undefined) ?? {};
  const source = visibleIssue(ctx, ref(body.inwardIssue).key ?? ref(body.inwardIssue).id ?? '');
  const destination = visibleIssue(ctx, ref(body.outwardIssue).key ?? ref(body.outwardIssue).id ?? '');
  if (!staffOf(ctx, source)) throw platformError(400, ['You do not have the permission to link issues.']);
  const comment = body.comment === undefined ? undefined : parseComment(body.comment, true);
  if (typeof comment === 'string') throw platformError(400, [], { comment });
  if (ctx.store.linksOf(source.id).length >= MAX_LINKS_PER_ISSUE) {
    throw platformError(413, [`The issue has reached the limit of ${MAX_LINKS_PER_ISSUE} issue links.`]);
  }
  const duplicate = ctx.store
    .linksOf(source.id)
    .find(
      (l) => l.typeId === type.id && l.sourceIssueId === source.id && l.destinationIssueId === destination.id,
    );
  return {
    objects: 1,
    issueKey: source.key,
    commit: () => {
      // Linking an already linked pair is a no-op in Jira (still 201).
      if (!duplicate) {
        const link: SimLink = {
          id: ctx.store.nextId('link'),
          typeId: type.id,
          sourceIssueId: source.id,
          destinationIssueId: destination.id,
        };
        ctx.writer.link(link, ctx.actor, ctx.principal);
      }
      if (comment) ctx.writer.comment(source, ctx.actor, ctx.principal, comment);
      return { status: 201 };
    },
  };
}

function visibleLink(ctx: OpContext): SimLink {
  const link = ctx.store.links.get(pathParam(ctx, 'linkId'));
  const source = link && ctx.store.issue(link.sourceIssueId);
  const destination = link && ctx.store.issue(link.destinationIssueId);
  if (
    !link ||
    !source ||
    !destination ||
    !canBrowse(ctx.store, ctx.principal, source) ||
    !canBrowse(ctx.store, ctx.principal, destination)
  ) {
    throw platformError(404, ['No issue link with id exists.']);
  }
  return link;
}

export function getIssueLink(ctx: OpContext): Outcome {
  const link = visibleLink(ctx);
  const type = ctx.store.linkTypes.get(link.typeId);
  const source = ctx.store.issue(link.sourceIssueId);
  const destination = ctx.store.issue(link.destinationIssueId);
  if (!type || !source || !destination) throw platformError(404, ['No issue link with id exists.']);
  const body = {
    id: link.id,
    self: `${SITE_URL}/rest/api/3/issueLink/${link.id}`,
    type: linkTypeBean(type),
    inwardIssue: linkedIssueRef(ctx.store, source),
    outwardIssue: linkedIssueRef(ctx.store, destination),
  };
  return { reply: { status: 200, body }, objects: 1 };
}

export function deleteIssueLink(ctx: OpContext): Outcome {
  const link = visibleLink(ctx);
  const source = ctx.store.issue(link.sourceIssueId);
  if (!source || !staffOf(ctx, source))
    throw platformError(400, ['You do not have the permission to delete links.']);
  return {
    objects: 1,
    issueKey: source.key,
    commit: () => {
      ctx.writer.unlink(link, ctx.actor, ctx.principal);
      return { status: 204 };
    },
  };
}
