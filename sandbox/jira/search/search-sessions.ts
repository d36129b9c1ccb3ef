/** One search's snapshot: the matching issue ids in result order, taken on the first page. */
interface Session {
  ids: string[];
  /** The `reconcileIssues` of the first page, sorted: every later page must name the same. */
  reconcile: string;
  createdAt: number;
}

/** A `reconcileIssues` list in one comparable form (order and repeats do not matter). */
const reconcileKey = (ids: readonly string[]) => [...new Set(ids)].sort().join(',');

/** Jira's `nextPageToken` expires after 7 days. */
const TOKEN_TTL_MS = 7 * 24 * 3600 * 1000;
const MAX_SESSIONS = 500;

/**
 * Keeps the ordered result ids of each search so paging with `nextPageToken` neither loses nor repeats issues
 * while issues change status between pages (each page renders the issues' current state). The token is
 * `<session>.<offset>`; the oldest sessions are dropped beyond a fixed number.
 */
export class SearchSessions {
  private readonly sessions = new Map<string, Session>();
  private counter = 0;

  /** Start a session; returns its id. */
  open(ids: string[], reconcile: readonly string[] = []): string {
    const id = `s${++this.counter}`;
    this.sessions.set(id, { ids, reconcile: reconcileKey(reconcile), createdAt: Date.now() });
    if (this.sessions.size > MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    return id;
  }

  token(sessionId: string, offset: number): string {
    return `${sessionId}.${offset}`;
  }

  /** Resolve a token to its snapshot and offset, or undefined when unknown or expired. */
  resume(
    token: string,
  ):
    | { sessionId: string; ids: string[]; offset: number; sameReconcile: (ids: readonly string[]) => boolean }
    | undefined {
    const match = /^(s\d+)\.(\d+)$/.exec(token);
    const session = match ? this.sessions.get(match[1] ?? '') : undefined;
    if (!match || !session || Date.now() - session.createdAt > TOKEN_TTL_MS) return undefined;
    return {
      sessionId: match[1] ?? '',
      ids: session.ids,
      offset: Number(match[2]),
      sameReconcile: (ids) => reconcileKey(ids) === session.reconcile,
    };
  }
}
