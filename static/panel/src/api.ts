/**
 * The panel's only door to the host: every `@forge/bridge` call goes through this module (STYLE.md §8).
 */
import { router } from '@forge/bridge';
import type { PanelView } from '../../../src/contract/resolvers';
import { invoke } from '../../shared/src/bridge';

export { enableTheme, loadHostContext } from '../../shared/src/bridge';

/** Everything the panel shows for the ticket it is open on (the ticket comes from the trusted context). */
export function loadPanel(): Promise<PanelView> {
  return invoke('getPanel', {});
}

/** Open a ticket in a new tab; the iframe cannot navigate the top window itself. */
export function openIssue(issueKey: string): Promise<void> {
  return router.open({ target: 'issue', issueKey });
}
