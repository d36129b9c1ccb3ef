import type {
  DueIndexEntry,
  DueIndexStore,
  KeyValueStore,
  SetIfVersionResult,
  StoredEntry,
  VersionStamp,
} from '../../src/app/ports';

/** In-memory `KeyValueStore` for unit tests of use cases (integration tests use the local site's real KVS). */
export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();

  async get<T>(key: string): Promise<T | undefined> {
    return structuredClone(this.data.get(key)) as T | undefined;
  }

  async set<T>(key: string, value: T): Promise<void> {
    this.data.set(key, structuredClone(value));
  }

  async setIfAbsent<T>(key: string, value: T): Promise<boolean> {
    if (this.data.has(key)) return false;
    this.data.set(key, structuredClone(value));
    return true;
  }

  /** Version stamps of {@link setIfVersion}, kept apart from the values as the Forge adapter does. */
  readonly stamps = new Map<string, VersionStamp>();

  async setIfVersion<T>(
    key: string,
    value: T,
    expected: number,
    next: VersionStamp,
  ): Promise<SetIfVersionResult> {
    const current = this.stamps.get(key) ?? { version: expected };
    if (current.version !== expected) return { ok: false, current: structuredClone(current) };
    this.stamps.set(key, structuredClone(next));
    this.data.set(key, structuredClone(value));
    return { ok: true };
  }

  async delete(key: string): Promise<void> {
    this.data.delete(key);
  }

  async list<T>(prefix: string, options: { limit?: number; cursor?: string } = {}) {
    const keys = [...this.data.keys()].filter((k) => k.startsWith(prefix)).sort();
    const start = options.cursor ? Number(options.cursor) : 0;
    const limit = options.limit ?? 100;
    const entries: StoredEntry<T>[] = keys
      .slice(start, start + limit)
      .map((key) => ({ key, value: structuredClone(this.data.get(key)) as T }));
    const next = start + limit;
    return next < keys.length ? { entries, cursor: String(next) } : { entries };
  }
}

/** A store that keeps each key's time to live, as Forge KVS does, on a clock the test moves. */
export class ExpiringStore extends MemoryStore {
  private readonly expiry = new Map<string, number>();
  private today = 0;

  private remember(key: string, options?: { ttlDays?: number }): void {
    if (options?.ttlDays === undefined) this.expiry.delete(key);
    else this.expiry.set(key, this.today + options.ttlDays);
  }

  override async set<T>(key: string, value: T, options?: { ttlDays?: number }): Promise<void> {
    await super.set(key, value);
    this.remember(key, options);
  }

  override async setIfAbsent<T>(key: string, value: T, options?: { ttlDays?: number }): Promise<boolean> {
    const won = await super.setIfAbsent(key, value);
    if (won) this.remember(key, options);
    return won;
  }

  /** Moves the clock on by `days` and drops every key whose time to live has run out. */
  advanceDays(days: number): void {
    this.today += days;
    for (const [key, until] of this.expiry) {
      if (until > this.today) continue;
      this.data.delete(key);
      this.expiry.delete(key);
    }
  }
}

/** In-memory `DueIndexStore` for unit tests (integration tests use the local site's custom entity index). */
export class MemoryDueIndex implements DueIndexStore {
  readonly entries = new Map<string, DueIndexEntry>();

  async get(issueKey: string): Promise<DueIndexEntry | undefined> {
    return structuredClone(this.entries.get(issueKey));
  }

  async create(entry: DueIndexEntry): Promise<boolean> {
    if (this.entries.has(entry.issueKey)) return false;
    this.entries.set(entry.issueKey, structuredClone(entry));
    return true;
  }

  async replace(entry: DueIndexEntry, expected: number): Promise<boolean> {
    if (this.entries.get(entry.issueKey)?.version !== expected) return false;
    this.entries.set(entry.issueKey, structuredClone(entry));
    return true;
  }

  /** Indexes `issueKey` as a settled entry of its project due at `dueAt`, with a copy of `state` unless it is left out. */
  put(issueKey: string, dueAt: string | undefined, state?: unknown): void {
    this.entries.set(issueKey, {
      issueKey,
      projectKey: issueKey.slice(0, issueKey.indexOf('-')),
      ...(dueAt === undefined ? {} : { dueAt }),
      version: 1,
      lastPre: 0,
      pending: [],
      ...(state === undefined ? {} : { state }),
    });
  }

  /** Pages of at most `limit` entries, earliest first; the cursor is the offset of the next page while one follows. */
  async dueUntil(projectKey: string, until: string, options: { limit: number; cursor?: string }) {
    const due = [...this.entries.values()]
      .filter((e) => e.projectKey === projectKey && e.dueAt !== undefined && e.dueAt <= until)
      .sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
    const start = options.cursor === undefined ? 0 : Number(options.cursor);
    const next = start + options.limit;
    const entries = structuredClone(due.slice(start, next));
    return next < due.length ? { entries, cursor: String(next) } : { entries };
  }
}
