import type { Principal, ProductEvent } from '../contract';
import type { SiteStore } from './model/store';
import type { SimChangeItem, SimComment, SimIssue, SimLink } from './model/types';
import { issueTypeBean, projectRef, statusBean, userRef } from './render/entities';
import { jiraDateTime } from './render/format';

/** The `issue` object of Forge issue events: id, key and the documented subset of fields. */
function eventIssue(store: SiteStore, issue: SimIssue): Record<string, unknown> {
  const status = store.statuses.get(issue.statusId);
  const type = store.issueTypes.get(issue.issueTypeId);
  const project = store.projects.get(issue.projectId);
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: issue.summary,
      issuetype: type ? issueTypeBean(type) : null,
      status: status ? statusBean(status) : null,
      project: project ? projectRef(project) : null,
      reporter: userRef(store, issue.reporterAccountId),
      assignee: userRef(store, issue.assigneeAccountId),
      creator: userRef(store, issue.creatorAccountId),
      created: jiraDateTime(issue.created),
      updated: jiraDateTime(issue.updated),
    },
  };
}

function base(actorAccountId: string): Record<string, unknown> {
  return { atlassianId: actorAccountId, associatedUsers: [{ accountId: actorAccountId }] };
}

export function createdIssueEvent(
  store: SiteStore,
  issue: SimIssue,
  actor: string,
  causedBy: Principal,
  at: string,
): ProductEvent {
  return {
    eventType: 'avi:jira:created:issue',
    payload: { ...base(actor), issue: eventIssue(store, issue) },
    causedBy,
    at,
  };
}

export function updatedIssueEvent(
  store: SiteStore,
  issue: SimIssue,
  historyId: string | undefined,
  items: SimChangeItem[],
  actor: string,
  causedBy: Principal,
  at: string,
): ProductEvent {
  const statusItem = items.find((i) => i.fieldId === 'status');
  return {
    eventType: 'avi:jira:updated:issue',
    payload: {
      ...base(actor),
      issue: eventIssue(store, issue),
      changelog: { ...(historyId ? { id: historyId } : {}), items: items.map((i) => ({ ...i })) },
      ...(statusItem
        ? {
            associatedStatuses: [statusItem.from, statusItem.to].map((id) => ({
              id,
              name: store.statuses.get(id ?? '')?.name,
            })),
          }
        : {}),
    },
    causedBy,
    at,
  };
}

export function commentedIssueEvent(
  store: SiteStore,
  issue: SimIssue,
  comment: SimComment,
  causedBy: Principal,
  at: string,
  withVisibility: boolean,
): ProductEvent {
  return {
    eventType: 'avi:jira:commented:issue',
    payload: {
      ...base(comment.authorAccountId),
      issue: eventIssue(store, issue),
      comment: {
        id: comment.id,
        body: comment.body,
        author: userRef(store, comment.authorAccountId),
        updateAuthor: userRef(store, comment.authorAccountId),
        // Not in the Forge event reference: sent only when the site is told to.
        ...(withVisibility ? { jsdPublic: comment.jsdPublic } : {}),
        created: jiraDateTime(comment.created),
        updated: jiraDateTime(comment.updated),
      },
    },
    causedBy,
    at,
  };
}

/** Link events carry the flat shape (ids only, no keys). */
export function linkEvent(
  store: SiteStore,
  kind: 'created' | 'deleted',
  link: SimLink,
  actor: string,
  causedBy: Principal,
  at: string,
): ProductEvent {
  const type = store.linkTypes.get(link.typeId);
  return {
    eventType: kind === 'created' ? 'avi:jira:created:issuelink' : 'avi:jira:deleted:issuelink',
    payload: {
      ...base(actor),
      id: link.id,
      sourceIssueId: link.sourceIssueId,
      destinationIssueId: link.destinationIssueId,
      sourceProjectId: store.issue(link.sourceIssueId)?.projectId ?? '',
      destinationProjectId: store.issue(link.destinationIssueId)?.projectId ?? '',
      issueLinkType: type
        ? { id: type.id, name: type.name, inward: type.inward, outward: type.outward }
        : null,
    },
    causedBy,
    at,
  };
}
