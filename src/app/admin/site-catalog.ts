import { z } from 'zod';
import type { SiteListsView } from '../../contract/admin-views';
import { holidayRegionCatalogue } from '../../domain/calendar/holiday-regions';
import type { JiraGateway, SiteDirectoryGateway, SiteMetadataGateway } from '../ports/jira';
import { JiraHttpError } from '../ports/jira-errors';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { InvalidPayloadError, issueLines } from './invalid-payload-error';

/** Distinct names in the admin's locale order (Jira may list a name twice, e.g. a status in two projects). */
function sorted(names: readonly string[]): string[] {
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}

/** A list Jira refuses to show the admin (401/403/404) is a list the site does not offer: the picker is free text. */
async function orNone<T>(read: Promise<T[]>): Promise<T[]> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof JiraHttpError && [401, 403, 404].includes(error.status)) return [];
    throw error;
  }
}

/** Where the pickers' lists are read: Jira as the admin, through the page's own reads (decision 0018). */
export interface SiteReads {
  user: Pick<JiraGateway, 'getFields'>;
  userMeta: Pick<
    SiteMetadataGateway,
    'getIssueTypes' | 'getStatuses' | 'getIssueLinkTypes' | 'getProjectSecurityLevels'
  >;
  directory: SiteDirectoryGateway;
}

/**
 * What the admin page's pickers offer: the site's issue types, statuses, fields, resolutions, link types, request
 * types, JSM organizations and priorities, read in parallel as the admin (one read each, made by the page); the
 * security levels of each managed project's issue security scheme (one read per project); and the holiday
 * calendars the app itself knows (no read). The page reads the people itself. Jira administrators only: the
 * check is the backend's own, as the user, before anything else.
 */
export async function getSiteCatalog(
  payload: unknown,
  deps: { admin: AdminDeps; site: SiteReads },
): Promise<SiteListsView> {
  const { admin, site } = deps;
  const { directory } = site;
  await requireJiraAdmin(admin);
  const parsed = z.strictObject({}).safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const { config } = await admin.app.config.load();
  const [
    issueTypes,
    statuses,
    fields,
    linkTypes,
    resolutions,
    requestTypes,
    organizations,
    priorities,
    levels,
  ] = await Promise.all([
    site.userMeta.getIssueTypes(),
    site.userMeta.getStatuses(),
    site.user.getFields(),
    site.userMeta.getIssueLinkTypes(),
    directory.getResolutions(),
    directory.getRequestTypes(),
    directory.getOrganizations(),
    orNone(directory.getPriorities()),
    Promise.all(config.projects.map((key) => orNone(site.userMeta.getProjectSecurityLevels(key)))),
  ]);
  return {
    issueTypes: sorted(issueTypes.map((t) => t.name)),
    statuses: sorted(statuses.map((s) => s.name)),
    fields: sorted(fields.map((f) => f.name)),
    resolutions: sorted(resolutions),
    linkTypes: linkTypes
      .map((l) => ({ name: l.name, outward: l.outward, inward: l.inward }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    requestTypes: sorted(requestTypes),
    organizations: sorted(organizations),
    priorities: [...new Set(priorities)],
    securityLevels: sorted(levels.flat().map((l) => l.name)),
    holidayRegions: holidayRegionCatalogue().map((r) => ({ code: r.code, name: { ...r.name } })),
  };
}
