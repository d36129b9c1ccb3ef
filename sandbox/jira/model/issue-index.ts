import { INDEXED_ATTRIBUTES, type IndexedAttribute, type IssueChange } from './observed-issue';
import { type KeyRange, SortedKeys } from './sorted-keys';
import type { SimIssue } from './types';

/**
 * A sorted index over numeric keys derived from an issue's entity properties (an indexed property path's
 * instant or number). `keysOf` must return the keys exactly as searches compare them.
 */
export interface KeyIndexDefinition {
  /** Lookup name, e.g. `jsm-process-state.nextDueAt`. */
  name: string;
  /** The entity property whose writes change the keys. */
  propertyKey: string;
  keysOf(issue: SimIssue): number[];
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * The store's search indexes: issue ids per project, status and issue type, and per defined key index a
 * sorted list. Kept current on every insert, delete and observed write (see `observeIssue`).
 */
export class IssueIndex {
  private readonly buckets = new Map<IndexedAttribute, Map<string, Set<string>>>(
    INDEXED_ATTRIBUTES.map((a) => [a, new Map()]),
  );
  private readonly keyed = new Map<string, { def: KeyIndexDefinition; sorted: SortedKeys }>();

  add(issue: SimIssue): void {
    for (const attribute of INDEXED_ATTRIBUTES) this.enter(attribute, issue[attribute], issue.id);
    for (const { def, sorted } of this.keyed.values()) sorted.set(issue.id, def.keysOf(issue));
  }

  remove(issue: SimIssue): void {
    for (const attribute of INDEXED_ATTRIBUTES) this.leave(attribute, issue[attribute], issue.id);
    for (const { sorted } of this.keyed.values()) sorted.set(issue.id, []);
  }

  /** Apply one observed change of an indexed issue. */
  changed(issue: SimIssue, change: IssueChange): void {
    if (change.kind === 'attribute') {
      this.leave(change.attribute, change.from, issue.id);
      this.enter(change.attribute, change.to, issue.id);
      return;
    }
    for (const { def, sorted } of this.keyed.values())
      if (change.key === undefined || change.key === def.propertyKey) sorted.set(issue.id, def.keysOf(issue));
  }

  /** Define (or redefine) a key index and fill it from `issues`. */
  define(def: KeyIndexDefinition, issues: Iterable<SimIssue>): void {
    const sorted = new SortedKeys();
    for (const issue of issues) sorted.set(issue.id, def.keysOf(issue));
    this.keyed.set(def.name, { def, sorted });
  }

  hasKeyIndex(name: string): boolean {
    return this.keyed.has(name);
  }

  /** The distinct values an attribute has among the indexed issues. */
  values(attribute: IndexedAttribute): string[] {
    return [...(this.buckets.get(attribute)?.keys() ?? [])];
  }

  /** Ids of the issues whose attribute has `value`. */
  idsWith(attribute: IndexedAttribute, value: string): ReadonlySet<string> {
    return this.buckets.get(attribute)?.get(value) ?? EMPTY;
  }

  /** Ids in a key index's range (undefined when no such index is defined), with a cheap size first. */
  keyRange(name: string, range: KeyRange): { size: number; ids: () => string[] } | undefined {
    const entry = this.keyed.get(name);
    if (!entry) return undefined;
    return { size: entry.sorted.countIn(range), ids: () => entry.sorted.idsIn(range) };
  }

  private enter(attribute: IndexedAttribute, value: string, id: string): void {
    const byValue = this.buckets.get(attribute);
    if (!byValue) return;
    let ids = byValue.get(value);
    if (!ids) {
      ids = new Set();
      byValue.set(value, ids);
    }
    ids.add(id);
  }

  private leave(attribute: IndexedAttribute, value: string, id: string): void {
    const byValue = this.buckets.get(attribute);
    const ids = byValue?.get(value);
    if (!byValue || !ids) return;
    ids.delete(id);
    if (ids.size === 0) byValue.delete(value);
  }
}
