/**
 * The ports the use cases in `src/app` depend on. Adapters in `src/adapters` implement them with the Forge SDKs;
 * tests may implement them in memory. Nothing here imports `@forge/*`.
 */

export interface StoredEntry<T> {
  key: string;
  value: T;
}

/** Which version of a compare-and-set value is stored, when it was written and by whom (an account id). */
export interface VersionStamp {
  version: number;
  savedAt?: string;
  savedBy?: string;
}

/** Result of {@link KeyValueStore.setIfVersion}: written, or the stamp of the write that got there first. */
export type SetIfVersionResult = { ok: true } | { ok: false; current: VersionStamp | undefined };

/** Key-value storage with the semantics of Forge KVS (keys ≤ 500 chars of `[a-zA-Z0-9:._\s-#]`). */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, options?: { ttlDays?: number }): Promise<void>;
  /** Writes only when the key is absent; `false` when it existed (someone else got there first). */
  setIfAbsent<T>(key: string, value: T, options?: { ttlDays?: number }): Promise<boolean>;
  /**
   * Compare-and-set: writes `value` under `key` and moves its version stamp to `next`, atomically and only
   * while the stamp still holds version `expected` (a value never written this way counts as `expected`).
   * Of two writers with the same `expected` exactly one wins; the other learns the winner's stamp.
   */
  setIfVersion<T>(key: string, value: T, expected: number, next: VersionStamp): Promise<SetIfVersionResult>;
  delete(key: string): Promise<void>;
  /** Keys beginning with `prefix`, in key order, one page at a time. */
  list<T>(
    prefix: string,
    options?: { limit?: number; cursor?: string },
  ): Promise<{ entries: StoredEntry<T>[]; cursor?: string }>;
}

/** Work handed to the Forge queue; `body` must be a plain JSON object. */
export interface WorkItem {
  body: Record<string, unknown>;
  delaySeconds?: number;
}

export interface WorkQueue {
  push(items: WorkItem[]): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/**
 * How much longer the platform lets the current invocation run (Forge: `getAppContext()`
 * `.invocationRemainingTimeInMillis()`). It counts every wait for Jira, so long work asks it instead of counting
 * tickets.
 */
export interface InvocationTime {
  remainingMs(): number;
}

/** Structured logs. Values must be ids, counts, codes — never names, e-mail addresses or ticket text. */
export interface Logger {
  info(event: string, data?: Record<string, string | number | boolean | undefined>): void;
  warn(event: string, data?: Record<string, string | number | boolean | undefined>): void;
  error(event: string, data?: Record<string, string | number | boolean | undefined>): void;
}

/**
 * Where the app publishes the tables its Jira expressions look up: Forge app properties (`app.properties` in the
 * workflow validator and condition) and project properties (`project.properties` in the action validator).
 */
export interface RulesPublisher {
  setAppProperty(propertyKey: string, value: unknown): Promise<void>;
  /** Removes an app property; an absent one counts as removed. */
  deleteAppProperty(propertyKey: string): Promise<void>;
  setProjectProperty(projectKey: string, propertyKey: string, value: unknown): Promise<void>;
  deleteProjectProperty(projectKey: string, propertyKey: string): Promise<void>;
  /** Every issue type of the site. */
  issueTypes(): Promise<{ id: string; name: string }[]>;
  /** The account the app acts as. */
  myAccountId(): Promise<string>;
}

/** Questions the platform checks ask the installed site. */
export interface PlatformProbe {
  /** `POST /rest/api/3/expression/analyse?check=syntax`: per expression, whether it is valid and why not. */
  analyseExpressions(expressions: string[]): Promise<{ valid: boolean; errors: string[] }[]>;
}

/** A writer of the ticket's state that has announced itself in the due index and not yet finished. */
export interface DueIndexWriter {
  /** The `version` its announcement created. */
  readonly pre: number;
  /** When it announced (ISO instant); an announcement older than any invocation can live is dead. */
  readonly at: string;
}

/**
 * One ticket's entry in the due index (KVS custom entity `due-index`, keyed by issue key): the earliest time its
 * next timer step may be due. Never later than the `nextDueAt` in the ticket's Jira property, which stays the
 * source of truth (docs/decisions/0015).
 */
export interface DueIndexEntry {
  readonly issueKey: string;
  readonly projectKey: string;
  /** Absent while no step is due; such an entry is not in the index's range. */
  readonly dueAt?: string;
  /** +1 on every write of the entry: the compare-and-set version. */
  readonly version: number;
  /** `version` of the last writer announcement. */
  readonly lastPre: number;
  readonly pending: readonly DueIndexWriter[];
  /**
   * A copy of the `jsm-process-state` value the last writer stored, present only when that write is known to have
   * landed and no writer has announced since; every announcement removes it. The admin page's impact check reports
   * from it, and events decide from it when they are newer than `basis` (docs/decisions/0020).
   */
  readonly state?: unknown;
  /**
   * The newest ticket view (the issue's `updated`, ISO) any decision on the state was taken from; only raised.
   * An event newer than it may be decided from its payload and the copy (docs/decisions/0020).
   */
  readonly basis?: string;
  /** The copy's writer named no ticket view: events do not decide from this copy. */
  readonly viewless?: boolean;
  /**
   * The copy says the ticket has no `jsm-process-state` property at all (kept by the index rebuild or a read, under
   * the same rules as `state`; docs/decisions/0020). Never together with `state`.
   */
  readonly stateless?: boolean;
}

/** The due index: KVS reads, writes and range queries, no Jira point. */
export interface DueIndexStore {
  get(issueKey: string): Promise<DueIndexEntry | undefined>;
  /** Writes `entry` only when no entry exists; `false` when one did. */
  create(entry: DueIndexEntry): Promise<boolean>;
  /** Writes `entry` only while the stored version is still `expected`; `false` when another write got there. */
  replace(entry: DueIndexEntry, expected: number): Promise<boolean>;
  /** Entries of `projectKey` due at or before `until` (ISO instant), earliest first, one page at a time. */
  dueUntil(
    projectKey: string,
    until: string,
    options: { limit: number; cursor?: string },
  ): Promise<{ entries: DueIndexEntry[]; cursor?: string }>;
}
