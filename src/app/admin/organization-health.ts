import { z } from 'zod';
import type { OrganizationHealthView } from '../../contract/admin-views';
import { organizationGaps } from '../../domain/service/organization-gaps';
import type { SiteDirectoryGateway } from '../ports/jira';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { InvalidPayloadError, issueLines } from './invalid-payload-error';

/**
 * The site's JSM organizations (read as the admin, one read the resolver hands the page, decision 0022) that the
 * site settings give no region or no language, so the admin sees whose customers get the default region's hours
 * or the default language. Jira administrators only: the check is the backend's own, as the user, first.
 */
export async function getOrganizationHealth(
  payload: unknown,
  deps: { admin: AdminDeps; directory: Pick<SiteDirectoryGateway, 'getOrganizations'> },
): Promise<OrganizationHealthView> {
  await requireJiraAdmin(deps.admin);
  const parsed = z.strictObject({}).safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const [{ config }, names] = await Promise.all([
    deps.admin.app.config.load(),
    deps.directory.getOrganizations(),
  ]);
  return {
    organizations: organizationGaps(
      [...new Set(names)].sort((a, b) => a.localeCompare(b)),
      config,
    ),
    defaultRegion: config.regions.defaultRegion,
    defaultLanguage: config.defaultLanguage,
  };
}
