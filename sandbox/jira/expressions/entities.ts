import type { SiteStore } from '../model/store';
import type { SimIssue, SimProject, SimTransition } from '../model/types';
import { Entity, type ExprValue, PropertyBag } from './values';

/**
 * Jira-expression views of the site's data, with the fields the Jira expressions type reference gives them
 * (ids of issues, projects, statuses and transitions are Numbers; issue type ids are Strings) and nothing more.
 */

function statusEntity(store: SiteStore, statusId: string): Entity {
  const status = store.statuses.get(statusId);
  return new Entity('Status', {
    id: () => Number(statusId),
    name: () => status?.name ?? statusId,
  });
}

function issueTypeEntity(store: SiteStore, typeId: string): Entity {
  const type = store.issueTypes.get(typeId);
  return new Entity('IssueType', { id: () => typeId, name: () => type?.name ?? typeId });
}

function projectEntity(store: SiteStore, project: SimProject): Entity {
  return new Entity('Project', {
    id: () => Number(project.id),
    key: () => project.key,
    name: () => project.name,
    properties: () => new PropertyBag((key) => store.projectProperties.get(project.id)?.get(key)),
  });
}

function userEntity(store: SiteStore, accountId: string): Entity {
  const user = store.users.get(accountId);
  return new Entity('User', {
    accountId: () => accountId,
    displayName: () => user?.displayName ?? null,
  });
}

function issueEntity(store: SiteStore, issue: SimIssue): Entity {
  const project = store.projects.get(issue.projectId);
  return new Entity('Issue', {
    id: () => Number(issue.id),
    key: () => issue.key,
    summary: () => issue.summary,
    issueType: () => issueTypeEntity(store, issue.issueTypeId),
    status: () => statusEntity(store, issue.statusId),
    project: () => (project ? projectEntity(store, project) : null),
    properties: () => new PropertyBag((key) => issue.properties[key]),
  });
}

function transitionEntity(store: SiteStore, issue: SimIssue, transition: SimTransition): Entity {
  return new Entity('Transition', {
    id: () => Number(transition.id),
    name: () => transition.name,
    from: () => statusEntity(store, issue.statusId),
    to: () => statusEntity(store, transition.to),
    hasScreen: () => transition.screenFields.length > 0,
    isGlobal: () => transition.from.length === 0,
    isInitial: () => false,
    isLooped: () => false,
  });
}

/** `app`: the Forge app whose module is evaluated; its properties are the Forge app properties. */
function appEntity(store: SiteStore): Entity {
  return new Entity('App', {
    properties: () => new PropertyBag((key) => store.appProperties.get(key)),
  });
}

/** The variables every module's context has: the acting user, the issue and its project. */
function commonContext(store: SiteStore, issue: SimIssue, accountId: string): Record<string, ExprValue> {
  const project = store.projects.get(issue.projectId);
  return {
    user: userEntity(store, accountId),
    issue: issueEntity(store, issue),
    project: project ? projectEntity(store, project) : null,
  };
}

/**
 * Context of `jira:workflowValidator` and `jira:workflowCondition` expressions: `user`, `issue`, `project`,
 * `transition` and `app` (whose properties are the Forge app properties).
 */
export function workflowContext(
  store: SiteStore,
  issue: SimIssue,
  transition: SimTransition,
  accountId: string,
): Record<string, ExprValue> {
  return {
    ...commonContext(store, issue, accountId),
    transition: transitionEntity(store, issue, transition),
    app: appEntity(store),
  };
}

/**
 * Context of a `jira:actionValidator` for `workItemTypeChanged`, exactly as its module page lists it: `user`,
 * `issue`, `project`, `newIssueType` (the new type's id, a String) and `newIssueTypeData`. No `app`.
 */
export function typeChangeContext(
  store: SiteStore,
  issue: SimIssue,
  newTypeId: string,
  accountId: string,
): Record<string, ExprValue> {
  return {
    ...commonContext(store, issue, accountId),
    newIssueType: newTypeId,
    newIssueTypeData: issueTypeEntity(store, newTypeId),
  };
}
