import { compareIssueKeys } from '../../domain/issue-key-order';
import type { IssueBean, JiraGateway, SearchRequest } from '../ports/jira';

/**
 * Jira reconciles at most 50 issues per search (`reconcileIssues`, platform spec).
 * @internal Exported for the tests; the app calls {@link searchReconciled}.
 */
export const MAX_RECONCILE = 50;

/** A search of {@link searchReconciled}: its JQL without `ORDER BY` (results come in key order). */
export type ReconciledSearch = Omit<SearchRequest, 'jql' | 'nextPageToken' | 'reconcileIssues'> & {
  where: string;
};

/**
 * Every issue matching `where`, in key order, with each issue of `reconcile` matched and returned as it is now,
 * however many they are. Jira reconciles at most {@link MAX_RECONCILE} issues per search and only those ("consistency
 * is ensured only for the specified issues", developer.atlassian.com, "Search After Write with Search And
 * Reconcile"): the first 50 ride on the search itself; each further 50 cost one more search, narrowed to them
 * (`AND id in (…)`, one page), whose answer replaces what the first search said of them. With 50 or fewer it is
 * exactly one search.
 *
 * @example
 * await searchReconciled(jira, { where: 'project = SD AND status = "Planned"', fields: ['summary'] }, recent);
 */
export async function searchReconciled(
  jira: Pick<JiraGateway, 'searchAll'>,
  search: ReconciledSearch,
  reconcile: readonly number[],
): Promise<IssueBean[]> {
  const { where, ...rest } = search;
  const ids = [...new Set(reconcile)];
  const first = ids.slice(0, MAX_RECONCILE);
  const found = await jira.searchAll({
    ...rest,
    jql: `${where} ORDER BY key ASC`,
    ...(first.length > 0 ? { reconcileIssues: first } : {}),
  });
  if (ids.length <= MAX_RECONCILE) return found;
  const later = new Set(ids.slice(MAX_RECONCILE).map(String));
  const current = found.filter((issue) => !later.has(issue.id));
  for (let i = MAX_RECONCILE; i < ids.length; i += MAX_RECONCILE) {
    const chunk = ids.slice(i, i + MAX_RECONCILE);
    current.push(
      ...(await jira.searchAll({
        ...rest,
        jql: `(${where}) AND id in (${chunk.join(',')}) ORDER BY key ASC`,
        maxResults: MAX_RECONCILE,
        reconcileIssues: chunk,
      })),
    );
  }
  return current.sort((a, b) => compareIssueKeys(a.key ?? a.id, b.key ?? b.id));
}
