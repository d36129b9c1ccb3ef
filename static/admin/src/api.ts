/**
 * The admin page's only door to the host: every `@forge/bridge` call goes through this module (STYLE.md §8);
 * the admin page needs the calls every static app shares and the router for ticket links.
 */
import { router } from '@forge/bridge';

export { enableTheme, invoke, loadHostContext, type Invoke } from '../../shared/src/bridge';

/** Open a ticket in a new tab; the iframe cannot navigate the top window itself. */
export function openIssue(issueKey: string): Promise<void> {
  return router.open({ target: 'issue', issueKey });
}
