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
 * ({@link forgetKeptIds}), so a newly configured one is looked up afresh (the publication of the rule tables that
 * follows a save or an installation keeps the issue types it lists again: {@link keepListedIds}).
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
  await keep(store, kind, scope, listed, cached);
  return found;
}

/**
 * Keeps every entry of a list Jira answered for another purpose (the issue types the rule tables are published
 * with), for a week, beside what is kept already: the next {@link keptIdByName} of any of them asks Jira nothing.
 *
 * @example
 * await keepListedIds(store, 'issueType', '', [{ id: '10010', name: 'Request' }]);
 * await keptIdByName(store, 'issueType', '', 'request', unasked); // '10010'
 */
export async function keepListedIds(
  store: KeyValueStore,
  kind: KeptIdKind,
  scope: string,
  listed: readonly NamedId[],
): Promise<void> {
  if (listed.length === 0) return;
  await keep(store, kind, scope, listed, await store.get<KeptIds>(CACHE_KEYS[kind]));
}

/** Writes `kept` with the entries of `listed`, which Jira just answered and so replace kept ones of their name. */
async function keep(
  store: KeyValueStore,
  kind: KeptIdKind,
  scope: string,
  listed: readonly NamedId[],
  kept: KeptIds | undefined,
): Promise<void> {
  const fresh: Record<string, string> = Object.create(null) as Record<string, string>;
  // A name listed twice keeps its first id, as the lookup's `find` does.
  for (const entry of listed) fresh[entryKey(scope, entry.name)] ??= entry.id;
  const byName: Record<string, string> = Object.assign(Object.create(null) as object, kept?.byName, fresh);
  await store.set<KeptIds>(CACHE_KEYS[kind], { byName }, { ttlDays: KEEP_DAYS });
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
