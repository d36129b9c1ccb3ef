import type { resolveFieldIds } from '../shared/field-ids';
import type { IssueBean } from '../ports/jira';

/** A request JSM shows to the calling user, with its portal address and the status JSM shows them. */
export interface VisibleRequest {
  issueId: string;
  issueKey: string;
  webUrl: string | null;
  /** `currentStatus.status`: the status name JSM shows the user; `null` when JSM sent none. */
  statusName: string | null;
}

/** JSM's customer-request endpoint AS THE USER: the portal's access check. */
export interface CustomerRequests {
  /** The request, or `undefined` when JSM does not show it to the user. */
  visibleRequest(issueKey: string): Promise<VisibleRequest | undefined>;
}

/**
 * One issue with the portal's fields and both of the app's properties: read from Jira as the app, or from the
 * app's copy in KVS (`src/app/shared/portal-copy.ts`).
 */
export interface PortalIssues {
  getIssue(key: string, options: { fields: string[]; properties: string[] }): Promise<IssueBean>;
}

/** Whether the user may see the request, decided after it was read (`issue`: the request as read). */
export interface RequestAccess {
  confirm(issue: IssueBean): Promise<boolean>;
}

/** A comment body in the REST API's document format, built by the adapter. */
type CommentBody = unknown;

/** Jira AS THE APP, used by the portal only after the access check. */
export interface PortalJira {
  getFields(): ReturnType<Parameters<typeof resolveFieldIds>[0]['getFields']>;
  getIssue(key: string, options: { fields: string[]; properties?: string[] }): Promise<IssueBean>;
  editIssue(
    key: string,
    edit: {
      /** `occurrence`: the comment's idempotency key (`CommentInput.occurrence`). */
      comment?: { body: CommentBody; internal: boolean; occurrence: string };
      properties?: { key: string; value: unknown }[];
    },
  ): Promise<void>;
  getIssueProperty(key: string, propertyKey: string): Promise<unknown>;
  setIssueProperty(key: string, propertyKey: string, value: unknown): Promise<void>;
  /** Creates an issue with links from it (the new issue is the inward side) and properties, in one call. */
  createIssue(
    fields: Record<string, unknown>,
    extras?: {
      links?: { typeName: string; outwardKey: string }[];
      properties?: { key: string; value: unknown }[];
    },
  ): Promise<string>;
}

/** Display names of accounts (as the app). */
export interface UserNames {
  getUserDisplayName(accountId: string): Promise<string | undefined>;
}

/** Comment bodies from plain text, optionally mentioning accounts (Jira notifies them). */
export interface CommentBodies {
  text(plain: string): CommentBody;
  withMentions(plain: string, accountIds: readonly string[]): CommentBody;
}
