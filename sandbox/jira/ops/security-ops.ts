import { type OpContext, pathParam, queryInt } from '../http/context';
import { type Outcome, platformError } from '../http/reply';
import type { SimSecurityLevel, SimSecurityScheme } from '../model/types';
import { isSiteAdmin } from '../permissions';
import { SITE_URL } from '../render/format';

/** Scheme administration needs ADMINISTER; the app is treated as installed with admin consent. */
function requireAdmin(ctx: OpContext): void {
  if (ctx.principal.kind === 'user' && !isSiteAdmin(ctx.store, ctx.principal.accountId)) {
    throw platformError(403, [
      'You are not authorized to perform this action. Administrator privileges are required.',
    ]);
  }
}

function levelBean(level: SimSecurityLevel): Record<string, unknown> {
  return {
    self: `${SITE_URL}/rest/api/3/securitylevel/${level.id}`,
    id: level.id,
    description: level.description,
    name: level.name,
  };
}

function schemeBean(ctx: OpContext, scheme: SimSecurityScheme): Record<string, unknown> {
  const levels = [...ctx.store.securityLevels.values()].filter((l) => l.schemeId === scheme.id);
  return {
    self: `${SITE_URL}/rest/api/3/issuesecurityschemes/${scheme.id}`,
    id: Number(scheme.id),
    name: scheme.name,
    description: scheme.description,
    ...(scheme.defaultLevelId ? { defaultSecurityLevelId: Number(scheme.defaultLevelId) } : {}),
    levels: levels.map(levelBean),
  };
}

export function getIssueSecuritySchemes(ctx: OpContext): Outcome {
  requireAdmin(ctx);
  const issueSecuritySchemes = [...ctx.store.securitySchemes.values()].map((s) => schemeBean(ctx, s));
  return { reply: { status: 200, body: { issueSecuritySchemes } }, objects: issueSecuritySchemes.length };
}

export function getIssueSecurityScheme(ctx: OpContext): Outcome {
  requireAdmin(ctx);
  const scheme = ctx.store.securitySchemes.get(pathParam(ctx, 'id'));
  if (!scheme) throw platformError(404, ['The issue security scheme does not exist.']);
  return { reply: { status: 200, body: schemeBean(ctx, scheme) }, objects: 1 };
}

/**
 * GET /rest/api/3/issuesecurityschemes/{issueSecuritySchemeId}/members — holders per level: users
 * (`user`), the agents' project role (`projectRole`) and `reporter`.
 */
export function getIssueSecurityLevelMembers(ctx: OpContext): Outcome {
  requireAdmin(ctx);
  const schemeId = pathParam(ctx, 'issueSecuritySchemeId');
  if (!ctx.store.securitySchemes.has(schemeId))
    throw platformError(404, ['The issue security scheme does not exist.']);
  let memberId = 0;
  const members = [...ctx.store.securityLevels.values()]
    .filter((l) => l.schemeId === schemeId)
    .flatMap((level) => {
      const holders = [
        ...level.memberAccountIds.map((accountId) => ({
          type: 'user',
          parameter: accountId,
          value: accountId,
        })),
        ...(level.includesProjectRoleAgents
          ? [{ type: 'projectRole', parameter: '10002', value: '10002' }]
          : []),
        ...(level.includesReporter ? [{ type: 'reporter' }] : []),
      ];
      return holders.map((holder) => ({ id: ++memberId, issueSecurityLevelId: Number(level.id), holder }));
    });
  const startAt = Math.max(0, queryInt(ctx, 'startAt', 0));
  const maxResults = Math.max(1, queryInt(ctx, 'maxResults', 50));
  const values = members.slice(startAt, startAt + maxResults);
  const body = {
    startAt,
    maxResults,
    total: members.length,
    isLast: startAt + values.length >= members.length,
    values,
  };
  return { reply: { status: 200, body }, objects: values.length };
}

/** GET /rest/api/3/project/{projectKeyOrId}/securitylevel — the levels the caller may set (agents: all). */
export function getSecurityLevelsForProject(ctx: OpContext): Outcome {
  const project = ctx.store.projectByKeyOrId(pathParam(ctx, 'projectKeyOrId'));
  if (!project) throw platformError(404, ['No project could be found.']);
  const agent =
    ctx.principal.kind === 'app' ||
    project.agentAccountIds.includes(ctx.principal.accountId) ||
    isSiteAdmin(ctx.store, ctx.principal.accountId);
  const levels = agent
    ? [...ctx.store.securityLevels.values()]
        .filter((l) => l.schemeId === project.securitySchemeId)
        .map(levelBean)
    : [];
  return { reply: { status: 200, body: { levels } }, objects: levels.length };
}
