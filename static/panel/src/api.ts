/**
 * The panel's only door to the host: every `@forge/bridge` call goes through this module (STYLE.md §8).
 */
import { router } from '@forge/bridge';
import type { PanelView } from '../../../src/contract/resolvers';
import { invoke, readJiraAsUser } from '../../shared/src/bridge';
import { viewThroughPageReads } from '../../shared/src/page-reads';

export { enableTheme, loadHostContext } from '../../shared/src/bridge';

/**
 * Everything the panel shows for the ticket it is open on (the ticket comes from the trusted context). The
 * page reads Jira as the user and hands the answers to the resolver, which computes the view.
 */
export function loadPanel(): Promise<PanelView> {
  return viewThroughPageReads((payload) => invoke('getPanel', payload), readJiraAsUser);
}

/** Open a ticket in a new tab; the iframe cannot navigate the top window itself. */
export function openIssue(issueKey: string): Promise<void> {
  return router.open({ target: 'issue', issueKey });
}
