import type { SimIssue } from '../model/types';

/** One value an entity property had, from `at` (epoch ms; `-Infinity` for what the issue held when inserted). */
interface Version {
  at: number;
  value: unknown;
}

/**
 * What JQL search sees of issue entity properties. `/rest/api/3/search/jql` is eventually consistent: "after a
 * write operation is performed, subsequent search operations … may return stale or outdated data … from a few
 * seconds to minutes" unless the issue is named in `reconcileIssues` (developer.atlassian.com, "Search After Write
 * with Search And Reconcile"). A property write therefore becomes visible to search `lagMs` after it was made;
 * until then search matches and returns the value before it. Issues inserted directly (seeding, benchmarks) are
 * visible at once.
 */
export class SearchIndexLag {
  private readonly versions = new WeakMap<SimIssue, Map<string, Version[]>>();

  constructor(public lagMs: number) {}

  /** Remembers what an inserted issue holds, as already indexed. */
  seed(issue: SimIssue): void {
    const byKey = new Map<string, Version[]>();
    for (const [key, value] of Object.entries(issue.properties))
      byKey.set(key, [{ at: -Infinity, value: copy(value) }]);
    this.versions.set(issue, byKey);
  }

  /** Records a write of `key` (or of every key when undefined) made at `at`. */
  written(issue: SimIssue, key: string | undefined, at: number): void {
    let byKey = this.versions.get(issue);
    if (!byKey) {
      byKey = new Map();
      this.versions.set(issue, byKey);
    }
    const keys = key === undefined ? new Set([...byKey.keys(), ...Object.keys(issue.properties)]) : [key];
    for (const k of keys) {
      const list = byKey.get(k) ?? [{ at: -Infinity, value: undefined }];
      // Versions older than the one search sees now can never be seen again.
      const seen = this.seenIndex(list, at);
      const kept = list.slice(seen);
      kept.push({ at, value: copy(issue.properties[k]) });
      byKey.set(k, kept);
    }
  }

  /** The value of `key` search sees at `now` (the live value when the issue is reconciled). */
  visible(issue: SimIssue, key: string, now: number): unknown {
    const list = this.versions.get(issue)?.get(key);
    if (!list) return issue.properties[key];
    return list[this.seenIndex(list, now)]?.value;
  }

  /** Every value of `key` search sees now or will see later: a key index holding all of them is a superset. */
  pending(issue: SimIssue, key: string, now: number): unknown[] {
    const list = this.versions.get(issue)?.get(key);
    if (!list) return [issue.properties[key]];
    return list.slice(this.seenIndex(list, now)).map((v) => v.value);
  }

  private seenIndex(list: Version[], now: number): number {
    let seen = 0;
    for (let i = 0; i < list.length; i++) if ((list[i]?.at ?? 0) + this.lagMs <= now) seen = i;
    return seen;
  }
}

const copy = (value: unknown): unknown =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
