import { createContext, useContext } from 'react';
import type { PageRead, PageReadAnswer, SiteCatalogView } from '../../../src/contract/resolvers';
import { viewThroughPageReads } from '../../shared/src/page-reads';
import type { Invoke } from './api';

/**
 * The names the site knows, for the pickers; `null` while loading or when the site could not be read, and
 * the pickers then fall back to free text so the page stays usable.
 */
export const SiteCatalogContext = createContext<SiteCatalogView | null>(null);

export function useSiteCatalog(): SiteCatalogView | null {
  return useContext(SiteCatalogContext);
}

type ReadJira = (read: PageRead) => Promise<PageReadAnswer>;

/** The people Jira's user search lists at most in one page. */
const PEOPLE_PAGE = 1000;

/**
 * The pickers' lists, read as the viewing admin (decision 0018): the resolver names the reads and computes the
 * lists from the page's answers; the people the page reads and narrows itself (staff only), since Jira's user
 * search lists every customer too.
 */
export async function loadSiteCatalog(invoke: Invoke, readJira: ReadJira): Promise<SiteCatalogView> {
  const [lists, people] = await Promise.all([
    viewThroughPageReads((payload) => invoke('getSiteCatalog', payload), readJira),
    readPeople(readJira).catch(() => []),
  ]);
  return { ...lists, people };
}

/**
 * Active Atlassian accounts (agents and staff) by display name, for the escalation ladder and the account
 * managers; customers and apps cannot be named there. A list Jira refuses is empty: those pickers are free text.
 */
async function readPeople(readJira: ReadJira): Promise<{ accountId: string; displayName: string }[]> {
  const answer = await readJira({
    id: 'people',
    method: 'GET',
    path: `/rest/api/3/users/search?maxResults=${PEOPLE_PAGE}`,
  });
  if (answer.status !== 200) return [];
  const users: unknown = JSON.parse(answer.body);
  if (!Array.isArray(users)) return [];
  const people: { accountId: string; displayName: string }[] = [];
  for (const user of users as Record<string, unknown>[]) {
    if (typeof user.accountId !== 'string' || user.accountType !== 'atlassian' || user.active === false)
      continue;
    const name = typeof user.displayName === 'string' ? user.displayName : user.accountId;
    people.push({ accountId: user.accountId, displayName: name });
  }
  return people.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Every IANA zone the browser knows, for the time zone pickers. */
export function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
}
