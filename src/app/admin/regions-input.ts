import type { RegionSettings } from '../../contract/settings';
import type { FieldProblem, Fragment } from './section-result';

/** Problems with the names of a table's rows: every row needs one, and no name may repeat. */
function nameProblems(names: string[], path: (index: number) => string, what: string): FieldProblem[] {
  return names.flatMap((name, index): FieldProblem[] => {
    if (name === '')
      return [
        { path: path(index), message: `${path(index)}: must name the ${what}`, rule: { kind: 'rowUnnamed' } },
      ];
    if (names.indexOf(name) !== index)
      return [
        {
          path: path(index),
          message: `${path(index)}: "${name}" is listed twice`,
          rule: { kind: 'rowTwice', name },
        },
      ];
    return [];
  });
}

/**
 * The page's regions section as the domain's `regions`, `languageByOrganization` and `defaultLanguage`
 * (PROCESS.md §1, §7). Whether a time zone, holiday region or referenced region exists is the domain's rule
 * (`parseConfig`); here only what the tables themselves need: named, unique rows.
 */
export function regionsInput(value: RegionSettings): { fragment: Fragment } | { problems: FieldProblem[] } {
  const regionIds = value.regions.map((r) => r.region.trim());
  const organizations = value.organizations.map((o) => o.organization.trim());
  const problems = [
    ...nameProblems(regionIds, (i) => `regions.regions.${i}.region`, 'region'),
    ...nameProblems(organizations, (i) => `regions.organizations.${i}.organization`, 'organization'),
    ...value.organizations.flatMap((o, i) =>
      o.region.trim() === '' && o.language === ''
        ? [
            {
              path: `regions.organizations.${i}.region`,
              message: `regions.organizations.${i}.region: choose a region or a language for "${o.organization.trim()}", or remove the row`,
              rule: { kind: 'regionOrLanguage' as const },
            },
          ]
        : [],
    ),
  ];
  if (problems.length > 0) return { problems };
  const regions = Object.fromEntries(
    value.regions.map((r) => [
      r.region.trim(),
      {
        ...(r.name.trim() === '' ? {} : { name: r.name.trim() }),
        securityLevel: r.securityLevel,
        timeZone: r.timeZone.trim(),
        holidayRegion: r.holidayRegion.trim(),
      },
    ]),
  );
  const byRegion = value.organizations.flatMap((o): [string, string][] =>
    o.region.trim() === '' ? [] : [[o.organization.trim(), o.region.trim()]],
  );
  const byLanguage = value.organizations.flatMap((o): [string, string][] =>
    o.language === '' ? [] : [[o.organization.trim(), o.language]],
  );
  return {
    fragment: {
      regions: {
        regions,
        organizations: Object.fromEntries(byRegion),
        defaultRegion: value.defaultRegion.trim(),
        fallbackSecurityLevel: value.fallbackSecurityLevel,
        liftRestrictionOnNo: value.liftRestrictionOnNo,
      },
      languageByOrganization: Object.fromEntries(byLanguage),
      defaultLanguage: value.defaultLanguage,
    },
  };
}
