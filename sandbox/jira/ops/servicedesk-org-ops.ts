import { type OpContext, pathParam, queryInt, queryValue } from '../http/context';
import { type Outcome, serviceDeskError } from '../http/reply';
import type { SimProject } from '../model/types';
import { isAgent } from '../permissions';
import { userDto } from '../render/entities';
import { jsmPage } from '../render/jsm-paging';
import { organizationDto, requestTypeDto, serviceDeskDto } from './servicedesk-dtos';

function paging(ctx: OpContext): { start: number; limit: number } {
  return {
    start: Math.max(0, queryInt(ctx, 'start', 0)),
    limit: Math.min(100, Math.max(1, queryInt(ctx, 'limit', 50))),
  };
}

function page(ctx: OpContext, all: unknown[], path: string): Outcome {
  const { start, limit } = paging(ctx);
  return {
    reply: { status: 200, body: jsmPage(all, start, limit, path) },
    objects: Math.min(limit, Math.max(0, all.length - start)),
  };
}

function isStaffAnywhere(ctx: OpContext): boolean {
  return (
    ctx.principal.kind === 'app' ||
    [...ctx.store.projects.values()].some((p) => isAgent(ctx.store, p, ctx.actor))
  );
}

function serviceDesk(ctx: OpContext): SimProject {
  const project = ctx.store.projectByServiceDesk(pathParam(ctx, 'serviceDeskId'));
  if (!project) throw serviceDeskError(404, 'The service desk does not exist.', 'sd.servicedesk.not.found');
  return project;
}

/** GET /rest/servicedeskapi/organization — all (staff) or the caller's own (customers); `accountId` filter. */
export function getOrganizations(ctx: OpContext): Outcome {
  const accountId = queryValue(ctx, 'accountId') ?? (isStaffAnywhere(ctx) ? undefined : ctx.actor);
  const orgs = [...ctx.store.organizations.values()].filter(
    (o) => accountId === undefined || o.memberAccountIds.includes(accountId),
  );
  return page(ctx, orgs.map(organizationDto), '/rest/servicedeskapi/organization');
}

/** GET /rest/servicedeskapi/servicedesk/{id}/organization — agent permission required. */
export function getServiceDeskOrganizations(ctx: OpContext): Outcome {
  const project = serviceDesk(ctx);
  if (ctx.principal.kind === 'user' && !isAgent(ctx.store, project, ctx.actor)) {
    throw serviceDeskError(
      403,
      'You do not have permission to view the organizations of this service desk.',
      'sd.permission.agent',
    );
  }
  const orgs = [...ctx.store.organizations.values()].filter((o) =>
    o.serviceDeskIds.includes(project.serviceDeskId),
  );
  return page(
    ctx,
    orgs.map(organizationDto),
    `/rest/servicedeskapi/servicedesk/${project.serviceDeskId}/organization`,
  );
}

export function getUsersInOrganization(ctx: OpContext): Outcome {
  const org = ctx.store.organizations.get(pathParam(ctx, 'organizationId'));
  if (!org) throw serviceDeskError(404, 'The organization does not exist.', 'sd.organization.not.found');
  if (!isStaffAnywhere(ctx) && !org.memberAccountIds.includes(ctx.actor)) {
    throw serviceDeskError(
      403,
      'You do not have permission to view this organization.',
      'sd.permission.agent',
    );
  }
  return page(
    ctx,
    org.memberAccountIds.map((id) => userDto(ctx.store, id)),
    `/rest/servicedeskapi/organization/${org.id}/user`,
  );
}

export function getServiceDesks(ctx: OpContext): Outcome {
  return page(ctx, [...ctx.store.projects.values()].map(serviceDeskDto), '/rest/servicedeskapi/servicedesk');
}

export function getRequestTypes(ctx: OpContext): Outcome {
  const project = serviceDesk(ctx);
  const types = [...ctx.store.requestTypes.values()].filter(
    (rt) => rt.serviceDeskId === project.serviceDeskId,
  );
  return page(
    ctx,
    types.map(requestTypeDto),
    `/rest/servicedeskapi/servicedesk/${project.serviceDeskId}/requesttype`,
  );
}

export function getAllRequestTypes(ctx: OpContext): Outcome {
  return page(
    ctx,
    [...ctx.store.requestTypes.values()].map(requestTypeDto),
    '/rest/servicedeskapi/requesttype',
  );
}
