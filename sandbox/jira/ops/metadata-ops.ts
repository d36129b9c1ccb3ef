import { type OpContext, pathParam, queryInt, queryList, queryValue } from '../http/context';
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

/**
 * GET /rest/api/3/priority/search — the site's priorities, paged (`startAt`, `maxResults` up to 50 by default,
 * capped at 100 as Jira's paged admin lists are). `projectId` and `id` narrow the list; every project of the
 * local site uses the one priority scheme, so a known project id keeps them all.
 */
export function searchPriorities(ctx: OpContext): Outcome {
  const startAt = Math.max(0, queryInt(ctx, 'startAt', 0));
  const maxResults = Math.min(100, Math.max(1, queryInt(ctx, 'maxResults', 50)));
  const ids = queryList(ctx, 'id');
  const projects = queryList(ctx, 'projectId');
  const name = queryValue(ctx, 'priorityName')?.toLowerCase() ?? '';
  const known = projects.length === 0 || projects.some((p) => ctx.store.projectByKeyOrId(p) !== undefined);
  const all = known
    ? [...ctx.store.priorities.values()].filter(
        (p) => (ids.length === 0 || ids.includes(p.id)) && p.name.toLowerCase().includes(name),
      )
    : [];
  const values = all.slice(startAt, startAt + maxResults).map((p) => ({
    self: `${SITE_URL}/rest/api/3/priority/${p.id}`,
    id: p.id,
    name: p.name,
    description: '',
    iconUrl: `${SITE_URL}/images/icons/priorities/${p.id}.svg`,
    statusColor: '#707070',
  }));
  const isLast = startAt + values.length >= all.length;
  return {
    reply: { status: 200, body: { startAt, maxResults, total: all.length, isLast, values } },
    objects: values.length,
  };
}

/** Values the local site offers JQL autocompletion for, by field name as JQL writes it. */
function autocompleteValues(ctx: OpContext, fieldName: string): string[] {
  const { store } = ctx;
  const byField = new Map<string, () => string[]>([
    ['priority', () => [...store.priorities.values()].map((p) => p.name)],
    ['status', () => [...store.statuses.values()].map((s) => s.name)],
    ['issuetype', () => [...store.issueTypes.values()].map((t) => t.name)],
    ['type', () => [...store.issueTypes.values()].map((t) => t.name)],
  ]);
  return byField.get(fieldName.toLowerCase())?.() ?? [];
}

/** A JQL value as the suggestion's `value`: quoted when it is not a single word. */
function jqlValue(name: string): string {
  return /^[\p{L}\p{N}_.-]+$/u.test(name) ? name : `"${name.replace(/(["\\])/g, '\\$1')}"`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** The display name as HTML, as Jira sends it: escaped, with the typed part in `<b>`. */
function highlighted(name: string, typed: string): string {
  const at = typed === '' ? -1 : name.toLowerCase().indexOf(typed.toLowerCase());
  if (at < 0) return escapeHtml(name);
  const [before, match, after] = [
    name.slice(0, at),
    name.slice(at, at + typed.length),
    name.slice(at + typed.length),
  ];
  return `${escapeHtml(before)}<b>${escapeHtml(match)}</b>${escapeHtml(after)}`;
}

/**
 * GET /rest/api/3/jql/autocompletedata/suggestions — "fieldName to get a list of all values for the field",
 * `fieldValue` to keep those containing it (marked in the display name). The local site knows the values of
 * priority, status and issue type; any other field has no suggestions.
 */
export function getFieldAutoCompleteForQueryString(ctx: OpContext): Outcome {
  const fieldName = queryValue(ctx, 'fieldName') ?? '';
  const typed = queryValue(ctx, 'fieldValue') ?? '';
  const results = autocompleteValues(ctx, fieldName)
    .filter((name) => name.toLowerCase().includes(typed.toLowerCase()))
    .map((name) => ({ value: jqlValue(name), displayName: highlighted(name, typed) }));
  return { reply: { status: 200, body: { results } }, objects: results.length };
}
