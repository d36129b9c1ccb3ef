/**
 * What one request costs against the hourly points quota.
 *
 * Atlassian's points model (enforced for Forge, Connect and 3LO apps since 2 March 2026; guide §9, rate-limiting page
 * https://developer.atlassian.com/cloud/jira/platform/rate-limiting/): "Each request starts with a base cost of 1
 * point, and additional points are added for each object involved. Write requests are charged only the base cost."
 * So a search returning 50 issues costs 1 + 50 = 51 points, a transition costs 1.
 */

/** Base cost of every request, read or write. */
const BASE_POINTS = 1;

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
]);

/** True when the request only reads (GET, or one of the POST searches/bulk fetches). */
export function isRead(method: string, operationId: string): boolean {
  return method.toUpperCase() === 'GET' || POST_READS.has(operationId);
}

/**
 * Points for one request: 1 for a write; 1 + objects returned for a read.
 *
 * @example pointCost('POST', 'searchAndReconsileIssuesUsingJqlPost', 50) // 51
 * @example pointCost('POST', 'doTransition', 0) // 1
 */
export function pointCost(method: string, operationId: string, objectsReturned: number): number {
  if (!isRead(method, operationId)) return BASE_POINTS;
  return BASE_POINTS + Math.max(0, Math.floor(objectsReturned));
}
