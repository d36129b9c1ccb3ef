/**
 * The simulated site's data model. Plain records, kept in memory by `SiteStore`; ids are strings as Jira's REST
 * API returns them. Field values are stored in their REST read shape (strings for text, `{id,value}` for options,
 * ADF documents for rich text) so rendering is a lookup, not a conversion.
 */

type AccountType = 'atlassian' | 'customer' | 'app';

export interface SimUser {
  accountId: string;
  displayName: string;
  accountType: AccountType;
  emailAddress?: string;
  locale: string;
  timeZone: string;
  active: boolean;
}

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface SimStatus {
  id: string;
  name: string;
  category: StatusCategoryKey;
}

export interface SimIssueType {
  id: string;
  name: string;
  description: string;
}

export interface SimResolution {
  id: string;
  name: string;
  description: string;
}

/** What a custom field holds; drives validation, rendering and JQL comparison. */
export type CustomFieldKind = 'text' | 'select' | 'date' | 'adf' | 'requestType' | 'organizations';

export interface SimCustomField {
  id: string;
  name: string;
  kind: CustomFieldKind;
  /** Allowed options for `select` fields. */
  options?: { id: string; value: string }[];
}

export interface SimTransition {
  id: string;
  name: string;
  /** Status ids this transition is available from; empty = global (from any status). */
  from: string[];
  to: string;
  /** Field ids on the transition screen; `resolution` here means the caller may (and Jira lets them) set it. */
  screenFields: string[];
  /**
   * A customer transition: the workflow exposes it on the portal (JSM's "customer transitions"), so customers of
   * the request may perform it through `POST /rest/servicedeskapi/request/{key}/transition`. Never has a screen.
   */
  customerFacing?: boolean;
}

export interface SimWorkflow {
  name: string;
  initialStatusId: string;
  transitions: SimTransition[];
}

export interface SimProject {
  id: string;
  key: string;
  name: string;
  serviceDeskId: string;
  leadAccountId: string;
  issueTypeIds: string[];
  /** Workflow per issue type id. */
  workflows: Record<string, SimWorkflow>;
  /** Project role "Service Desk Team" members (agents). */
  agentAccountIds: string[];
  /** SLA goals in minutes, per metric; absent = project has no SLA. */
  sla?: {
    timeToFirstResponseMinutes?: number;
    timeToResolutionMinutes?: number;
    /** Statuses in which "Time to resolution" pauses (JSM's "Pause on: status" condition). */
    timeToResolutionPausedStatusIds?: string[];
  };
  securitySchemeId?: string;
  nextIssueNumber: number;
}

export interface SimChangeItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface SimHistory {
  id: string;
  authorAccountId: string;
  created: string;
  items: SimChangeItem[];
}

export interface SimComment {
  id: string;
  authorAccountId: string;
  body: AdfDoc;
  created: string;
  updated: string;
  jsdPublic: boolean;
  visibility?: { type: 'group' | 'role'; value: string };
  /** Comment entity properties set with the comment (`Comment.properties` on create), by key. */
  properties?: Record<string, unknown>;
}

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: unknown[];
}

/**
 * How a JSM request reached the site (JQL `request-channel-type`): the customer portal, an e-mail to the
 * service desk's address, an agent in the Jira UI, or the REST API.
 */
export type RequestChannel = 'portal' | 'email' | 'jira' | 'api';

export const REQUEST_CHANNELS: readonly RequestChannel[] = ['portal', 'email', 'jira', 'api'];

export interface SimIssue {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  statusId: string;
  summary: string;
  description: AdfDoc | null;
  reporterAccountId: string;
  creatorAccountId: string;
  assigneeAccountId: string | null;
  priorityId: string | null;
  resolutionId: string | null;
  resolutionDate: string | null;
  securityLevelId: string | null;
  created: string;
  updated: string;
  statusCategoryChangedDate: string;
  requestTypeId: string | null;
  /** The channel the request was raised through; fixed at creation. */
  channel: RequestChannel;
  /** Organizations the request is shared with. */
  organizationIds: string[];
  participantAccountIds: string[];
  labels: string[];
  /** Custom field values by field id, in REST read shape. */
  custom: Record<string, unknown>;
  properties: Record<string, unknown>;
  comments: SimComment[];
  histories: SimHistory[];
}

export interface SimLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

/**
 * A link reads "source <outward> destination" (e.g. "SD-9 ships SD-1"). Jira's POST /issueLink quirk: the
 * request's `inwardIssue` is the source and `outwardIssue` the destination.
 */
export interface SimLink {
  id: string;
  typeId: string;
  sourceIssueId: string;
  destinationIssueId: string;
}

export interface SimSecurityLevel {
  id: string;
  schemeId: string;
  name: string;
  description: string;
  /** Members: users by account id and/or the project role of agents. */
  memberAccountIds: string[];
  includesProjectRoleAgents: boolean;
  /** The reporter of an issue can always see it (Jira's "Reporter" holder). */
  includesReporter: boolean;
}

export interface SimSecurityScheme {
  id: string;
  name: string;
  description: string;
  defaultLevelId?: string;
}

export interface SimOrganization {
  id: string;
  name: string;
  created: string;
  memberAccountIds: string[];
  serviceDeskIds: string[];
}

export interface SimRequestType {
  id: string;
  name: string;
  description: string;
  issueTypeId: string;
  serviceDeskId: string;
}

export interface SimGroup {
  name: string;
  groupId: string;
  memberAccountIds: string[];
}
