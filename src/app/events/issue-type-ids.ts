import type { AppDeps } from '../deps';
import type { KeyValueStore } from '../ports';

interface CachedTypeIds {
  /** Issue type name (trimmed, lower case) → id, for the names asked for so far. */
  readonly byName: Record<string, string>;
}

const CACHE_KEY = 'events:issue-type-ids';

/**
 * The id of the issue type called `name`, remembered for a week in KVS: Jira's list of issue types costs a point per
 * type (about ten), type ids never change, and an e-mail ticket asks for the same type every time. A name Jira does
 * not know is not remembered, so a type the admin adds is found at once, and a settings save forgets every name
 * ({@link forgetIssueTypeIds}), so a newly configured one is looked up afresh.
 */
export async function issueTypeIdOf(
  deps: Pick<AppDeps, 'links' | 'store'>,
  name: string,
): Promise<string | undefined> {
  const key = name.trim().toLowerCase();
  const cached = await deps.store.get<CachedTypeIds>(CACHE_KEY);
  // Type names are the site's: a type may be called `constructor`, so only own entries count.
  if (cached && Object.hasOwn(cached.byName, key)) return cached.byName[key];
  const id = await deps.links.issueTypeId(name);
  if (id === undefined) return undefined;
  const byName = { ...(cached?.byName ?? {}), [key]: id };
  await deps.store.set<CachedTypeIds>(CACHE_KEY, { byName }, { ttlDays: 7 });
  return id;
}

/** After a settings save: every type name is looked up again at its next use. */
export async function forgetIssueTypeIds(store: KeyValueStore): Promise<void> {
  await store.delete(CACHE_KEY);
}
