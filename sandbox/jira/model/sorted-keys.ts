/** A key interval; `min > max` (or open ends on the same point) holds nothing. */
export interface KeyRange {
  min: number;
  max: number;
  minInclusive: boolean;
  maxInclusive: boolean;
}

/** Beyond this many pending changes a flush re-sorts everything instead of splicing entry by entry. */
const REBUILD_THRESHOLD = 2048;

const compareIds = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Issue ids sorted by a numeric key (an indexed property's instant or number), for range lookups. Writes only
 * record the issue's new keys; the sorted arrays catch up on the next lookup, splicing a few changes in place
 * or re-sorting after bulk writes, so neither a 50,000-issue bulk load nor an hourly sweep's writes are slow.
 */
export class SortedKeys {
  /** Entries sorted by (key, id). */
  private keys: number[] = [];
  private ids: string[] = [];
  /** The keys each issue has in the arrays. */
  private readonly applied = new Map<string, number[]>();
  /** Keys written since the last flush (`[]` = the issue has none any more). */
  private readonly pending = new Map<string, number[]>();
  /** Whether some issue has more than one key (then range lookups de-duplicate). */
  private multiKey = false;

  /** Record an issue's current keys (empty = not in the index). */
  set(issueId: string, keys: number[]): void {
    if (keys.length > 1) this.multiKey = true;
    this.pending.set(issueId, keys);
  }

  /** Issue ids whose key lies in `range`, in key order. */
  idsIn(range: KeyRange): string[] {
    const [from, to] = this.bounds(range);
    const ids = this.ids.slice(from, to);
    return this.multiKey ? [...new Set(ids)] : ids;
  }

  /** How many entries lie in `range` (an upper bound on `idsIn(range).length`). */
  countIn(range: KeyRange): number {
    const [from, to] = this.bounds(range);
    return to - from;
  }

  private bounds(range: KeyRange): [number, number] {
    this.flush();
    const from = this.firstIndex((k) => (range.minInclusive ? k >= range.min : k > range.min));
    const to = this.firstIndex((k) => (range.maxInclusive ? k > range.max : k >= range.max));
    return [from, Math.max(from, to)];
  }

  /** First index whose key satisfies a predicate that is monotone over the sorted keys. */
  private firstIndex(holds: (key: number) => boolean): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (holds(this.keys[mid] ?? 0)) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  private flush(): void {
    if (this.pending.size === 0) return;
    if (this.pending.size > REBUILD_THRESHOLD) {
      for (const [id, keys] of this.pending) this.record(id, keys);
      this.pending.clear();
      this.rebuild();
      return;
    }
    for (const [id, keys] of this.pending) {
      for (const key of this.applied.get(id) ?? []) this.removeEntry(key, id);
      for (const key of keys) this.insertEntry(key, id);
      this.record(id, keys);
    }
    this.pending.clear();
  }

  private record(id: string, keys: number[]): void {
    if (keys.length === 0) this.applied.delete(id);
    else this.applied.set(id, keys);
  }

  private rebuild(): void {
    const entries: [number, string][] = [];
    for (const [id, keys] of this.applied) for (const key of keys) entries.push([key, id]);
    entries.sort((a, b) => a[0] - b[0] || compareIds(a[1], b[1]));
    this.keys = entries.map((e) => e[0]);
    this.ids = entries.map((e) => e[1]);
  }

  /** Position of (key, id) in the arrays, or where it would go. */
  private position(key: number, id: string): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const k = this.keys[mid] ?? 0;
      const before = k < key || (k === key && compareIds(this.ids[mid] ?? '', id) < 0);
      if (before) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private insertEntry(key: number, id: string): void {
    const at = this.position(key, id);
    this.keys.splice(at, 0, key);
    this.ids.splice(at, 0, id);
  }

  private removeEntry(key: number, id: string): void {
    const at = this.position(key, id);
    if (this.keys[at] === key && this.ids[at] === id) {
      this.keys.splice(at, 1);
      this.ids.splice(at, 1);
    }
  }
}
