import { bodyObject, type OpContext, queryInt, visibleIssue } from '../http/context';
import { type Outcome, platformError } from '../http/reply';
import { canBrowse } from '../permissions';
import { changelogBean } from '../render/changelog';
import { SITE_URL } from '../render/format';

/** GET /rest/api/3/issue/{issueIdOrKey}/changelog — oldest first, `startAt`/`maxResults` (default 100). */
export function getChangeLogs(ctx: OpContext): Outcome {
  const issue = visibleIssue(ctx);
  const startAt = Math.max(0, queryInt(ctx, 'startAt', 0));
  const maxResults = Math.min(100, Math.max(1, queryInt(ctx, 'maxResults', 100)));
  const page = issue.histories.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= issue.histories.length;
  const self = `${SITE_URL}/rest/api/3/issue/${issue.key}/changelog`;
  const body = {
    self: `${self}?startAt=${startAt}&maxResults=${maxResults}`,
    ...(isLast ? {} : { nextPage: `${self}?startAt=${startAt + maxResults}&maxResults=${maxResults}` }),
    maxResults,
    startAt,
    total: issue.histories.length,
    isLast,
    values: page.map((h) => changelogBean(ctx.store, h)),
  };
  return { reply: { status: 200, body }, objects: page.length };
}

/**
 * POST /rest/api/3/changelog/bulkfetch — `{issueIdsOrKeys (≤1000), fieldIds?, maxResults (≤10000), nextPageToken?}`.
 * The token is the offset into the flattened (issue, history) list; inaccessible issues are silently skipped.
 */
export function getBulkChangelogs(ctx: OpContext): Outcome {
  const body = bodyObject(ctx) as {
    issueIdsOrKeys?: unknown;
    fieldIds?: unknown;
    maxResults?: unknown;
    nextPageToken?: unknown;
  };
  const refs = Array.isArray(body.issueIdsOrKeys) ? (body.issueIdsOrKeys as unknown[]).map(String) : [];
  if (refs.length === 0 || refs.length > 1000)
    throw platformError(400, ['issueIdsOrKeys must contain between 1 and 1000 issues.']);
  const fieldIds = Array.isArray(body.fieldIds)
    ? new Set((body.fieldIds as unknown[]).map(String))
    : undefined;
  const maxResults = Math.min(
    10000,
    Math.max(1, typeof body.maxResults === 'number' ? body.maxResults : 1000),
  );
  const offset = typeof body.nextPageToken === 'string' ? Number(body.nextPageToken) || 0 : 0;
  const entries = refs.flatMap((ref) => {
    const issue = ctx.store.issue(ref);
    if (!issue || !canBrowse(ctx.store, ctx.principal, issue)) return [];
    return issue.histories
      .map((h) => ({
        issue,
        history: fieldIds ? { ...h, items: h.items.filter((i) => fieldIds.has(i.fieldId)) } : h,
      }))
      .filter((e) => e.history.items.length > 0);
  });
  const page = entries.slice(offset, offset + maxResults);
  const grouped = new Map<string, Record<string, unknown>[]>();
  for (const { issue, history } of page) {
    const list = grouped.get(issue.id) ?? [];
    list.push(changelogBean(ctx.store, history));
    grouped.set(issue.id, list);
  }
  const issueChangeLogs = [...grouped].map(([issueId, changeHistories]) => ({ issueId, changeHistories }));
  const next = offset + page.length < entries.length ? { nextPageToken: String(offset + page.length) } : {};
  return { reply: { status: 200, body: { issueChangeLogs, ...next } }, objects: page.length };
}
