import { bodyObject, type OpContext, queryList, queryValue, visibleIssue } from '../http/context';
import { type Outcome, platformError } from '../http/reply';
import { hasPermission, KNOWN_PERMISSIONS, type PermissionKey } from '../permissions';
import { userBean } from '../render/entities';

/** GET /rest/api/3/user?accountId= */
export function getUser(ctx: OpContext): Outcome {
  const accountId = queryValue(ctx, 'accountId');
  const user = accountId === undefined ? undefined : ctx.store.users.get(accountId);
  if (!user) throw platformError(404, [`The user with account ID '${accountId ?? ''}' does not exist.`]);
  return { reply: { status: 200, body: userBean(user) }, objects: 0, accessObjects: 1 };
}

/** GET /rest/api/3/myself — the app user for `asApp()`. */
export function getCurrentUser(ctx: OpContext): Outcome {
  const user = ctx.store.users.get(ctx.actor);
  if (!user) throw platformError(401, ['You are not authenticated.']);
  return { reply: { status: 200, body: userBean(user) }, objects: 0, accessObjects: 1 };
}

const PERMISSION_NAMES: Record<PermissionKey, { name: string; type: 'GLOBAL' | 'PROJECT' }> = {
  ADMINISTER: { name: 'Administer Jira', type: 'GLOBAL' },
  BROWSE_PROJECTS: { name: 'Browse Projects', type: 'PROJECT' },
  EDIT_ISSUES: { name: 'Edit Issues', type: 'PROJECT' },
  TRANSITION_ISSUES: { name: 'Transition Issues', type: 'PROJECT' },
  ADD_COMMENTS: { name: 'Add Comments', type: 'PROJECT' },
  CREATE_ISSUES: { name: 'Create Issues', type: 'PROJECT' },
  LINK_ISSUES: { name: 'Link Issues', type: 'PROJECT' },
  SET_ISSUE_SECURITY: { name: 'Set Issue Security', type: 'PROJECT' },
  SERVICEDESK_AGENT: { name: 'Service Desk Agent', type: 'PROJECT' },
};

function isKnown(key: string): key is PermissionKey {
  return (KNOWN_PERMISSIONS as readonly string[]).includes(key);
}

/**
 * GET /rest/api/3/mypermissions?permissions=A,B&projectKey=|issueKey= — `permissions` is required (400
 * otherwise, as Jira answers since 2019); unknown keys are 400 too.
 */
export function getMyPermissions(ctx: OpContext): Outcome {
  const keys = queryList(ctx, 'permissions');
  if (keys.length === 0) throw platformError(400, ['The permissions parameter is required.']);
  const unknown = keys.filter((k) => !isKnown(k));
  if (unknown.length > 0) throw platformError(400, [`Unrecognized permission keys: ${unknown.join(', ')}`]);
  const issueKey = queryValue(ctx, 'issueKey') ?? queryValue(ctx, 'issueId');
  const projectRef = queryValue(ctx, 'projectKey') ?? queryValue(ctx, 'projectId');
  const project = issueKey
    ? ctx.store.projects.get(visibleIssue(ctx, issueKey).projectId)
    : projectRef
      ? ctx.store.projectByKeyOrId(projectRef)
      : undefined;
  if (projectRef && !project)
    throw platformError(404, [`No project could be found with key '${projectRef}'.`]);
  const permissions = Object.fromEntries(
    keys.filter(isKnown).map((key) => [
      key,
      {
        id: key,
        key,
        ...PERMISSION_NAMES[key],
        description: PERMISSION_NAMES[key].name,
        havePermission: hasPermission(ctx.store, ctx.principal, key, project),
      },
    ]),
  );
  // Each permission is evaluated for the project named, or for every project of the site when none is.
  const projectsEvaluated = project ? 1 : Math.max(1, ctx.store.projects.size);
  const accessObjects = keys
    .filter(isKnown)
    .reduce((sum, key) => sum + (PERMISSION_NAMES[key].type === 'GLOBAL' ? 1 : projectsEvaluated), 0);
  return { reply: { status: 200, body: { permissions } }, objects: 0, accessObjects };
}

/** POST /rest/api/3/permissions/check — global and per-project grants for the caller (or `accountId`). */
export function getBulkPermissions(ctx: OpContext): Outcome {
  const body = bodyObject(ctx) as {
    accountId?: string;
    globalPermissions?: string[];
    projectPermissions?: { permissions?: string[]; projects?: number[] }[];
  };
  const principal = body.accountId ? { kind: 'user' as const, accountId: body.accountId } : ctx.principal;
  const globalPermissions = (body.globalPermissions ?? []).filter(
    (k) => isKnown(k) && hasPermission(ctx.store, principal, k),
  );
  const projectPermissions = (body.projectPermissions ?? []).flatMap((req) =>
    (req.permissions ?? []).filter(isKnown).map((permission) => ({
      permission,
      issues: [],
      projects: (req.projects ?? []).filter((id) => {
        const project = ctx.store.projects.get(String(id));
        return project !== undefined && hasPermission(ctx.store, principal, permission, project);
      }),
    })),
  );
  // Every permission asked for, in every project it is checked in (all of the site's when none are listed).
  const accessObjects =
    (body.globalPermissions ?? []).length +
    (body.projectPermissions ?? []).reduce(
      (sum, req) =>
        sum + (req.permissions ?? []).length * (req.projects?.length || Math.max(1, ctx.store.projects.size)),
      0,
    );
  return {
    reply: { status: 200, body: { globalPermissions, projectPermissions } },
    objects: 0,
    accessObjects,
  };
}
