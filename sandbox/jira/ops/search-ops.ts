import { compileJql, JqlEvaluationError } from '../jql';
import { type OpContext, queryList, queryValue } from '../http/context';
import { HttpError, type Outcome, platformError } from '../http/reply';
import type { SimIssue } from '../model/types';
import { canBrowse, isStaff } from '../permissions';
import { issueBean, listParam, selectFields } from '../render/issue-bean';
import { candidateIssues } from '../search/candidates';
import { jqlContext } from '../search/jql-bridge';

interface SearchParams {
  jql?: string;
  nextPageToken?: string;
  maxResults?: number;
  fields: string[];
  expand: string[];
  properties: string[];
  /** Issue ids whose current state the search must reflect (read-after-write), at most 50. */
  reconcileIssues: string[];
}

/**
 * `expand=changelog` on search returns only the most recent histories: 40 per issue ("How can I fetch more than 40
 * changelog items for an issue? Use Get changelogs", JRACLOUD-96459). The rest needs the changelog endpoint.
 */
export const SEARCH_CHANGELOG_LIMIT = 40;
/**
 * `reconcileIssues` "accepts max 50 ids" (platform spec, SearchAndReconcileRequestBean; "API can accept a maximum
 * of 50 reconcile issues", Search and Reconcile). The spec documents 400 for an invalid request but not its text.
 */
export const MAX_RECONCILE = 50;
export const RECONCILE_LIMIT_MESSAGE = `The number of issues to reconcile cannot exceed ${MAX_RECONCILE}.`;
/** Not Jira's text (undocumented): a later page named other `reconcileIssues` than the first. */
export const RECONCILE_CHANGED_MESSAGE =
  'reconcileIssues must be the same on every page of a search (the ids of its first page).';

function params(ctx: OpContext): SearchParams {
  if (ctx.op.operationId.endsWith('Post')) {
    const b = (ctx.body ?? {}) as Record<string, unknown>;
    return {
      ...(typeof b.jql === 'string' ? { jql: b.jql } : {}),
      ...(typeof b.nextPageToken === 'string' ? { nextPageToken: b.nextPageToken } : {}),
      ...(typeof b.maxResults === 'number' ? { maxResults: b.maxResults } : {}),
      fields: listParam(b.fields),
      expand: listParam(b.expand),
      properties: listParam(b.properties),
      reconcileIssues: Array.isArray(b.reconcileIssues) ? b.reconcileIssues.map(String) : [],
    };
  }
  const max = queryValue(ctx, 'maxResults');
  const jql = queryValue(ctx, 'jql');
  const token = queryValue(ctx, 'nextPageToken');
  return {
    ...(jql === undefined ? {} : { jql }),
    ...(token === undefined ? {} : { nextPageToken: token }),
    ...(max === undefined ? {} : { maxResults: Number(max) }),
    fields: queryList(ctx, 'fields'),
    expand: queryList(ctx, 'expand'),
    properties: queryList(ctx, 'properties'),
    reconcileIssues: queryList(ctx, 'reconcileIssues').flatMap((v) => v.split(',')),
  };
}

/**
 * Run a JQL query for the caller: issues they may browse (security levels, customer scope) that match,
 * in ORDER BY order (id order without one). Throws Jira's 400 for bad or unbounded JQL. Candidates come from
 * the store's indexes when the query AND-s a project, status, issue type or indexed-property range term.
 */
function runJql(
  ctx: OpContext,
  jql: string,
  requireBounded: boolean,
  reconciled: ReadonlySet<string> = new Set(),
): SimIssue[] {
  const compiled = compileJql(jql);
  if (!compiled.ok) throw platformError(400, compiled.errors);
  if (requireBounded && !compiled.query.isBounded) {
    throw platformError(400, [
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  }
  const jctx = jqlContext(ctx.store, ctx.indexed, ctx.actor, reconciled);
  const fieldErrors = compiled.query.checkFields(jctx);
  if (fieldErrors.length > 0) throw platformError(400, fieldErrors);
  const now = Date.now();
  try {
    const matching: { issue: SimIssue; seen: SimIssue }[] = [];
    // Indexes pick the candidates when a top-level term allows; `matches` still judges every one of them. The
    // indexes follow the live fields, so issues whose change has not reached search yet are candidates too.
    const picked = candidateIssues(ctx.store, compiled.query.constraints, jctx);
    const candidates = picked
      ? new Set([...picked, ...ctx.store.searchLag.lagging(now)])
      : ctx.store.issues();
    for (const issue of candidates) {
      // An issue created within the lag is not in the index yet: only reconciling it finds it.
      if (!reconciled.has(issue.id) && !ctx.store.searchLag.indexed(issue, now)) continue;
      // Search matches what the index holds; who may browse the issue is decided on the issue as it is.
      const seen = reconciled.has(issue.id) ? issue : ctx.store.searchLag.view(issue, now);
      if (canBrowse(ctx.store, ctx.principal, issue) && compiled.query.matches(seen, jctx))
        matching.push({ issue, seen });
    }
    return matching
      .sort((a, b) => compiled.query.compare(a.seen, b.seen, jctx) || Number(a.issue.id) - Number(b.issue.id))
      .map((m) => m.issue);
  } catch (error) {
    if (error instanceof JqlEvaluationError) throw platformError(400, error.errors);
    throw error;
  }
}

/**
 * GET/POST /rest/api/3/search/jql — enhanced search. `fields` default id only; `maxResults` default 50, up to
 * 5000 when only id/key are requested, else 100; `properties` ≤ 5; no `total`. The first page snapshots the
 * matching ids so later pages (by `nextPageToken`) are stable while issues change.
 */
export function searchJql(ctx: OpContext): Outcome {
  const p = params(ctx);
  if (p.properties.length > 5)
    throw platformError(400, ['The number of properties to return cannot exceed 5.']);
  if (p.reconcileIssues.length > MAX_RECONCILE) throw platformError(400, [RECONCILE_LIMIT_MESSAGE]);
  const reconciled = new Set(p.reconcileIssues);
  const now = Date.now();
  const fields = selectFields(ctx.store, p.fields, 'id');
  const cap = fields.length === 0 ? 5000 : 100;
  const maxResults = Math.min(cap, Math.max(1, p.maxResults ?? 50));
  let ids: string[];
  let offset = 0;
  let sessionId: string;
  if (p.nextPageToken !== undefined) {
    const resumed = ctx.sessions.resume(p.nextPageToken);
    if (!resumed) throw platformError(400, ['The provided next page token is invalid or expired.']);
    // "This list of ids should be consistent with each paginated request across different pages" (platform
    // spec): what Jira does otherwise is not documented, so the strictest reading refuses the page.
    if (!resumed.sameReconcile(p.reconcileIssues)) throw platformError(400, [RECONCILE_CHANGED_MESSAGE]);
    ({ ids, offset, sessionId } = resumed);
  } else {
    if (p.jql === undefined || p.jql.trim() === '') {
      throw platformError(400, [
        'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
      ]);
    }
    ids = runJql(ctx, p.jql, true, reconciled).map((i) => i.id);
    sessionId = ctx.sessions.open(ids, p.reconcileIssues);
  }
  const pageIds = ids.slice(offset, offset + maxResults);
  const expand = new Set(p.expand);
  const issues = pageIds.flatMap((id) => {
    const live = ctx.store.issue(id);
    if (!live || !canBrowse(ctx.store, ctx.principal, live)) return [];
    // Returned fields, comments and histories are the index's too, as its properties are.
    const issue = reconciled.has(live.id) ? live : ctx.store.searchLag.view(live, now);
    const project = ctx.store.projects.get(issue.projectId);
    const showInternal = project !== undefined && isStaff(ctx.store, ctx.principal, project);
    return [
      issueBean(ctx.store, issue, {
        fields,
        properties: p.properties,
        expand,
        showInternal,
        viewerAccountId: ctx.actor,
        readProperty: (key) =>
          reconciled.has(issue.id) ? issue.properties[key] : ctx.store.searchLag.visible(issue, key, now),
        changelogLimit: SEARCH_CHANGELOG_LIMIT,
      }),
    ];
  });
  const next = offset + pageIds.length;
  const isLast = next >= ids.length;
  const body: Record<string, unknown> = {
    issues,
    isLast,
    ...(isLast ? {} : { nextPageToken: ctx.sessions.token(sessionId, next) }),
  };
  if (expand.has('names')) body.names = Object.fromEntries(fields.map((f) => [f.id, f.name]));
  return { reply: { status: 200, body }, objects: issues.length };
}

/** POST /rest/api/3/search/approximate-count — `{jql}` (bounded) → `{count}`. */
export function countIssues(ctx: OpContext): Outcome {
  const jql = (ctx.body as { jql?: unknown } | undefined)?.jql;
  if (typeof jql !== 'string') throw platformError(400, ['JQL query is required.']);
  return { reply: { status: 200, body: { count: runJql(ctx, jql, true).length } }, objects: 1 };
}

/** The old GET/POST /rest/api/3/search: removed (CHANGE-2046); Jira answers 410 Gone with this text. */
export const REMOVED_SEARCH_MESSAGE =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

export function removedSearch(): Outcome {
  throw new HttpError({ status: 410, body: { errorMessages: [REMOVED_SEARCH_MESSAGE], errors: {} } });
}
