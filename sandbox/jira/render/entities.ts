import type { SiteStore } from '../model/store';
import type { SimIssueType, SimProject, SimResolution, SimStatus, SimUser } from '../model/types';
import { SITE_URL } from './format';

const CATEGORY = {
  new: { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, key: 'done', name: 'Done', colorName: 'green' },
} as const;

function avatarUrls(seed: string): Record<'16x16' | '24x24' | '32x32' | '48x48', string> {
  const url = `${SITE_URL}/avatar/${encodeURIComponent(seed)}`;
  return { '16x16': url, '24x24': url, '32x32': url, '48x48': url };
}

/** Platform `UserDetails` (embedded in issues, comments, changelogs; no locale there). */
function userDetails(user: SimUser): Record<string, unknown> {
  return {
    self: `${SITE_URL}/rest/api/3/user?accountId=${user.accountId}`,
    accountId: user.accountId,
    accountType: user.accountType,
    ...(user.emailAddress === undefined ? {} : { emailAddress: user.emailAddress }),
    avatarUrls: avatarUrls(user.accountId),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
  };
}

/** Platform `User` (GET user / myself): UserDetails plus locale. */
export function userBean(user: SimUser): Record<string, unknown> {
  return { ...userDetails(user), locale: user.locale };
}

/** User by id, rendered; unknown ids render as an inactive "Former user" like Jira does. */
export function userRef(store: SiteStore, accountId: string | null): Record<string, unknown> | null {
  if (accountId === null) return null;
  const user = store.users.get(accountId) ?? {
    accountId,
    displayName: 'Former user',
    accountType: 'atlassian' as const,
    locale: 'en_US',
    timeZone: 'UTC',
    active: false,
  };
  return userDetails(user);
}

/** JSM `UserDTO`. */
export function userDto(store: SiteStore, accountId: string): Record<string, unknown> {
  const user = store.users.get(accountId);
  return {
    accountId,
    displayName: user?.displayName ?? 'Former user',
    active: user?.active ?? false,
    timeZone: user?.timeZone ?? 'UTC',
    ...(user?.emailAddress === undefined ? {} : { emailAddress: user.emailAddress }),
    _links: {
      jiraRest: `${SITE_URL}/rest/api/2/user?accountId=${accountId}`,
      avatarUrls: avatarUrls(accountId),
      self: `${SITE_URL}/rest/api/2/user?accountId=${accountId}`,
    },
  };
}

function statusCategoryBean(status: SimStatus): Record<string, unknown> {
  const category = CATEGORY[status.category];
  return { self: `${SITE_URL}/rest/api/3/statuscategory/${category.id}`, ...category };
}

/** JSM's status category enum for a status. */
export function serviceDeskCategory(status: SimStatus): 'NEW' | 'INDETERMINATE' | 'DONE' {
  return status.category === 'new' ? 'NEW' : status.category === 'done' ? 'DONE' : 'INDETERMINATE';
}

export function statusBean(status: SimStatus): Record<string, unknown> {
  return {
    self: `${SITE_URL}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${SITE_URL}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: statusCategoryBean(status),
  };
}

export function issueTypeBean(type: SimIssueType): Record<string, unknown> {
  return {
    self: `${SITE_URL}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${SITE_URL}/images/icons/issuetypes/${type.id}.svg`,
    name: type.name,
    subtask: false,
    hierarchyLevel: 0,
  };
}

export function resolutionBean(resolution: SimResolution): Record<string, unknown> {
  return {
    self: `${SITE_URL}/rest/api/3/resolution/${resolution.id}`,
    id: resolution.id,
    description: resolution.description,
    name: resolution.name,
  };
}

/** The short project shape embedded in issues. */
export function projectRef(project: SimProject): Record<string, unknown> {
  return {
    self: `${SITE_URL}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'service_desk',
    simplified: false,
    avatarUrls: avatarUrls(project.key),
  };
}
