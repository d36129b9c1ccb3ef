import type { ActionLedger } from '../shared/action-ledger';
import type { AuditLog } from '../shared/audit-log';
import type { ConfigRepository } from '../shared/config-repository';
import type { KeyValueStore, Logger } from '../ports';
import type {
  CommentBodies,
  CustomerRequests,
  PortalIssues,
  PortalJira,
  RequestAccess,
  UserNames,
} from './portal-ports';

/**
 * What the portal use cases need. `customer` answers as the user who opened the portal (the access check):
 * JSM's answers to the backend's requests as the user, or to the page's (the panel's view). `issues` reads the
 * request and the tickets it names after that check: from Jira as the app (the actions) or from the app's
 * copy (the view). `jira` and `meta` act as the app, and are used only after that check succeeded.
 */
export interface PortalDeps {
  customer: CustomerRequests;
  /** Confirms the user may see the request, once it is read: see `portal-access.ts`. */
  access: RequestAccess;
  issues: PortalIssues;
  jira: PortalJira;
  meta: UserNames;
  bodies: CommentBodies;
  store: KeyValueStore;
  config: ConfigRepository;
  audit: AuditLog;
  ledger: ActionLedger;
  log: Logger;
  now: Date;
}

/** The request and the user from the trusted Forge context (`context.extension.request`, `context.locale`). */
export interface PortalContext {
  issueKey: string;
  accountId: string;
  locale: string | undefined;
  timeZone: string | undefined;
}
