/**
 * What one request costs against the hourly points quota.
 *
 * Atlassian's points model (enforced for Forge, Connect and 3LO apps since 2 March 2026; guide §9, rate-limiting page
 * https://developer.atlassian.com/cloud/jira/platform/rate-limiting/): "Each request starts with a base cost of 1
 * point, and additional points are added for each object involved. Write requests are charged only the base cost."
 * Identity and access objects (users, permission grants) cost 2 each (rate-limits-2026.md). So a search returning
 * 50 issues costs 1 + 50 = 51 points, a transition costs 1, `GET /myself` 1 + 2 = 3.
 *
 * Where the docs are silent the default is the strictest plausible reading (docs/decisions/0014), each one a
 * weight a test or benchmark may change:
 * - histories embedded by `expand=changelog` are objects the request involves, 1 point each like any object;
 * - so are the comments the `comment` field embeds in an issue (`GET /issue`, a search page): a search that
 *   returns a ticket with its comments costs as much as reading them from the comments endpoint, or more;
 * - a permission check involves every permission for every project it is evaluated in: `mypermissions` without a
 *   project or issue is evaluated across all projects of the site, each grant an access object (2 points). Apps
 *   have reported that a site lets them check permissions only about 30 times an hour ("2026 point-based rate
 *   limits", community.developer.atlassian.com/t/97828), and less on larger sites, which this reading reproduces.
 */

/** Base cost of every request, read or write. */
const BASE_POINTS = 1;

/** What a request's points are made of: objects returned or involved, by kind. */
export interface ObjectCounts {
  /** Plain objects returned (issues, comments, properties, …). */
  objects: number;
  /** Identity and access objects (users, permission grants per project evaluated). */
  accessObjects?: number;
  /** Objects embedded in the returned issues (changelog histories, the `comment` field's comments). */
  expandedObjects?: number;
}

/** Points per kind of object, and fixed prices for single operations. */
export interface PointWeights {
  object: number;
  accessObject: number;
  /** 0 reads expansions as free. */
  expandedObject: number;
  /** Fixed points for an operation by its `operationId`, in place of the counts (reads and writes alike). */
  operations: Readonly<Record<string, number>>;
}

export const DEFAULT_POINT_WEIGHTS: PointWeights = Object.freeze({
  object: 1,
  accessObject: 2,
  expandedObject: 1,
  operations: Object.freeze({}),
});

/**
 * Operations that read with POST (a body carries the query). They are charged like GETs: per object returned.
 * Everything else that is not a GET is a write.
 */
const POST_READS: ReadonlySet<string> = new Set([
  'searchAndReconsileIssuesUsingJqlPost',
  'searchAndReconsileIssuesUsingJql',
  'countIssues',
  'bulkFetchIssues',
  'getBulkChangelogs',
  'getIssuePickerResource',
  'getIsWatchingIssueBulk',
  'getBulkPermissions',
]);

/** True when the request only reads (GET, or one of the POST searches/bulk fetches). */
export function isRead(method: string, operationId: string): boolean {
  return method.toUpperCase() === 'GET' || POST_READS.has(operationId);
}

const count = (n: number | undefined): number => Math.max(0, Math.floor(n ?? 0));

/**
 * Points for one request: 1 for a write; 1 + weighted objects for a read; an operation's fixed price when the
 * weights name one.
 *
 * @example pointCost('POST', 'searchAndReconsileIssuesUsingJqlPost', 50) // 51
 * @example pointCost('GET', 'getIssue', { objects: 1, expandedObjects: 30 }) // 32
 * @example pointCost('POST', 'doTransition', 0) // 1
 */
export function pointCost(
  method: string,
  operationId: string,
  returned: number | ObjectCounts,
  weights: PointWeights = DEFAULT_POINT_WEIGHTS,
): number {
  const fixed = Object.hasOwn(weights.operations, operationId) ? weights.operations[operationId] : undefined;
  if (fixed !== undefined) return fixed;
  if (!isRead(method, operationId)) return BASE_POINTS;
  const counts = typeof returned === 'number' ? { objects: returned } : returned;
  return (
    BASE_POINTS +
    count(counts.objects) * weights.object +
    count(counts.accessObjects) * weights.accessObject +
    count(counts.expandedObjects) * weights.expandedObject
  );
}

/**
 * Objects embedded in a response's issues, an issue's (`GET /issue`) or every issue's of a search page: the
 * histories `expand=changelog` adds and the comments the `comment` field holds.
 */
export function embeddedObjects(body: unknown): number {
  const lengthOf = (list: unknown): number => (Array.isArray(list) ? list.length : 0);
  const embeddedIn = (bean: unknown): number => {
    const issue = bean as {
      changelog?: { histories?: unknown };
      fields?: { comment?: { comments?: unknown } | null };
    } | null;
    return lengthOf(issue?.changelog?.histories) + lengthOf(issue?.fields?.comment?.comments);
  };
  const issues = (body as { issues?: unknown } | null)?.issues;
  if (Array.isArray(issues)) return issues.reduce((sum: number, issue) => sum + embeddedIn(issue), 0);
  return embeddedIn(body);
}
