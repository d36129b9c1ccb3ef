/**
 * Jira's `ORDER BY key ASC` order of issue keys: by project key, then by issue number (`SD-9` before `SD-10`).
 *
 * @example
 * ['SD-10', 'SD-9', 'AB-20'].sort(compareIssueKeys); // ['AB-20', 'SD-9', 'SD-10']
 */
export function compareIssueKeys(a: string, b: string): number {
  const [pa = '', na = '0'] = a.split('-');
  const [pb = '', nb = '0'] = b.split('-');
  return pa === pb ? Number(na) - Number(nb) : pa < pb ? -1 : 1;
}
