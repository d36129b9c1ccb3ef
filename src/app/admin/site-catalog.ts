import { z } from 'zod';
import type { SiteCatalogView } from '../../contract/admin-views';
import { holidayRegionCatalogue } from '../../domain/calendar/holiday-regions';
import type { SiteDirectoryGateway } from '../ports/jira';
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

/**
 * What the admin page's pickers offer: the site's issue types, statuses, fields, resolutions, link types, request
 * types, JSM organizations, people and priorities, read in parallel as the admin (one call each); the security
 * levels of each managed project's issue security scheme (one call per project); and the holiday calendars the
 * app itself knows (no call). Jira administrators only.
 */
export async function getSiteCatalog(
  payload: unknown,
  deps: { admin: AdminDeps; directory: SiteDirectoryGateway },
): Promise<SiteCatalogView> {
  const { admin, directory } = deps;
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
    people,
    priorities,
    levels,
  ] = await Promise.all([
    admin.userMeta.getIssueTypes(),
    admin.userMeta.getStatuses(),
    admin.user.getFields(),
    admin.userMeta.getIssueLinkTypes(),
    directory.getResolutions(),
    directory.getRequestTypes(),
    directory.getOrganizations(),
    directory.getPeople(),
    orNone(directory.getPriorities()),
    Promise.all(config.projects.map((key) => orNone(admin.userMeta.getProjectSecurityLevels(key)))),
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
    people: [...people].sort((a, b) => a.displayName.localeCompare(b.displayName)),
    priorities: [...new Set(priorities)],
    securityLevels: sorted(levels.flat().map((l) => l.name)),
    holidayRegions: holidayRegionCatalogue().map((r) => ({ code: r.code, name: { ...r.name } })),
  };
}
