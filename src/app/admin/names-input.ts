import type { NameMappings } from '../../contract/settings';
import type { FieldProblem, Fragment } from './section-result';
import { REGION_SOURCE_FIELD } from './settings-view';

/**
 * The page's names section as the domain's `names` (PROCESS.md: every name is configuration). Presence and
 * distinctness of the names are the domain's rules (`consistency-rules.ts`); here only what the page's shape
 * can tell: the region is not a field of its own.
 */
export function namesInput(names: NameMappings): { fragment: Fragment } | { problems: FieldProblem[] } {
  if (names.fields.region.trim().toLowerCase() !== REGION_SOURCE_FIELD.toLowerCase()) {
    return {
      problems: [
        {
          path: 'names.fields.region',
          message: `names.fields.region: the region comes from the ticket's JSM organization (field "${REGION_SOURCE_FIELD}"); map organizations to regions instead`,
          rule: { kind: 'regionFromOrganization', field: REGION_SOURCE_FIELD },
        },
      ],
    };
  }
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
