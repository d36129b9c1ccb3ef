import type { SimIssue } from '../model/types';

/** One value an entity property had, from `at` (epoch ms; `-Infinity` for what the issue held when inserted). */
interface Version {
  at: number;
  value: unknown;
}

/** The fields of an issue as the search index holds them, with how many comments and histories it had then. */
interface FieldVersion {
  at: number;
  fields: Record<string, unknown>;
  comments: number;
  histories: number;
}

/** Everything of an issue search can match or return, apart from properties, comments and histories. */
function fieldsOf(issue: SimIssue): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(issue)) {
    if (name === 'properties' || name === 'comments' || name === 'histories') continue;
    fields[name] = copy(value);
  }
  return fields;
}

/**
 * What JQL search sees of issues. `/rest/api/3/search/jql` is eventually consistent: "after a write operation is
 * performed, subsequent search operations … may return stale or outdated data … from a few seconds to minutes"
 * unless the issue is named in `reconcileIssues` (developer.atlassian.com, "Search After Write with Search And
 * Reconcile"). A property write, and a change of any field (status, type, summary, assignee, a comment, a history
 * entry), therefore becomes visible to search `lagMs` after it was made; until then search matches and returns
 * the issue as it was before. An issue created through the site is not in the index at all until `fieldLagMs`
 * after its creation: creating an issue is a write like any other, and Atlassian's own example reconciles the id
 * of an issue just created. Issues inserted directly (seeding, benchmarks) are indexed at once.
 */
export class SearchIndexLag {
  private readonly versions = new WeakMap<SimIssue, Map<string, Version[]>>();
  /** Field versions of the issues changed within the lag; an issue leaves once search sees its latest change. */
  private readonly fieldVersions = new Map<SimIssue, FieldVersion[]>();
  /** The issue a search view stands for. */
  private readonly sources = new WeakMap<object, SimIssue>();
  /** Issues created within the lag, with when: search does not know them yet. */
  private readonly unindexed = new Map<SimIssue, number>();

  /**
   * @param lagMs how long a property write takes to reach search.
   * @param fieldLagMs how long a change of any other field takes (0: at once).
   */
  constructor(
    public lagMs: number,
    public fieldLagMs = 0,
  ) {}

  /**
   * Before a change to an issue's fields (status, type, summary, assignee, …, a comment, a history entry): keeps
   * what the index holds until the change reaches it. Fields reach search `fieldLagMs` after the change, like
   * properties ("the delay might vary from a few seconds to minutes", Search and Reconcile).
   */
  fieldsChanging(issue: SimIssue): void {
    if (this.fieldLagMs <= 0 || this.fieldVersions.has(issue)) return;
    this.fieldVersions.set(issue, [
      {
        at: -Infinity,
        fields: fieldsOf(issue),
        comments: issue.comments.length,
        histories: issue.histories.length,
      },
    ]);
  }

  /** After the change made at `at`: the issue as search will see it once the lag has passed. */
  fieldsChanged(issue: SimIssue, at: number): void {
    const list = this.fieldVersions.get(issue);
    if (!list) return;
    const kept = list.slice(this.seenIndex(list, at, this.fieldLagMs));
    kept.push({
      at,
      fields: fieldsOf(issue),
      comments: issue.comments.length,
      histories: issue.histories.length,
    });
    this.fieldVersions.set(issue, kept);
  }

  /**
   * The issue as search sees it at `now`: the issue itself once its latest change reached the index, else a copy
   * with the fields, comments and histories the index still holds (properties are read through {@link visible}).
   */
  view(issue: SimIssue, now: number): SimIssue {
    const list = this.fieldVersions.get(issue);
    if (!list) return issue;
    const seen = list[this.seenIndex(list, now, this.fieldLagMs)];
    if (!seen || seen === list.at(-1)) {
      if (seen && seen.at + this.fieldLagMs <= now) this.fieldVersions.delete(issue);
      return issue;
    }
    const view = {
      ...issue,
      ...(copy(seen.fields) as Partial<SimIssue>),
      properties: issue.properties,
      comments: issue.comments.slice(0, seen.comments),
      histories: issue.histories.slice(0, seen.histories),
    };
    this.sources.set(view, issue);
    return view;
  }

  /** Issues whose fields search still sees as they were before a change: candidates whatever their indexes say. */
  lagging(now: number): SimIssue[] {
    const lagging: SimIssue[] = [];
    for (const [issue, list] of this.fieldVersions) {
      if ((list.at(-1)?.at ?? -Infinity) + this.fieldLagMs > now) lagging.push(issue);
      else this.fieldVersions.delete(issue);
    }
    return lagging;
  }

  /** After an issue was created at `at`: search finds it `fieldLagMs` later (at once when the lag is 0). */
  created(issue: SimIssue, at: number): void {
    if (this.fieldLagMs > 0) this.unindexed.set(issue, at);
  }

  /**
   * Whether search knows the issue at `now`: false for an issue created less than `fieldLagMs` ago, which no
   * search matches, returns or counts unless it reconciles the issue.
   */
  indexed(issue: SimIssue, now: number): boolean {
    const at = this.unindexed.get(issue);
    if (at === undefined) return true;
    if (at + this.fieldLagMs > now) return false;
    this.unindexed.delete(issue);
    return true;
  }

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
    const list = this.versions.get(this.sources.get(issue) ?? issue)?.get(key);
    if (!list) return issue.properties[key];
    return list[this.seenIndex(list, now)]?.value;
  }

  /** Every value of `key` search sees now or will see later: a key index holding all of them is a superset. */
  pending(issue: SimIssue, key: string, now: number): unknown[] {
    const list = this.versions.get(issue)?.get(key);
    if (!list) return [issue.properties[key]];
    return list.slice(this.seenIndex(list, now)).map((v) => v.value);
  }

  private seenIndex(list: readonly { at: number }[], now: number, lagMs = this.lagMs): number {
    let seen = 0;
    for (let i = 0; i < list.length; i++) if ((list[i]?.at ?? 0) + lagMs <= now) seen = i;
    return seen;
  }
}

const copy = (value: unknown): unknown =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
