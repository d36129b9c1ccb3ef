import type { KeyValueStore } from '../ports';

/** Site facts looked up by name: the ids of issue types and of each project's security levels. */
export type KeptIdKind = 'issueType' | 'securityLevel';

const CACHE_KEYS: Readonly<Record<KeptIdKind, string>> = {
  issueType: 'events:issue-type-ids',
  securityLevel: 'events:security-level-ids',
};

/** How long a kept record lives in KVS after its last new name. */
const KEEP_DAYS = 7;

interface KeptIds {
  /** `<scope>:<name>` (the name trimmed, lower case) → id, for the names found so far. */
  readonly byName: Record<string, string>;
}

/** One entry of the list Jira answers a lookup with. */
export interface NamedId {
  readonly id: string;
  readonly name: string;
}

const entryKey = (scope: string, name: string) =>
  `${scope === '' ? '' : `${scope}:`}${name.trim().toLowerCase()}`;

/**
 * The id Jira gives the `kind` called `name` (in `scope`: a project key for security levels, `''` for issue types),
 * remembered for a week in KVS: Jira's lists cost a point per entry (about ten issue types, a handful of levels),
 * the ids never change, and events ask for the same few names every time. `lookup` lists what Jira has (every
 * entry it answers is kept, so the project's other levels are known too); a name Jira does not know is not
 * remembered, so a type or level the admin adds is found at once, and a settings save forgets every name
 * ({@link forgetKeptIds}), so a newly configured one is looked up afresh.
 *
 * @example
 * await keptIdByName(store, 'securityLevel', 'SD', 'Support Graz', () => links.securityLevels('SD')); // '10101'
 */
export async function keptIdByName(
  store: KeyValueStore,
  kind: KeptIdKind,
  scope: string,
  name: string,
  lookup: () => Promise<readonly NamedId[]>,
): Promise<string | undefined> {
  const key = entryKey(scope, name);
  const cached = await store.get<KeptIds>(CACHE_KEYS[kind]);
  // Names are the site's: a type may be called `constructor`, so only own entries count.
  if (cached && Object.hasOwn(cached.byName, key)) return cached.byName[key];
  const listed = await lookup();
  const found = listed.find((entry) => entryKey(scope, entry.name) === key)?.id;
  if (found === undefined) return undefined;
  const byName: Record<string, string> = Object.assign(Object.create(null) as object, cached?.byName);
  for (const entry of listed) byName[entryKey(scope, entry.name)] ??= entry.id;
  await store.set<KeptIds>(CACHE_KEYS[kind], { byName }, { ttlDays: KEEP_DAYS });
  return found;
}

/**
 * Forgets the kept ids of `kinds` (all by default): after a settings save, so that every name is looked up again at
 * its next use; after Jira refused a kept id, so that the next use reads the list again.
 */
export async function forgetKeptIds(
  store: KeyValueStore,
  kinds: readonly KeptIdKind[] = ['issueType', 'securityLevel'],
): Promise<void> {
  for (const kind of kinds) await store.delete(CACHE_KEYS[kind]);
}
