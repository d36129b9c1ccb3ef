import { comparableKey, type JqlConstraint, type JqlContext, type JqlFieldRef } from '../jql';
import type { IndexedAttribute } from '../model/observed-issue';
import type { SiteStore } from '../model/store';
import type { SimIssue } from '../model/types';
import { scalarsOf } from '../jql/values';
import type { IndexedProperty } from './indexed-properties';
import { indexedPropertyValue } from './property-values';

/** The store's key index name for an indexed property path. */
const propertyIndexName = (propertyKey: string, path: string): string => `${propertyKey}.${path}`;

/**
 * Define a sorted key index for every `date` and `number` path the manifest indexes, so range terms such as
 * `processNextDue <= now()` are answered from the index. Keys come from the same value function JQL uses.
 */
export function registerPropertyIndexes(store: SiteStore, indexed: IndexedProperty[]): void {
  for (const property of indexed) {
    if (property.type !== 'date' && property.type !== 'number') continue;
    const mode = property.type;
    store.defineKeyIndex({
      name: propertyIndexName(property.propertyKey, property.path),
      propertyKey: property.propertyKey,
      // Every value search sees now or will see once the index catches up: a superset of what matches.
      keysOf: (issue) =>
        store.searchLag.pending(issue, property.propertyKey, Date.now()).flatMap((raw) =>
          scalarsOf(indexedPropertyValue(issue, property, () => raw)).flatMap((v) => {
            const key = comparableKey(v, mode);
            return key === undefined ? [] : [key];
          }),
        ),
    });
  }
}

/** System fields whose value depends on one bucket-indexed attribute only. */
const ATTRIBUTE_OF: Record<string, IndexedAttribute> = {
  project: 'projectId',
  status: 'statusId',
  statusCategory: 'statusId',
  issuetype: 'issueTypeId',
};

interface Candidates {
  size: number;
  ids: () => Iterable<string>;
}

function fromBuckets(
  store: SiteStore,
  attribute: IndexedAttribute,
  constraint: JqlConstraint,
  ref: JqlFieldRef,
  ctx: JqlContext,
): Candidates {
  // Decide per distinct value with a probe issue: the same value function and test `matches` uses.
  const sets = store.index
    .values(attribute)
    .filter((value) => constraint.accepts(ctx.fieldValue({ [attribute]: value }, ref), ctx))
    .map((value) => store.index.idsWith(attribute, value));
  return {
    size: sets.reduce((sum, ids) => sum + ids.size, 0),
    ids: () => sets.flatMap((ids) => [...ids]),
  };
}

function optionFor(store: SiteStore, constraint: JqlConstraint, ctx: JqlContext): Candidates | undefined {
  const ref = ctx.resolveField(constraint.field);
  if (!ref) return undefined;
  if (ref.kind === 'system') {
    const attribute = ATTRIBUTE_OF[ref.id];
    return attribute ? fromBuckets(store, attribute, constraint, ref, ctx) : undefined;
  }
  if (ref.kind !== 'property') return undefined;
  const range = constraint.keyRange(ctx);
  return range ? store.index.keyRange(propertyIndexName(ref.propertyKey, ref.path), range) : undefined;
}

/**
 * The issues a search needs to test, picked from the store's indexes by the query's top-level constraints (the
 * smallest candidate set wins), or undefined when no constraint narrows the search (scan everything). The
 * result is a superset of the matching issues, in no particular order; callers still apply `matches`.
 */
export function candidateIssues(
  store: SiteStore,
  constraints: JqlConstraint[],
  ctx: JqlContext,
): SimIssue[] | undefined {
  let best: Candidates | undefined;
  for (const constraint of constraints) {
    const option = optionFor(store, constraint, ctx);
    if (option && (!best || option.size < best.size)) best = option;
    if (best?.size === 0) break;
  }
  if (!best || best.size >= store.issueCount) return undefined;
  const issues: SimIssue[] = [];
  for (const id of best.ids()) {
    const issue = store.issue(id);
    if (issue) issues.push(issue);
  }
  return issues;
}
