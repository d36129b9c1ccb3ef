import { Filter, FilterConditions, kvs, WhereConditions } from '@forge/kvs';
import type { KeyValueStore, SetIfVersionResult, StoredEntry, VersionStamp } from '../app/ports';
import { withStorageErrors } from './platform-failures';

/**
 * Custom entity holding the version stamp of each compare-and-set value (manifest `app.storage.entities`).
 * KVS transactions evaluate conditions on custom entities only, so the stamp lives there and the value stays
 * a plain key that readers get as before (docs/decisions/0010-admin-save-compare-and-set.md).
 */
const VERSION_ENTITY = 'value-version';

/** Forge KVS allows TTLs up to one year. */
const MAX_TTL_DAYS = 365;

/**
 * After any error from a FAIL_IF_EXISTS write, whether the key exists decides: Atlassian does not document how
 * KVS answers a conflict (status, code), and an error may also come after the write landed. Present means
 * "not ours to take" (false): the safe side, since a claim that is ours but reported lost only waits for its
 * lease. Absent means the write did not happen, and the error is rethrown.
 */
async function existsAfterFailedWrite(read: () => Promise<unknown>, error: unknown): Promise<false> {
  if ((await read()) === undefined) throw error;
  return false;
}

/** Writes of one `setIfAbsent` while the key keeps being absent after a refused write. */
const SET_IF_ABSENT_ATTEMPTS = 3;

/**
 * Whether KVS refused the write itself (a 4xx other than a rate limit, as a failed key condition is answered),
 * rather than failing (5xx, network, rate limit): only a refusal can have been caused by a key deleted since.
 */
function refusedByKvs(error: unknown): boolean {
  const status = (error as { responseDetails?: { status?: unknown } } | null)?.responseDetails?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
}

function ttl(days: number | undefined) {
  return days === undefined ? {} : { ttl: { value: Math.min(days, MAX_TTL_DAYS), unit: 'DAYS' as const } };
}

/** `KeyValueStore` on Forge KVS (`@forge/kvs`, scope `storage:app`); every failure is a `StorageError`. */
export const forgeKvsStore: KeyValueStore = withStorageErrors<KeyValueStore>({
  get: <T>(key: string) => kvs.get<T>(key),

  set: <T>(key: string, value: T, options?: { ttlDays?: number }) =>
    kvs.set(key, value, ttl(options?.ttlDays)),

  /**
   * A refused write whose key is absent when read back lost a race with a delete (a claim given back between the
   * two calls): the key is free, so the write is tried again. A failure (5xx, network, rate limit), or a refusal
   * that keeps coming with the key absent, is thrown.
   */
  async setIfAbsent<T>(key: string, value: T, options?: { ttlDays?: number }): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS', ...ttl(options?.ttlDays) });
        return true;
      } catch (error) {
        if ((await kvs.get(key)) !== undefined) return false;
        if (!refusedByKvs(error) || attempt >= SET_IF_ABSENT_ATTEMPTS) throw error;
      }
    }
  },

  async setIfVersion<T>(
    key: string,
    value: T,
    expected: number,
    next: VersionStamp,
  ): Promise<SetIfVersionResult> {
    const stamps = kvs.entity<VersionStamp>(VERSION_ENTITY);
    if ((await stamps.get(key)) === undefined) {
      // First compare-and-set of this key: create the stamp, unless a concurrent writer just did.
      try {
        await stamps.set(key, { version: expected }, { keyPolicy: 'FAIL_IF_EXISTS' });
      } catch (error) {
        await existsAfterFailedWrite(() => stamps.get(key), error);
      }
    }
    try {
      await kvs
        .transact()
        .set(key, next, {
          entityName: VERSION_ENTITY,
          conditions: new Filter<VersionStamp>().and('version', FilterConditions.equalTo(expected)),
        })
        .set(key, value)
        .execute();
      return { ok: true };
    } catch (error) {
      // The failure code of an unmet condition is not documented, and an error may come after the write
      // landed: the stamp tells. Still the expected version: nothing was written. Our stamp with our value:
      // the write landed. Anything else: another save got there first.
      const current = await stamps.get(key);
      if (current?.version === expected) throw error;
      const ours =
        JSON.stringify(current) === JSON.stringify(next) &&
        JSON.stringify(await kvs.get(key)) === JSON.stringify(value);
      return ours ? { ok: true } : { ok: false, current };
    }
  },

  delete: (key: string) => kvs.delete(key),

  async list<T>(prefix: string, options: { limit?: number; cursor?: string } = {}) {
    let query = kvs
      .query()
      .where('key', WhereConditions.beginsWith(prefix))
      .limit(options.limit ?? 100);
    if (options.cursor) query = query.cursor(options.cursor);
    const page = await query.getMany<T>();
    const entries: StoredEntry<T>[] = page.results.map((r) => ({ key: r.key, value: r.value }));
    return page.nextCursor ? { entries, cursor: page.nextCursor } : { entries };
  },
});
