import type { NameMappings } from '../../contract/settings';
import type { FieldProblem } from './settings-input';
import { REGION_SOURCE_FIELD } from './settings-view';

type Fragment = Record<string, unknown>;

/**
 * Groups of keys given the same name. Jira compares priority and option names case-insensitively, so two
 * guide priorities mapped to one Jira priority could not be told apart when a ticket is read back.
 */
function sameNames(names: Record<string, string>): string[][] {
  const byName = new Map<string, string[]>();
  for (const [key, name] of Object.entries(names)) {
    const normal = name.trim().toLowerCase();
    if (normal !== '') byName.set(normal, [...(byName.get(normal) ?? []), key]);
  }
  return [...byName.values()].filter((keys) => keys.length > 1);
}

/** A problem on the second (and any further) key of every group of keys that share one name. */
function duplicateProblems(group: string, names: Record<string, string>, meaning: string): FieldProblem[] {
  return sameNames(names).flatMap((keys) =>
    keys.slice(1).map((key) => ({
      path: `names.${group}.${key}`,
      message: `names.${group}.${key}: "${names[key]?.trim()}" is also the name for ${keys[0]}; ${meaning}`,
    })),
  );
}

/**
 * The page's names section as the domain's `names` (PROCESS.md: every name is configuration). Whether each
 * name is present is the domain's rule; here what only the page's shape can tell: the region is not a field
 * of its own, and names the app must tell apart (P1–P4, Yes/No, Production/Non-Production) differ.
 */
export function namesInput(names: NameMappings): { fragment: Fragment } | { problems: FieldProblem[] } {
  if (names.fields.region.trim().toLowerCase() !== REGION_SOURCE_FIELD.toLowerCase()) {
    return {
      problems: [
        {
          path: 'names.fields.region',
          message: `names.fields.region: the region comes from the ticket's JSM organization (field "${REGION_SOURCE_FIELD}"); map organizations to regions instead`,
        },
      ],
    };
  }
  const problems = [
    ...duplicateProblems('priorities', names.priorities, 'each guide priority needs its own Jira priority'),
    ...duplicateProblems(
      'fieldValues',
      { yes: names.fieldValues.yes, no: names.fieldValues.no },
      'the answers must differ',
    ),
    ...duplicateProblems(
      'fieldValues',
      { production: names.fieldValues.production, nonProduction: names.fieldValues.nonProduction },
      'the environments must differ',
    ),
  ];
  if (problems.length > 0) return { problems };
  const { region: _region, ...fields } = names.fields;
  return {
    fragment: {
      names: {
        kinds: names.kinds,
        statuses: names.statuses,
        fields,
        fieldValues: names.fieldValues,
        priorities: names.priorities,
        deliveryLinkType: { ...names.deliveryLinkType },
        resolutionOnClose: names.resolutionOnClose,
        customValue: names.customValue,
      },
    },
  };
}
