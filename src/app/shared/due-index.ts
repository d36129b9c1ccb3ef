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
 * overlapped. A present copy therefore equals the property; an absent one says nothing. The admin page's impact
 * check and Next sweep tab report from it; events decide from it (docs/decisions/0020) unless it is `viewless`: its writer did not
 * say which view of the ticket it decided from.
 *
 * Beside the copy the entry keeps its `basis`: the newest ticket view (the issue's `updated` time) that any
 * decision on the state was taken from, raised by every such writer in its announcement and by every event
 * decision that writes nothing (`noteDecision`), never lowered. An event may be decided from its payload only
 * when its snapshot is newer than the basis: the state was then derived from nothing newer than what the event
 * shows, exactly as if the ticket had been read when the event happened.
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
  /** The ticket view (its `updated`, ISO) the writer decided from; without it the write keeps no copy. */
  readonly basis?: string;
  /** A reader found no state property: the copy it keeps says so. */
  readonly stateless?: boolean;
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

/** The later of two optional instants. */
function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
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
 * earlier of both, removes the state copy, raises the basis to the writer's and announces the writer. `written`
 * is the value about to be written and the ticket view it was decided from, for the copy `settle` may keep.
 * `undefined` when there is nothing to track (no entry, nothing due, no state).
 */
export async function announce(
  index: DueIndexStore,
  issueKey: string,
  dueAt: string | undefined,
  now: Date,
  written: { state?: unknown; basis?: string | undefined } = {},
): Promise<Announcement | undefined> {
  const due = dueAt === undefined ? undefined : indexInstant(dueAt);
  const { state } = written;
  const basis = written.basis === undefined ? undefined : indexInstant(written.basis);
  let overlapped = false;
  const entry = await update(index, issueKey, (current) => {
    if (!current && due === undefined && state === undefined) return undefined;
    const pending = live(current?.pending ?? [], now);
    overlapped = pending.length > 0;
    const version = (current?.version ?? 0) + 1;
    const lowered = earlier(current?.dueAt, due);
    const raised = later(current?.basis, basis);
    return {
      issueKey,
      projectKey: projectOfKey(issueKey),
      ...(lowered !== undefined ? { dueAt: lowered } : {}),
      ...(raised !== undefined ? { basis: raised } : {}),
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
      ...(basis !== undefined ? { basis } : {}),
    }
  );
}

/**
 * After the state write: `landed` says the write is known to be stored. Removes the writer's announcement and,
 * when it landed and no other writer overlapped it, sets the entry to the written due time and keeps the written
 * state as the copy (`viewless` when the writer did not say which ticket view it decided from); otherwise the
 * entry has no copy.
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
    const {
      dueAt: kept,
      state: _copy,
      viewless: _viewless,
      stateless: _none,
      basis: held,
      ...rest
    } = current;
    const dueAt = alone ? announcement.dueAt : kept;
    const state = alone ? announcement.state : undefined;
    const stateless = alone && state === undefined && announcement.stateless === true;
    // A reader of the property learns its view only after announcing; a writer's view was raised there already.
    const basis = later(held, announcement.basis);
    return {
      ...rest,
      ...(dueAt !== undefined ? { dueAt } : {}),
      ...(basis !== undefined ? { basis } : {}),
      ...(state !== undefined ? { state } : {}),
      ...(stateless ? { stateless } : {}),
      ...((state !== undefined || stateless) && announcement.basis === undefined ? { viewless: true } : {}),
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
  state: { dueAt: string | undefined; value: unknown; basis?: string | undefined },
  now: Date,
  write: () => Promise<T>,
): Promise<T> {
  const announcement = await announce(index, issueKey, state.dueAt, now, {
    state: state.value,
    basis: state.basis,
  });
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

/**
 * After an event decision, written or not: raises the entry's basis to the ticket view `basis` (the issue's
 * `updated`) it was taken from, so that no event older than that view is decided from its payload afterwards.
 * A decision on `validated`, the state the copy still equals, also vouches for a `viewless` copy. Without a known
 * view the copy becomes `viewless`. An entry without a copy has its basis raised too: a writer between its
 * announcement and its settle (a reader of the property among them) may settle a copy decided from an older view,
 * and the basis it keeps must not be lower than this decision's. Without an entry there is nothing to raise,
 * unless `track`: then an entry holding only the basis is made, so that the index rebuild does not take the
 * ticket for one no decision was ever taken on (`keepNoState`).
 */
export async function noteDecision(
  index: DueIndexStore,
  issueKey: string,
  basis: string | undefined,
  validated: unknown,
  track = false,
): Promise<void> {
  const raised = basis === undefined ? undefined : indexInstant(basis);
  await update(index, issueKey, (current) => {
    if (current === undefined)
      return track && raised !== undefined ? untracked(issueKey, { basis: raised }) : undefined;
    if (current.state === undefined && !current.stateless) {
      // No copy, but a writer may be between its announcement and its settle: the copy it settles was decided
      // from a view no newer than its own, so the basis rises now and the copy keeps it.
      if (raised === undefined || later(current.basis, raised) === current.basis) return undefined;
      return { ...current, basis: raised, version: current.version + 1 };
    }
    if (raised === undefined)
      return current.viewless ? undefined : { ...current, viewless: true, version: current.version + 1 };
    const higher = later(current.basis, raised) !== current.basis;
    const vouched = current.viewless === true && JSON.stringify(current.state) === JSON.stringify(validated);
    if (!higher && !vouched) return undefined;
    const { viewless: _viewless, ...rest } = current;
    return {
      ...rest,
      basis: later(current.basis, raised) ?? raised,
      ...(current.viewless && !vouched ? { viewless: true } : {}),
      version: current.version + 1,
    };
  });
}

/** A first entry of a ticket: nothing pending, nothing announced yet. */
function untracked(issueKey: string, fields: Pick<DueIndexEntry, 'basis' | 'stateless'>): DueIndexEntry {
  return { issueKey, projectKey: projectOfKey(issueKey), version: 1, lastPre: 0, pending: [], ...fields };
}

/**
 * A "no state yet" copy for a ticket seen without a state property, as of the ticket view `basis` it was seen in
 * (docs/decisions/0020, "A copy of no state"): by the index rebuild's search, or by an event decision that read the
 * ticket and left it without a state. Made only when the ticket has no entry at all: every state write announces
 * itself in the entry first, and every other event decision on a ticket without state makes an entry (this copy,
 * or one holding only its basis: `noteDecision` with `track`), so a ticket without an entry has had neither. A
 * writer that comes later removes the copy with its announcement.
 */
export async function keepNoState(index: DueIndexStore, issueKey: string, basis: string): Promise<void> {
  if ((await index.get(issueKey)) !== undefined) return;
  await index.create(untracked(issueKey, { basis: indexInstant(basis), stateless: true }));
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
      ...(current?.basis !== undefined ? { basis: current.basis } : {}),
      ...(current?.viewless ? { viewless: true } : {}),
      ...(current?.stateless ? { stateless: true } : {}),
    };
  });
}
