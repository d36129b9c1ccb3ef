import type { Principal } from '../contract';
import type { SiteStore } from './model/store';
import type { SimIssue, SimProject } from './model/types';

/** Jira's site-admin group: its members hold the global ADMINISTER permission. */
export const SITE_ADMIN_GROUP = 'jira-admins';

/** The caller's account id: `asApp()` calls act as the app's own user. */
export function actorAccountId(store: SiteStore, principal: Principal): string {
  return principal.kind === 'app' ? store.appAccountId : principal.accountId;
}

export function isSiteAdmin(store: SiteStore, accountId: string): boolean {
  return store.isInGroup(accountId, SITE_ADMIN_GROUP);
}

/** Agents: project role "Service Desk Team" (site admins act as agents too, as Jira's default scheme grants). */
export function isAgent(store: SiteStore, project: SimProject, accountId: string): boolean {
  return project.agentAccountIds.includes(accountId) || isSiteAdmin(store, accountId);
}

/** Staff = the app or an agent of the issue's project: may see internal comments, edit and transition. */
export function isStaff(store: SiteStore, principal: Principal, project: SimProject): boolean {
  return principal.kind === 'app' || isAgent(store, project, principal.accountId);
}

/**
 * May this principal see the issue at all? The app sees everything (it is granted all project permissions).
 * Agents see their project's issues; customers see requests they reported or participate in and requests shared
 * with one of their organizations. On top of that an issue security level hides the issue from anyone who is
 * not a member of the level (Jira then answers 404 and search omits the issue).
 */
export function canBrowse(store: SiteStore, principal: Principal, issue: SimIssue): boolean {
  if (principal.kind === 'app') return true;
  const accountId = principal.accountId;
  const project = store.projects.get(issue.projectId);
  if (!project) return false;
  const agent = isAgent(store, project, accountId);
  const customer =
    issue.reporterAccountId === accountId ||
    issue.participantAccountIds.includes(accountId) ||
    issue.organizationIds.some((orgId) =>
      store.organizations.get(orgId)?.memberAccountIds.includes(accountId),
    );
  if (!agent && !customer) return false;
  if (issue.securityLevelId === null) return true;
  const level = store.securityLevels.get(issue.securityLevelId);
  if (!level) return true;
  return (
    level.memberAccountIds.includes(accountId) ||
    (level.includesProjectRoleAgents && project.agentAccountIds.includes(accountId)) ||
    (level.includesReporter && issue.reporterAccountId === accountId)
  );
}

/** Jira permission keys the simulator answers in `mypermissions` / `permissions/check`. */
export const KNOWN_PERMISSIONS = [
  'ADMINISTER',
  'BROWSE_PROJECTS',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'ADD_COMMENTS',
  'CREATE_ISSUES',
  'LINK_ISSUES',
  'SET_ISSUE_SECURITY',
  'SERVICEDESK_AGENT',
] as const;

export type PermissionKey = (typeof KNOWN_PERMISSIONS)[number];

/** Whether the principal holds a permission, globally (no project) or in a project. */
export function hasPermission(
  store: SiteStore,
  principal: Principal,
  key: PermissionKey,
  project?: SimProject,
): boolean {
  if (principal.kind === 'app') return key !== 'ADMINISTER';
  const accountId = principal.accountId;
  if (key === 'ADMINISTER') return isSiteAdmin(store, accountId);
  const projects = project ? [project] : [...store.projects.values()];
  return projects.some((p) => {
    if (isAgent(store, p, accountId)) return true;
    // Customers hold the portal permissions only: browse their requests, comment and create.
    const user = store.users.get(accountId);
    return user !== undefined && ['BROWSE_PROJECTS', 'ADD_COMMENTS', 'CREATE_ISSUES'].includes(key);
  });
}
