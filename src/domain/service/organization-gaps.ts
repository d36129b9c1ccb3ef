import type { Settings } from '../config';
import { ownValue } from '../own-property';

/** What an organization lacks: a region (support hours and security level) or a language (the texts). */
export type OrganizationGap = 'region' | 'language';

/**
 * Organizations the settings leave to the fallbacks (PROCESS.md §1, §7): without a region a ticket gets the
 * default region's hours and the fallback security level; without a language its customers read the default
 * language, so an English-speaking customer may get German reminders. Names are compared as Jira spells them
 * (own properties only: an organization may be called `constructor`).
 *
 * @example
 * organizationGaps(['ACME', 'Globex'], settings); // [{ name: 'Globex', missing: ['region', 'language'] }]
 */
export function organizationGaps(
  names: readonly string[],
  s: Pick<Settings, 'regions' | 'languageByOrganization'>,
): { name: string; missing: OrganizationGap[] }[] {
  return names.flatMap((name) => {
    const missing: OrganizationGap[] = [];
    if (ownValue(s.regions.organizations, name) === undefined) missing.push('region');
    if (ownValue(s.languageByOrganization, name) === undefined) missing.push('language');
    return missing.length === 0 ? [] : [{ name, missing }];
  });
}
