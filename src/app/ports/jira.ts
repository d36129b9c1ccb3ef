import type { JsmSla } from '../../domain/priorities/service-clocks';
import type { AdfDocument } from '../shared/adf';

/**
 * The Jira port: the REST operations the use cases perform, as interfaces. `src/adapters/jira` implements them
 * (one REST call per method, responses parsed with zod at the boundary); the use cases see only these types.
 * Failures are the typed errors of `./jira-errors`.
 */

/** The slice of an issue the app reads (`fields` and `properties` as requested, `changelog` when expanded). */
export interface IssueBean {
  id: string;
  key?: string | undefined;
  fields?: Record<string, unknown> | undefined;
  properties?: Record<string, unknown> | undefined;
  /**
   * `total` counts every history of the issue; search returns only the most recent ones (40), so `total` larger
   * than `histories.length` means the rest needs {@link JiraGateway.changelogPage}.
   */
  changelog?: { histories: ChangelogHistory[]; total?: number | undefined } | undefined;
}

/** One changelog entry: who changed which fields when. */
export interface ChangelogHistory {
  id: string;
  created: string;
  author?:
    { accountId: string; displayName?: string | undefined; accountType?: string | undefined } | undefined;
  items: {
    field: string;
    fieldId?: string | undefined;
    from?: string | null | undefined;
    fromString?: string | null | undefined;
    to?: string | null | undefined;
    toString?: string | null | undefined;
  }[];
}

export interface SearchRequest {
  jql: string;
  fields?: string[];
  /** Issue property keys to return (Jira allows at most 5). */
  properties?: string[];
  maxResults?: number;
  nextPageToken?: string;
  expand?: string;
  /** Issue ids just written, for read-after-write consistency (max 50). */
  reconcileIssues?: number[];
}

interface SearchResult {
  issues: IssueBean[];
  nextPageToken?: string | undefined;
  isLast?: boolean | undefined;
}

/** A workflow transition available on an issue, with its screen fields when asked for. */
interface Transition {
  id: string;
  name: string;
  to: { id: string; name: string; statusCategory?: { key: string } | undefined };
  fields?: Record<string, { required?: boolean | undefined }> | undefined;
}

/** A field of the site (system or custom). */
export interface JiraField {
  id: string;
  name: string;
  custom?: boolean | undefined;
  schema?: { type: string; custom?: string | undefined } | undefined;
}

export interface EntityProperty {
  key: string;
  value: unknown;
}

/**
 * A comment to add: public (the customer sees it) or internal (JSM internal note). `occurrence` names the one
 * occurrence it is posted for (its idempotency key, `docs/decisions/0012`); the comment carries it as the comment
 * property `jsm-process-occurrence`, so every app comment on a ticket can be traced to what caused it.
 */
export interface CommentInput {
  body: AdfDocument;
  internal: boolean;
  occurrence: string;
}

/** A comment as the sweep's proof reads it: who, when, and whether the customer can see it. */
export interface CommentFacts {
  id: string;
  authorId: string | undefined;
  created: string | undefined;
  /** JSM's `jsdPublic`; a comment is public unless Jira says otherwise. */
  isPublic: boolean;
}

/** The issue operations, acting as the app (`asApp()`) or as the user (`asUser()`), depending on the instance. */
export interface JiraGateway {
  /** One page of a JQL search. */
  search(request: SearchRequest): Promise<SearchResult>;
  /** Every page of a search, in order; only where the result is known to be small. */
  searchAll(request: Omit<SearchRequest, 'nextPageToken'>): Promise<IssueBean[]>;
  /** One issue with only the fields and properties asked for (`expand=changelog` where needed). */
  getIssue(
    key: string,
    options: { fields: string[]; properties?: string[]; expand?: string },
  ): Promise<IssueBean>;
  /** Edit fields, add a comment and set properties in one write. */
  editIssue(
    key: string,
    edit: { fields?: Record<string, unknown>; comment?: CommentInput; properties?: EntityProperty[] },
    options?: {
      notifyUsers?: boolean;
      /**
       * The ticket view (the issue's `updated`) the state property in `properties` was decided from. Not sent to
       * Jira: the due index keeps a copy of a state only when its writer names this (docs/decisions/0020).
       */
      stateBasis?: string;
    },
  ): Promise<void>;
  getTransitions(key: string, options?: { withFields?: boolean }): Promise<Transition[]>;
  /** One transition carrying its screen fields, a comment and entity properties. */
  doTransition(
    key: string,
    transition: {
      id: string;
      fields?: Record<string, unknown>;
      comment?: CommentInput;
      properties?: EntityProperty[];
    },
  ): Promise<void>;
  /** One page of an issue's changelog, oldest first (`GET /issue/{key}/changelog`, ≤ 100 per page). */
  changelogPage(
    key: string,
    startAt: number,
    maxResults: number,
  ): Promise<{ total: number; histories: ChangelogHistory[] }>;
  /** Adds a comment; resolves to the comment's id. */
  addComment(key: string, comment: CommentInput): Promise<string>;
  /** Reads one issue property fresh (strongly consistent). `undefined` when unset. */
  getIssueProperty(key: string, propertyKey: string): Promise<unknown>;
  /** `stateBasis` as for {@link JiraGateway.editIssue}: not sent to Jira. */
  setIssueProperty(
    key: string,
    propertyKey: string,
    value: unknown,
    options?: { stateBasis?: string },
  ): Promise<void>;
  getFields(): Promise<JiraField[]>;
  /** One page of a ticket's comments, newest first; each comment read costs a point, so pages are small. */
  newestComments(key: string, startAt: number, maxResults: number): Promise<CommentFacts[]>;
  /**
   * Whether one comment is public (JSM `jsdPublic`, documented on the platform `Comment`); `undefined` when the
   * comment no longer exists. One request, one object.
   */
  commentIsPublic(issueKey: string, commentId: string): Promise<boolean | undefined>;
  /** The account the app acts as: its own comments are never the customer's. */
  myAccountId(): Promise<string>;
  /** Whether the calling user holds a global permission (e.g. `ADMINISTER`). */
  hasGlobalPermission(permission: string): Promise<boolean>;
}

interface IssueLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

interface ServiceDesk {
  id: string;
  projectId: string;
  projectKey: string;
  projectName: string;
}

interface ProjectInfo {
  id: string;
  key: string;
  name: string;
  projectTypeKey?: string | undefined;
}

/** Read-only site metadata behind the panel and the admin page, read as the user. */
export interface SiteMetadataGateway {
  /** The request's SLAs; `undefined` when the issue is no JSM request. */
  getSlas(issueKey: string): Promise<JsmSla[] | undefined>;
  getIssueTypes(): Promise<{ id: string; name: string }[]>;
  getStatuses(): Promise<{ id: string; name: string }[]>;
  getIssueLinkTypes(): Promise<IssueLinkType[]>;
  getProjectSecurityLevels(projectKey: string): Promise<{ id: string; name: string }[]>;
  getProject(projectKey: string): Promise<ProjectInfo | undefined>;
  getServiceDesks(): Promise<ServiceDesk[]>;
  /** Whether the caller is a service-desk agent of the project (`false` for a project they cannot see). */
  isAgentInProject(projectKey: string): Promise<boolean>;
  getUserDisplayName(accountId: string): Promise<string | undefined>;
}

/** The lists the admin page's pickers offer, read as the admin. */
export interface SiteDirectoryGateway {
  getResolutions(): Promise<string[]>;
  getRequestTypes(): Promise<string[]>;
  getOrganizations(): Promise<string[]>;
  /** The site's priority names, in the site's order. */
  getPriorities(): Promise<string[]>;
}

/** Links, security levels, people and types the event rules need, acting as the app. */
export interface LinksGateway {
  createLink(typeName: string, source: string, destination: string): Promise<void>;
  deleteLink(linkId: string): Promise<void>;
  securityLevels(projectKey: string): Promise<{ id: string; name: string }[]>;
  userLocale(accountId: string): Promise<string | undefined>;
  isParticipant(issueKey: string, accountId: string): Promise<boolean>;
  isOrganizationMember(organizationId: string, accountId: string): Promise<boolean>;
  /** Whether the account is a member of any JSM organization of the site. */
  isInAnyOrganization(accountId: string): Promise<boolean>;
  /** Every issue type of the site: id and name. */
  issueTypes(): Promise<{ id: string; name: string }[]>;
}

/**
 * What this invocation's Jira calls cost so far (Atlassian's points model: 1 per request plus 1 per object a
 * read returns; writes cost 1). The client records each call; the sweep's budget and the logs read the totals.
 */
export interface CallStats {
  record(operation: string, points: number, retried: boolean): void;
  /** Notes the rate-limit headers of one response (names and values; they carry no personal data). */
  recordRateLimitHeaders(headers: Readonly<Record<string, string>>): void;
  /** The rate-limit headers seen in this invocation, each with its latest value. */
  rateLimitHeaders(): Readonly<Record<string, string>>;
  readonly totalCalls: number;
  readonly totalPoints: number;
}
