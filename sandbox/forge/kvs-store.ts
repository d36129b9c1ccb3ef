import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One stored value with the metadata KVS reports (`createdAt`/`updatedAt` in epoch ms). */
export interface KvsEntry {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  /** Epoch ms after which the entry no longer exists (TTL). */
  expiresAt?: number;
}

/**
 * Separate key spaces: plain KVS keys, secrets (never returned by `query`) and one per custom entity.
 * The same key may exist in each without clashing, as in Forge.
 */
export type Namespace = 'kvs' | 'secret' | `entity:${string}`;

interface PersistedFile {
  version: 1;
  namespaces: Record<string, Record<string, KvsEntry>>;
}

/**
 * The installation's storage: an in-memory map (optionally mirrored to a JSON file) whose TTLs expire by the
 * simulated clock. Forge may keep expired data up to 48 h; the local host drops it at the expiry instant,
 * which is the stricter behaviour an app must already cope with (guide §2).
 */
export class KvsStore {
  private readonly spaces = new Map<string, Map<string, KvsEntry>>();
  /** Recent writes of custom entities (epoch ms, entry or deletion), for an index that lags behind them. */
  private readonly writes = new Map<string, { at: number; entry: KvsEntry | undefined }[]>();

  /**
   * How far custom entity indexes lag behind writes. Atlassian does not say whether index queries are strongly
   * consistent; the local site takes the stricter reading that they are not (docs/decisions), so a query sees
   * each entity as it was this long ago, while `get` by key sees the latest write.
   */
  indexLagMs = 5_000;

  /** @param file when given, the store loads from and writes every change through to this JSON file. */
  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as PersistedFile;
      for (const [ns, entries] of Object.entries(parsed.namespaces ?? {})) {
        this.spaces.set(ns, new Map(Object.entries(entries)));
      }
    }
  }

  /** The live entry for `key`, or undefined when absent or expired at the current (simulated) time. */
  get(ns: Namespace, key: string): KvsEntry | undefined {
    const entry = this.spaces.get(ns)?.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.spaces.get(ns)?.delete(key);
      return undefined;
    }
    return entry;
  }

  put(ns: Namespace, key: string, entry: KvsEntry): void {
    let space = this.spaces.get(ns);
    if (!space) {
      space = new Map();
      this.spaces.set(ns, space);
    }
    const previous = space.get(key);
    space.set(key, entry);
    this.recordWrite(ns, key, previous, entry);
  }

  remove(ns: Namespace, key: string): void {
    const previous = this.spaces.get(ns)?.get(key);
    this.spaces.get(ns)?.delete(key);
    this.recordWrite(ns, key, previous, undefined);
  }

  /** The entry as a custom entity index sees it now: the latest write at least {@link indexLagMs} old. */
  indexed(ns: Namespace, key: string): KvsEntry | undefined {
    const current = this.get(ns, key);
    const history = this.writes.get(`${ns}\u0000${key}`);
    if (!history) return current;
    const cutoff = Date.now() - this.indexLagMs;
    const seen = history.filter((w) => w.at <= cutoff);
    const entry = seen.length > 0 ? seen[seen.length - 1]?.entry : undefined;
    if (seen.length === history.length) this.writes.delete(`${ns}\u0000${key}`);
    if (!entry || (entry.expiresAt !== undefined && entry.expiresAt <= Date.now())) return undefined;
    return entry;
  }

  private recordWrite(
    ns: Namespace,
    key: string,
    previous: KvsEntry | undefined,
    entry: KvsEntry | undefined,
  ): void {
    if (!ns.startsWith('entity:') || this.indexLagMs <= 0) return;
    const id = `${ns}\u0000${key}`;
    const cutoff = Date.now() - this.indexLagMs;
    const history = this.writes.get(id) ?? [{ at: Number.NEGATIVE_INFINITY, entry: previous }];
    // Keep the newest write the index already sees, and every write it does not see yet.
    const seen = history.filter((w) => w.at <= cutoff);
    const kept = [...seen.slice(-1), ...history.filter((w) => w.at > cutoff), { at: Date.now(), entry }];
    this.writes.set(id, kept);
  }

  /** Live keys of a namespace in ascending (code unit) order — the order KVS queries page through. */
  keys(ns: Namespace): string[] {
    const space = this.spaces.get(ns);
    if (!space) return [];
    return [...space.keys()].filter((key) => this.get(ns, key) !== undefined).sort();
  }

  /** Writes the store through to its file (no-op when in memory). Call once per committed request. */
  flush(): void {
    if (!this.file) return;
    const namespaces: PersistedFile['namespaces'] = {};
    for (const [ns, space] of this.spaces) namespaces[ns] = Object.fromEntries(space);
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, namespaces } satisfies PersistedFile));
    renameSync(tmp, this.file);
  }

  /** Removes every key in every namespace (the local UI's "reset app storage"). */
  clear(): void {
    this.spaces.clear();
    this.flush();
  }
}
