import { z } from 'zod';
import type { SiteCatalogView } from '../../contract/admin-views';
import type { SiteDirectoryGateway } from '../ports/jira';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { InvalidPayloadError, issueLines } from './invalid-payload-error';

/** Distinct names in the admin's locale order (Jira may list a name twice, e.g. a status in two projects). */
function sorted(names: readonly string[]): string[] {
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}

/**
 * What the admin page's pickers offer: the site's issue types, statuses, fields, resolutions, link types, request
 * types, JSM organizations and people, read in parallel as the admin (one call each). Jira administrators only.
 */
export async function getSiteCatalog(
  payload: unknown,
  deps: { admin: AdminDeps; directory: SiteDirectoryGateway },
): Promise<SiteCatalogView> {
  const { admin, directory } = deps;
  await requireJiraAdmin(admin.user);
  const parsed = z.strictObject({}).safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const [issueTypes, statuses, fields, linkTypes, resolutions, requestTypes, organizations, people] =
    await Promise.all([
      admin.userMeta.getIssueTypes(),
      admin.userMeta.getStatuses(),
      admin.user.getFields(),
      admin.userMeta.getIssueLinkTypes(),
      directory.getResolutions(),
      directory.getRequestTypes(),
      directory.getOrganizations(),
      directory.getPeople(),
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
  };
}
