/**
 * The admin page's only door to the host: every `@forge/bridge` call goes through this module (STYLE.md §8);
 * the admin page needs the calls every static app shares and the router for ticket links.
 */
import { requestJira, router } from '@forge/bridge';

export { enableTheme, invoke, loadHostContext, readJiraAsUser, type Invoke } from '../../shared/src/bridge';

/** Open a ticket in a new tab; the iframe cannot navigate the top window itself. */
export function openIssue(issueKey: string): Promise<void> {
  return router.open({ target: 'issue', issueKey });
}

/**
 * A person's display name as the viewing admin may see it (`GET /rest/api/3/user`, read in the browser as the
 * user, so the name never passes through the app's functions or logs); `undefined` when Jira does not say.
 */
export async function displayName(accountId: string): Promise<string | undefined> {
  try {
    const response = await requestJira(`/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`, {
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return undefined;
    const user = (await response.json()) as { displayName?: unknown };
    return typeof user.displayName === 'string' ? user.displayName : undefined;
  } catch {
    return undefined;
  }
}
