import type { KeyValueStore } from '../../app/ports';
import type { ActiveHold } from './rate-limit-gate';

/**
 * Where an installation's quota pause outlives the process that learned it. Forge KVS is scoped to one
 * installation, so the key names no installation; the entry lives a day and counts only while `until` lies ahead.
 */
const KEY = 'jira:quota-hold';

interface StoredHold {
  until: string;
  reason?: string;
}

/** The quota pause of the current installation, kept where the next invocation (any process) finds it. */
export interface QuotaHoldStore {
  /** The stored pause, if one was recorded; callers compare `until` with their clock. */
  load(): Promise<ActiveHold | undefined>;
  save(hold: ActiveHold): Promise<void>;
}

/**
 * A quota 429 pauses every Jira call of the installation until the pool resets at the top of the UTC hour. A Forge
 * process lives for a few invocations at most, and the next invocation may run in a cold one: without a stored
 * pause it would spend a request (and learn the pause again from a 429) on every invocation until the reset.
 */
export function kvsQuotaHold(store: KeyValueStore): QuotaHoldStore {
  return {
    async load() {
      const stored = await store.get<StoredHold>(KEY);
      const until = stored ? new Date(stored.until) : undefined;
      if (!stored || !until || Number.isNaN(until.getTime())) return undefined;
      return { scope: 'installation', until, reason: stored.reason };
    },
    async save(hold) {
      const value: StoredHold = {
        until: hold.until.toISOString(),
        ...(hold.reason === undefined ? {} : { reason: hold.reason }),
      };
      await store.set(KEY, value, { ttlDays: 1 });
    },
  };
}
