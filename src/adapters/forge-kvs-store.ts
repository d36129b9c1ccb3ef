import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import type { KeyValueStore, StoredEntry } from '../app/ports';

/** Forge KVS allows TTLs up to one year. */
const MAX_TTL_DAYS = 365;

/** A FAIL_IF_EXISTS write that met an existing key: KVS answers 409 `KEY_CONFLICT` (ForgeKvsAPIError). */
function isKeyConflict(error: unknown): boolean {
  if (!(error instanceof ForgeKvsAPIError)) return false;
  return error.code === 'KEY_CONFLICT' || error.responseDetails.status === 409;
}

function ttl(days: number | undefined) {
  return days === undefined ? {} : { ttl: { value: Math.min(days, MAX_TTL_DAYS), unit: 'DAYS' as const } };
}

/** `KeyValueStore` on Forge KVS (`@forge/kvs`, scope `storage:app`). */
export const forgeKvsStore: KeyValueStore = {
  get: <T>(key: string) => kvs.get<T>(key),

  set: <T>(key: string, value: T, options?: { ttlDays?: number }) =>
    kvs.set(key, value, ttl(options?.ttlDays)),

  async setIfAbsent<T>(key: string, value: T, options?: { ttlDays?: number }): Promise<boolean> {
    try {
      await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS', ...ttl(options?.ttlDays) });
      return true;
    } catch (error) {
      if (isKeyConflict(error)) return false;
      throw error;
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
};
