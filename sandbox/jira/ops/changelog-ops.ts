import { bodyObject, type OpContext, queryInt, visibleIssue } from '../http/context';
import { type Outcome, platformError } from '../http/reply';
import { canBrowse } from '../permissions';
import { changelogBean } from '../render/changelog';
import { SITE_URL } from '../render/format';
import type { SimHistory, SimIssue } from '../model/types';

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

/** One changelog entry of the bulk fetch, before paging. */
interface BulkEntry {
  issue: SimIssue;
  history: SimHistory;
  at: number;
}

/** The changelog entries of the requested issues the caller may browse, oldest first, then by issue id. */
function bulkEntries(ctx: OpContext, refs: string[], fieldIds: Set<string> | undefined): BulkEntry[] {
  const seen = new Set<string>();
  const entries: BulkEntry[] = [];
  for (const ref of refs) {
    const issue = ctx.store.issue(ref);
    // Unknown and hidden issues are skipped silently, as Jira's bulk reads do; duplicates count once.
    if (!issue || seen.has(issue.id) || !canBrowse(ctx.store, ctx.principal, issue)) continue;
    seen.add(issue.id);
    for (const h of issue.histories) {
      const history = fieldIds ? { ...h, items: h.items.filter((i) => fieldIds.has(i.fieldId)) } : h;
      if (history.items.length > 0) entries.push({ issue, history, at: Date.parse(h.created) });
    }
  }
  return entries.sort(
    (a, b) =>
      a.at - b.at || Number(a.issue.id) - Number(b.issue.id) || Number(a.history.id) - Number(b.history.id),
  );
}

/**
 * POST /rest/api/3/changelog/bulkfetch — `{issueIdsOrKeys (1..1000), fieldIds? (≤10), maxResults (1..10000,
 * default 1000), nextPageToken?}` → `{issueChangeLogs: [{issueId, changeHistories}], nextPageToken?}`. Per the
 * spec the changelogs are "sorted by changelog date and issue IDs, starting from the oldest changelog and smallest
 * issue ID"; each page is that order's next slice, grouped by issue. The token is the offset into that order: new
 * changes are the newest, so they land after it and paging neither skips nor repeats. Charged per changelog
 * returned (guide §9 points model).
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
  const fieldIds =
    Array.isArray(body.fieldIds) && body.fieldIds.length > 0
      ? new Set((body.fieldIds as unknown[]).map(String))
      : undefined;
  const maxResults = Math.min(
    10000,
    Math.max(1, typeof body.maxResults === 'number' ? body.maxResults : 1000),
  );
  let offset = 0;
  if (typeof body.nextPageToken === 'string') {
    if (!/^\d+$/.test(body.nextPageToken))
      throw platformError(400, ['The provided next page token is invalid or expired.']);
    offset = Number(body.nextPageToken);
  }
  const entries = bulkEntries(ctx, refs, fieldIds);
  const page = entries.slice(offset, offset + maxResults);
  // One IssueChangeLog per issue on a page (in order of its oldest changelog there); an issue's changelogs may
  // continue on the next page, so callers merge by issueId.
  const byIssue = new Map<string, Record<string, unknown>[]>();
  for (const { issue, history } of page) {
    const list = byIssue.get(issue.id) ?? [];
    list.push(changelogBean(ctx.store, history));
    byIssue.set(issue.id, list);
  }
  const issueChangeLogs = [...byIssue].map(([issueId, changeHistories]) => ({ issueId, changeHistories }));
  const next = offset + page.length < entries.length ? { nextPageToken: String(offset + page.length) } : {};
  return { reply: { status: 200, body: { issueChangeLogs, ...next } }, objects: page.length };
}
