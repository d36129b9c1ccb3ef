import type { KeyValueStore } from '../ports';

interface StoredAnswer {
  at: string;
  yes: boolean;
}

/**
 * A yes/no question asked of Jira at most once per `keep.yesMs` (a yes) or `keep.noMs` (a no) per KVS key. The
 * answer lives in the app's storage, which Forge keeps per installation, so an answer never serves another site;
 * callers put the trusted Forge context's account id in the key, so it never serves another user. A `noMs` of 0
 * keeps no "no" at all: nothing is written for it.
 */
export async function cachedAnswer(
  store: KeyValueStore,
  key: string,
  now: Date,
  keep: { yesMs: number; noMs: number },
  ask: () => Promise<boolean>,
): Promise<boolean> {
  const stored = await store.get<StoredAnswer>(key);
  if (stored && typeof stored.yes === 'boolean') {
    const age = now.getTime() - Date.parse(stored.at);
    if (age >= 0 && age < (stored.yes ? keep.yesMs : keep.noMs)) return stored.yes;
  }
  const yes = await ask();
  if (!yes && keep.noMs <= 0) return yes;
  await store.set<StoredAnswer>(key, { at: now.toISOString(), yes }, { ttlDays: 1 });
  return yes;
}
