import type { ActionLedger } from '../shared/action-ledger';
import type { AuditLog } from '../shared/audit-log';
import type { ConfigRepository } from '../shared/config-repository';
import type { KeyValueStore, Logger } from '../ports';
import type { CommentBodies, CustomerRequests, PortalJira, UserNames } from './portal-ports';

/**
 * What the portal use cases need. `customer` acts as the user who opened the portal (the access check);
 * `jira` and `meta` act as the app, and are used only after that check succeeded.
 */
export interface PortalDeps {
  customer: CustomerRequests;
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
