import type { DueIndexEntry, DueIndexStore, DueIndexWriter } from '../ports';

/**
 * The writer side of the due index (docs/decisions/0015). Every write of a ticket's state property is bracketed:
 * `announce` before it lowers the entry to the earlier of its due time and the new one and records the writer
 * as pending; `settle` after it sets the entry to the new due time only when no other writer overlapped (none
 * pending at the announcement, none announced since). So the entry is never later than the property: a write
 * that died, failed or overlapped leaves it early, and the sweep re-checks an early find and skips it.
 *
 * The entry also keeps a copy of the state value the last writer stored, under the same rule turned around:
 * `announce` removes it, and `settle` keeps it only when the write is known to have landed and no other writer
 * overlapped. A present copy therefore equals the property; an absent one says nothing. Only reports read it
 * (the admin page's impact check and Next sweep tab); every decision reads the property.
 */

/** Longer than any Forge invocation lives (900 s): an announcement this old belongs to a writer that is gone. */
const WRITER_LIFETIME_MS = 15 * 60_000;

/** Compare-and-set attempts before giving up (contention on one ticket is a handful of writers at most). */
const MAX_ATTEMPTS = 8;

/** What `announce` hands to `settle`. */
export interface Announcement {
  readonly issueKey: string;
  readonly pre: number;
  /** Another writer was pending when this one announced: never raise the entry afterwards. */
  readonly overlapped: boolean;
  readonly dueAt: string | undefined;
  /** The state value the writer stores, kept as the entry's copy when the write settles alone. */
  readonly state?: unknown;
}

/** The project of an issue key (`SUP-12` → `SUP`). */
function projectOfKey(issueKey: string): string {
  return issueKey.slice(0, issueKey.lastIndexOf('-'));
}

/** The earlier of two optional instants (ISO strings of one format compare as text; parsed to be safe). */
function earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/** Due times are stored in one sortable form, so the index's text order is time order. */
export function indexInstant(iso: string): string {
  return new Date(Date.parse(iso)).toISOString();
}

function live(pending: readonly DueIndexWriter[], now: Date): DueIndexWriter[] {
  return pending.filter((w) => now.getTime() - Date.parse(w.at) < WRITER_LIFETIME_MS);
}

async function update(
  index: DueIndexStore,
  issueKey: string,
  next: (current: DueIndexEntry | undefined) => DueIndexEntry | undefined,
): Promise<DueIndexEntry | undefined> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const current = await index.get(issueKey);
    const entry = next(current);
    if (!entry) return undefined;
    const written = current ? await index.replace(entry, current.version) : await index.create(entry);
    if (written) return entry;
  }
  throw new Error(`Due index entry of ${issueKey} stayed contended`);
}

/**
 * Before a state write whose new due time is `dueAt` (undefined: no step due): lowers the entry to the
 * earlier of both, removes the state copy and announces the writer. `state` is the value about to be written,
 * for the copy `settle` may keep. `undefined` when there is nothing to index (no entry, nothing due).
 */
export async function announce(
  index: DueIndexStore,
  issueKey: string,
  dueAt: string | undefined,
  now: Date,
  state?: unknown,
): Promise<Announcement | undefined> {
  const due = dueAt === undefined ? undefined : indexInstant(dueAt);
  let overlapped = false;
  const entry = await update(index, issueKey, (current) => {
    if (!current && due === undefined) return undefined;
    const pending = live(current?.pending ?? [], now);
    overlapped = pending.length > 0;
    const version = (current?.version ?? 0) + 1;
    const lowered = earlier(current?.dueAt, due);
    return {
      issueKey,
      projectKey: projectOfKey(issueKey),
      ...(lowered !== undefined ? { dueAt: lowered } : {}),
      version,
      lastPre: version,
      pending: [...pending, { pre: version, at: now.toISOString() }],
    };
  });
  return (
    entry && {
      issueKey,
      pre: entry.version,
      overlapped,
      dueAt: due,
      ...(state !== undefined ? { state } : {}),
    }
  );
}

/**
 * After the state write: `landed` says the write is known to be stored. Removes the writer's announcement and,
 * when it landed and no other writer overlapped it, sets the entry to the written due time and keeps the written
 * state as the copy; otherwise the entry has no copy.
 */
export async function settle(
  index: DueIndexStore,
  announcement: Announcement,
  landed: boolean,
  now: Date,
): Promise<void> {
  await update(index, announcement.issueKey, (current) => {
    if (!current) return undefined;
    const pending = live(current.pending, now).filter((w) => w.pre !== announcement.pre);
    const alone = landed && !announcement.overlapped && current.lastPre === announcement.pre;
    const { dueAt: kept, state: _copy, ...rest } = current;
    const dueAt = alone ? announcement.dueAt : kept;
    const state = alone ? announcement.state : undefined;
    return {
      ...rest,
      ...(dueAt !== undefined ? { dueAt } : {}),
      ...(state !== undefined ? { state } : {}),
      version: current.version + 1,
      pending,
    };
  });
}

/**
 * Brackets one write of the state value `state`; the write's result passes through, its error too (after the
 * entry is settled).
 */
export async function indexedWrite<T>(
  index: DueIndexStore,
  issueKey: string,
  state: { dueAt: string | undefined; value: unknown },
  now: Date,
  write: () => Promise<T>,
): Promise<T> {
  const announcement = await announce(index, issueKey, state.dueAt, now, state.value);
  let result: T;
  try {
    result = await write();
  } catch (error) {
    if (announcement) await settle(index, announcement, false, now);
    throw error;
  }
  if (announcement) await settle(index, announcement, true, now);
  return result;
}

/** Lowers a ticket's entry to `dueAt` when it is later or absent (always safe: an early entry is re-checked). */
export async function lowerDue(index: DueIndexStore, issueKey: string, dueAt: string): Promise<void> {
  const due = indexInstant(dueAt);
  await update(index, issueKey, (current) => {
    if (current?.dueAt !== undefined && Date.parse(current.dueAt) <= Date.parse(due)) return undefined;
    const version = (current?.version ?? 0) + 1;
    return {
      issueKey,
      projectKey: projectOfKey(issueKey),
      dueAt: due,
      version,
      lastPre: current?.lastPre ?? 0,
      pending: current?.pending ?? [],
      ...(current?.state !== undefined ? { state: current.state } : {}),
    };
  });
}
