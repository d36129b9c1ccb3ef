import type { JiraGateway, SiteMetadataGateway } from '../ports/jira';
import type { AppDeps } from '../deps';
import { cachedAnswer } from '../shared/cached-answer';

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
 * How long a "yes, a Jira administrator" answer is reused for the same user: an admin's visit to the page (its
 * sections, a save, the previews) costs one permission check, and a revoked administrator loses the page within
 * this time.
 */
const ADMIN_MS = 15 * 60 * 1000;

/**
 * First line of every admin resolver: the caller must hold Jira's global ADMINISTER permission, checked
 * server-side by Jira itself as the user (the admin page's own visibility is not a security boundary). A yes is
 * kept in the app's storage (per installation by Forge's design) under the trusted Forge context's account id
 * for {@link ADMIN_MS}; a no is never kept, so a refused caller writes nothing and is asked again next time.
 *
 * @throws NotJiraAdminError otherwise.
 */
export async function requireJiraAdmin(deps: AdminDeps): Promise<void> {
  const ask = () => deps.user.hasGlobalPermission('ADMINISTER');
  const admin =
    deps.accountId === undefined
      ? await ask()
      : await cachedAnswer(
          deps.app.store,
          `admin-check:${deps.accountId}`,
          deps.now,
          { yesMs: ADMIN_MS, noMs: 0 },
          ask,
        );
  if (!admin) throw new NotJiraAdminError();
}
