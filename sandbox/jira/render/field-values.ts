import type { SiteStore } from '../model/store';
import type { SimIssue } from '../model/types';
import type { FieldDef } from './field-catalog';
import { issueTypeBean, projectRef, resolutionBean, statusBean, userRef } from './entities';
import { jiraDateTime, SITE_URL } from './format';

/** Renders one field of an issue in its REST read shape (`null` when empty, as Jira does). */
export function renderFieldValue(
  store: SiteStore,
  issue: SimIssue,
  def: FieldDef,
  showInternal: boolean,
): unknown {
  switch (def.id) {
    case 'summary':
      return issue.summary;
    case 'description':
      return issue.description;
    case 'status': {
      const status = store.statuses.get(issue.statusId);
      return status ? statusBean(status) : null;
    }
    case 'issuetype': {
      const type = store.issueTypes.get(issue.issueTypeId);
      return type ? issueTypeBean(type) : null;
    }
    case 'project': {
      const project = store.projects.get(issue.projectId);
      return project ? projectRef(project) : null;
    }
    case 'reporter':
      return userRef(store, issue.reporterAccountId);
    case 'creator':
      return userRef(store, issue.creatorAccountId);
    case 'assignee':
      return userRef(store, issue.assigneeAccountId);
    case 'priority': {
      const priority = issue.priorityId === null ? undefined : store.priorities.get(issue.priorityId);
      return priority ? { self: `${SITE_URL}/rest/api/3/priority/${priority.id}`, ...priority } : null;
    }
    case 'resolution': {
      const resolution = issue.resolutionId === null ? undefined : store.resolutions.get(issue.resolutionId);
      return resolution ? resolutionBean(resolution) : null;
    }
    case 'resolutiondate':
      return issue.resolutionDate === null ? null : jiraDateTime(issue.resolutionDate);
    case 'created':
      return jiraDateTime(issue.created);
    case 'updated':
      return jiraDateTime(issue.updated);
    case 'statuscategorychangedate':
      return jiraDateTime(issue.statusCategoryChangedDate);
    case 'labels':
      return [...issue.labels];
    case 'security': {
      const level =
        issue.securityLevelId === null ? undefined : store.securityLevels.get(issue.securityLevelId);
      return level
        ? {
            self: `${SITE_URL}/rest/api/3/securitylevel/${level.id}`,
            id: level.id,
            name: level.name,
            description: level.description,
          }
        : null;
    }
    case 'issuelinks':
      return issueLinksValue(store, issue);
    case 'comment': {
      const comments = issue.comments
        .filter((c) => showInternal || c.jsdPublic)
        .map((c) => commentBean(store, issue, c));
      return {
        comments,
        self: `${SITE_URL}/rest/api/3/issue/${issue.id}/comment`,
        maxResults: comments.length,
        total: comments.length,
        startAt: 0,
      };
    }
    default:
      return renderCustomValue(store, issue, def);
  }
}

function renderCustomValue(store: SiteStore, issue: SimIssue, def: FieldDef): unknown {
  if (def.kind === 'requestType') return requestTypeValue(store, issue);
  if (def.kind === 'organizations') {
    return issue.organizationIds.flatMap((id) => {
      const org = store.organizations.get(id);
      return org
        ? [
            {
              id: org.id,
              name: org.name,
              _links: { self: `${SITE_URL}/rest/servicedeskapi/organization/${org.id}` },
            },
          ]
        : [];
    });
  }
  return issue.custom[def.id] ?? null;
}

/** Request type field (`vp-origin`): `{_links, requestType, currentStatus}` or null. */
function requestTypeValue(store: SiteStore, issue: SimIssue): unknown {
  const requestType = issue.requestTypeId === null ? undefined : store.requestTypes.get(issue.requestTypeId);
  const status = store.statuses.get(issue.statusId);
  if (!requestType || !status) return null;
  return {
    _links: {
      self: `${SITE_URL}/rest/servicedeskapi/servicedesk/${requestType.serviceDeskId}/requesttype/${requestType.id}`,
    },
    requestType: {
      id: requestType.id,
      name: requestType.name,
      description: requestType.description,
      issueTypeId: requestType.issueTypeId,
      serviceDeskId: requestType.serviceDeskId,
      groupIds: [],
    },
    currentStatus: {
      status: status.name,
      statusCategory: status.category.toUpperCase(),
      statusDate: { iso8601: jiraDateTime(issue.updated), jira: jiraDateTime(issue.updated) },
    },
  };
}

/** `issuelinks`: each link seen from this issue, with the other side's key/summary/status/issuetype. */
function issueLinksValue(store: SiteStore, issue: SimIssue): unknown[] {
  return store.linksOf(issue.id).flatMap((link) => {
    const type = store.linkTypes.get(link.typeId);
    // Seen from the source the other side is the `outwardIssue`; seen from the destination, the `inwardIssue`.
    const outward = link.sourceIssueId === issue.id;
    const other = store.issue(outward ? link.destinationIssueId : link.sourceIssueId);
    if (!type || !other) return [];
    return [
      {
        id: link.id,
        self: `${SITE_URL}/rest/api/3/issueLink/${link.id}`,
        type: {
          id: type.id,
          name: type.name,
          inward: type.inward,
          outward: type.outward,
          self: `${SITE_URL}/rest/api/3/issueLinkType/${type.id}`,
        },
        [outward ? 'outwardIssue' : 'inwardIssue']: linkedIssueRef(store, other),
      },
    ];
  });
}

/** `LinkedIssue`: id, key, self and the four summary fields Jira includes. */
export function linkedIssueRef(store: SiteStore, issue: SimIssue): Record<string, unknown> {
  const status = store.statuses.get(issue.statusId);
  const type = store.issueTypes.get(issue.issueTypeId);
  return {
    id: issue.id,
    key: issue.key,
    self: `${SITE_URL}/rest/api/3/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      ...(status ? { status: statusBean(status) } : {}),
      ...(type ? { issuetype: issueTypeBean(type) } : {}),
    },
  };
}

/** Platform `Comment` bean. */
export function commentBean(
  store: SiteStore,
  issue: SimIssue,
  comment: SimIssue['comments'][number],
): Record<string, unknown> {
  const author = userRef(store, comment.authorAccountId);
  return {
    self: `${SITE_URL}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author,
    body: comment.body,
    updateAuthor: author,
    created: jiraDateTime(comment.created),
    updated: jiraDateTime(comment.updated),
    jsdPublic: comment.jsdPublic,
    jsdAuthorCanSeeRequest: true,
    ...(comment.visibility ? { visibility: comment.visibility } : {}),
  };
}
