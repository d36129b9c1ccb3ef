/**
 * The parts of a create-issue body beside `fields` (`IssueUpdateDetails`): `properties` (entity properties set
 * with the new issue) and `update.issuelinks` (`add` links from the new issue, in the same call). Other `update`
 * operations on create are refused rather than ignored: the local site never pretends to have done a write.
 */
import type { SiteStore } from '../model/store';
import type { SimIssue, SimLink, SimLinkType } from '../model/types';
import { canBrowse } from '../permissions';
import type { Principal } from '../../contract';
import { propertyProblem } from './update-input';

/** A link the new issue gets: it is the inward side (source) when the body names `outwardIssue`. */
interface PlannedLink {
  type: SimLinkType;
  other: SimIssue;
  newIsSource: boolean;
}

export interface CreateExtras {
  properties: { key: string; value: unknown }[];
  links: PlannedLink[];
}

type Ref = { key?: string; id?: string } | undefined;

/** Parses `properties` and `update` of a create body; a string is the error Jira would answer (400). */
export function parseCreateExtras(
  store: SiteStore,
  principal: Principal,
  body: Record<string, unknown>,
): CreateExtras | string {
  const extras: CreateExtras = { properties: [], links: [] };
  if (body.properties !== undefined) {
    if (!Array.isArray(body.properties)) return 'properties must be a list.';
    for (const p of body.properties as { key?: unknown; value?: unknown }[]) {
      const problem = propertyProblem(p.key, p.value);
      if (problem) return problem;
      extras.properties.push({ key: p.key as string, value: p.value });
    }
  }
  const update = (body.update ?? {}) as Record<string, unknown>;
  for (const [fieldId, operations] of Object.entries(update)) {
    if (fieldId !== 'issuelinks') return `Field '${fieldId}': only issuelinks can be updated on create here.`;
    if (!Array.isArray(operations)) return 'Operations must be a list.';
    for (const op of operations as { add?: Record<string, unknown> }[]) {
      if (!op.add) return 'Only the add operation is supported for issue links.';
      const typeRef = op.add.type as { id?: string; name?: string } | undefined;
      const type = [...store.linkTypes.values()].find(
        (t) => t.id === typeRef?.id || t.name === typeRef?.name,
      );
      if (!type) return `No issue link type with name '${typeRef?.name ?? typeRef?.id ?? ''}' found.`;
      const outward = op.add.outwardIssue as Ref;
      const ref = outward ?? (op.add.inwardIssue as Ref);
      const other = store.issue(ref?.key ?? ref?.id ?? '');
      if (!other || !canBrowse(store, principal, other)) return `Issue '${ref?.key ?? ''}' does not exist.`;
      extras.links.push({ type, other, newIsSource: outward !== undefined });
    }
  }
  return extras;
}

/** Applies the parsed extras to the issue just created (inside the create's commit). */
export function applyCreateExtras(
  store: SiteStore,
  extras: CreateExtras,
  created: SimIssue,
  writeLink: (link: SimLink) => void,
): void {
  for (const { key, value } of extras.properties) created.properties[key] = value;
  for (const { type, other, newIsSource } of extras.links) {
    writeLink({
      id: store.nextId('link'),
      typeId: type.id,
      sourceIssueId: newIsSource ? created.id : other.id,
      destinationIssueId: newIsSource ? other.id : created.id,
    });
  }
}
