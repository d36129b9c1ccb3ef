import type { ActivityKind, ActivityPage } from '../../contract/admin-views';
import { isOfKind } from './activity-kinds';
import type { AuditEntry as AuditEntryView } from '../../contract/common';
import type { AuditEntry } from '../shared/audit-log';
import { auditEntryView } from '../panel/audit-entry-view';
import { requireJiraAdmin, type AdminDeps } from './admin-access';
import { InvalidPayloadError, issueLines } from './invalid-payload-error';
import { activityPayloadSchema } from './settings-payload-schema';

/**
 * Entries read per KVS page. Fixed, so that re-reading a page from its stored cursor returns the same entries
 * and a position "entry i of the page at cursor c" stays valid between requests.
 */
const PAGE_SIZE = 50;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
/** The site-wide stream (settings saves): the audit log files them under the empty project key. */
const SITE_STREAM = '';

/** Where one stream stands: the KVS cursor of its current page (absent = first page) and the next index in it. */
interface Position {
  c?: string;
  i: number;
}

/** A cursor holds every stream's position; `null` = the stream is exhausted. */
type Positions = Record<string, Position | null>;

function encode(positions: Positions): string {
  return Buffer.from(JSON.stringify(positions)).toString('base64url');
}

function isPosition(value: unknown): value is Position | null {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p.i === 'number' &&
    Number.isInteger(p.i) &&
    p.i >= 0 &&
    (p.c === undefined || typeof p.c === 'string')
  );
}

function decode(cursor: string): Positions {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (typeof value === 'object' && value !== null && Object.values(value).every(isPosition))
      return value as Positions;
  } catch {
    // fall through
  }
  throw new InvalidPayloadError(['cursor: is not a cursor this page returned']);
}

/** One stream being merged: its position and the page that position points into, once read. */
interface Stream {
  key: string;
  position: Position | null;
  page?: { entries: AuditEntry[]; cursor?: string };
}

/**
 * The audit log, newest first across all managed projects and the site-wide entries (settings saves),
 * filtered by project, ticket, action, kind and date (inclusive). Each project's log is already newest first in KVS, so the
 * streams are merged by time: a page never shows an older entry before a newer one of another project, and
 * the cursor keeps each stream's exact position, so nothing is skipped or repeated between pages. KVS reads
 * per request are capped; a page may then hold fewer entries than asked and still have a cursor. Admins only.
 */
export async function getActivity(payload: unknown, deps: AdminDeps): Promise<ActivityPage> {
  await requireJiraAdmin(deps);
  const parsed = activityPayloadSchema.safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const filter = parsed.data;
  const limit = Math.min(filter.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
  const { config } = await deps.app.config.load();
  // A ticket's entries are in its project's stream only.
  const ticketProject = filter.issueKey?.slice(0, filter.issueKey.lastIndexOf('-'));
  const project = ticketProject ?? filter.projectKey;
  const keys = project ? [project] : [...config.projects, SITE_STREAM];
  const from = filter.from ? Date.parse(filter.from) : -Infinity;
  const to = filter.to ? Date.parse(filter.to) : Infinity;
  const start = filter.cursor ? decode(filter.cursor) : undefined;
  // A stream the cursor does not know (a project managed since the first page) has nothing older to add.
  const streams: Stream[] = keys.map((key) => ({ key, position: start ? (start[key] ?? null) : { i: 0 } }));
  let reads = 0;
  const maxReads = streams.length + 10;

  /** The stream's next entry, reading its next page when needed; `'budget'` when no read is left. */
  const head = async (stream: Stream): Promise<AuditEntry | null | 'budget'> => {
    for (;;) {
      const position = stream.position;
      if (position === null) return null;
      if (stream.page === undefined) {
        if (reads >= maxReads) return 'budget';
        reads += 1;
        stream.page = await deps.app.audit.forProject(stream.key, {
          limit: PAGE_SIZE,
          ...(position.c ? { cursor: position.c } : {}),
        });
      }
      const entry = stream.page.entries[position.i];
      if (entry) return entry;
      const next = stream.page.cursor;
      stream.position = next ? { c: next, i: 0 } : null;
      stream.page = undefined;
    }
  };

  const entries: AuditEntryView[] = [];
  while (entries.length < limit) {
    let newest: { stream: Stream; entry: AuditEntry; at: number } | undefined;
    let outOfReads = false;
    for (const stream of streams) {
      const entry = await head(stream);
      if (entry === 'budget') outOfReads = true;
      else if (entry) {
        const at = Date.parse(entry.at);
        if (!newest || at > newest.at) newest = { stream, entry, at };
      }
    }
    if (outOfReads || !newest) break;
    const { stream, entry, at } = newest;
    if (at < from) {
      // Older entries of this stream cannot match either.
      stream.position = null;
      continue;
    }
    stream.position = { ...(stream.position as Position), i: (stream.position as Position).i + 1 };
    const view = matches(entry, at, to, filter);
    if (view) entries.push(view);
  }
  const open = streams.some((s) => s.position !== null);
  return {
    entries,
    nextCursor: open ? encode(Object.fromEntries(streams.map((s) => [s.key, s.position]))) : null,
  };
}

/** A settings save's author (account id) and changes, as the admin page shows them. */
function settingsSave(entry: AuditEntry): Pick<AuditEntryView, 'actorAccountId' | 'changes' | 'moreChanges'> {
  return {
    ...(entry.actorAccountId !== undefined ? { actorAccountId: entry.actorAccountId } : {}),
    ...(entry.changes !== undefined ? { changes: entry.changes.map((c) => ({ ...c })) } : {}),
    ...(entry.moreChanges !== undefined ? { moreChanges: entry.moreChanges } : {}),
  };
}

function matches(
  entry: AuditEntry,
  at: number,
  to: number,
  filter: {
    action?: string | undefined;
    kind?: ActivityKind | undefined;
    issueKey?: string | undefined;
    projectKey?: string | undefined;
  },
): AuditEntryView | null {
  if (at > to) return null;
  if (filter.issueKey && entry.issueKey !== filter.issueKey) return null;
  // A ticket of another project than the one asked for has no entries there.
  if (filter.issueKey && filter.projectKey && entry.projectKey !== filter.projectKey) return null;
  const view = auditEntryView(entry);
  if (filter.action && view.action !== filter.action) return null;
  if (filter.kind && !isOfKind(view.action, filter.kind)) return null;
  return { ...view, ...settingsSave(entry) };
}
