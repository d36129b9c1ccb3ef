import type { RequestChannel, SimIssue } from './types';

/** A new issue record with every optional part empty; callers fill in what they know. */
export function newIssue(init: {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  statusId: string;
  summary: string;
  reporterAccountId: string;
  creatorAccountId?: string;
  created: string;
  /** Default `api`: what Jira records for an issue created through REST. */
  channel?: RequestChannel;
}): SimIssue {
  return {
    id: init.id,
    key: init.key,
    projectId: init.projectId,
    issueTypeId: init.issueTypeId,
    statusId: init.statusId,
    summary: init.summary,
    description: null,
    reporterAccountId: init.reporterAccountId,
    creatorAccountId: init.creatorAccountId ?? init.reporterAccountId,
    assigneeAccountId: null,
    priorityId: null,
    resolutionId: null,
    resolutionDate: null,
    securityLevelId: null,
    created: init.created,
    updated: init.created,
    statusCategoryChangedDate: init.created,
    requestTypeId: null,
    channel: init.channel ?? 'api',
    organizationIds: [],
    participantAccountIds: [],
    labels: [],
    custom: {},
    properties: {},
    comments: [],
    histories: [],
  };
}
