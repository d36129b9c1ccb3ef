import type { JiraGateway, SiteMetadataGateway } from '../ports/jira';
import type { AppDeps } from '../deps';

/** The caller is not a Jira administrator; admin resolvers answer `FORBIDDEN`. */
export class NotJiraAdminError extends Error {
  constructor() {
    super('only Jira administrators may read or change the app settings');
    this.name = 'NotJiraAdminError';
  }
}

/** What the admin use cases need: the app's bundle plus Jira as the calling user. */
export interface AdminDeps {
  app: AppDeps;
  /** Acts as the user (`asUser()`), so the permission check and the site names are what the admin sees. */
  user: JiraGateway;
  userMeta: SiteMetadataGateway;
  now: Date;
  /** The calling admin's account id, from the Forge context (recorded with a save, never logged). */
  accountId?: string;
}

/**
 * First line of every admin resolver: the caller must hold Jira's global ADMINISTER permission, checked
 * server-side by Jira itself (the admin page's own visibility is not a security boundary).
 *
 * @throws NotJiraAdminError otherwise.
 */
export async function requireJiraAdmin(user: JiraGateway): Promise<void> {
  if (!(await user.hasGlobalPermission('ADMINISTER'))) throw new NotJiraAdminError();
}
