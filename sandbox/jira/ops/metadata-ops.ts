import { type OpContext, pathParam } from '../http/context';
import { type Outcome, platformError } from '../http/reply';
import { hasPermission } from '../permissions';
import { issueTypeBean, resolutionBean, statusBean, userBean } from '../render/entities';
import { allFields, fieldDetails } from '../render/field-catalog';
import { SITE_URL } from '../render/format';

function list(items: unknown[]): Outcome {
  return { reply: { status: 200, body: items }, objects: items.length };
}

/** GET /rest/api/3/field — system and custom fields with clause names and schema. */
export function getFields(ctx: OpContext): Outcome {
  return list(allFields(ctx.store).map(fieldDetails));
}

export function getStatuses(ctx: OpContext): Outcome {
  return list([...ctx.store.statuses.values()].map(statusBean));
}

export function getIssueAllTypes(ctx: OpContext): Outcome {
  return list([...ctx.store.issueTypes.values()].map(issueTypeBean));
}

export function getResolutions(ctx: OpContext): Outcome {
  return list([...ctx.store.resolutions.values()].map(resolutionBean));
}

/** GET /rest/api/3/project/{projectIdOrKey} — 404 for unknown projects and for callers without browse access. */
export function getProject(ctx: OpContext): Outcome {
  const project = ctx.store.projectByKeyOrId(pathParam(ctx, 'projectIdOrKey'));
  if (!project || !hasPermission(ctx.store, ctx.principal, 'BROWSE_PROJECTS', project)) {
    throw platformError(404, [`No project could be found with key '${pathParam(ctx, 'projectIdOrKey')}'.`]);
  }
  const lead = ctx.store.users.get(project.leadAccountId);
  const body = {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${SITE_URL}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    description: '',
    ...(lead ? { lead: userBean(lead) } : {}),
    issueTypes: project.issueTypeIds.flatMap((id) => {
      const type = ctx.store.issueTypes.get(id);
      return type ? [issueTypeBean(type)] : [];
    }),
    assigneeType: 'UNASSIGNED',
    projectTypeKey: 'service_desk',
    simplified: false,
    style: 'classic',
    isPrivate: false,
    properties: {},
  };
  return { reply: { status: 200, body }, objects: 1 };
}

/** GET /rest/api/3/serverInfo — the site's base URL and the simulated clock as server time. */
export function getServerInfo(): Outcome {
  const body = {
    baseUrl: SITE_URL,
    displayUrl: SITE_URL,
    version: '1001.0.0-SNAPSHOT',
    versionNumbers: [1001, 0, 0],
    deploymentType: 'Cloud',
    buildNumber: 100280,
    buildDate: '2026-11-01T00:00:00.000+0000',
    serverTime: new Date().toISOString().replace('Z', '+0000'),
    scmInfo: 'simulated',
    serverTitle: 'Jira (local simulator)',
    serverTimeZone: 'Etc/UTC',
  };
  return { reply: { status: 200, body }, objects: 1 };
}
