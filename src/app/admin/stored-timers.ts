import { parseProcessState, type ProcessState } from '../../domain/process-state';
import type { AppDeps } from '../deps';
import { indexInstant } from '../shared/due-index';
import { dueIndexBuilt } from '../shared/repair-marker';

/** A ticket with a due-index entry: its key, project and the entry's due time (never later than the ticket's). */
interface IndexedTicket {
  readonly issueKey: string;
  readonly projectKey: string;
  readonly indexedDueAt: string;
}

/** A ticket with a running timer as the app's storage holds it: its entry and state copy. */
export interface StoredTimer extends IndexedTicket {
  readonly state: ProcessState;
}

/** What the app's own storage says about the running timers of some projects. */
export interface StoredTimers {
  /** Tickets whose state the due index holds a copy of, with a running timer. */
  readonly tickets: StoredTimer[];
  /** Tickets with a due time but no copy of their state (a write in flight, overlapped or not yet made since the copy was kept). */
  readonly unknown: IndexedTicket[];
  /** Projects whose due index is not built yet: tickets of theirs may run a timer without an entry. */
  readonly unindexed: string[];
}

/** Entries per KVS query: the most a custom entity query returns. */
const PAGE = 100;

/**
 * Every ticket of `projects` with a due time by `until`, read from the due index alone (KVS, no Jira call), page
 * by page to the end. The state comes from the entry's copy (docs/decisions/0015), which is present only while it
 * equals the ticket's property; an entry without one lands in `unknown`, never guessed. A project whose index is
 * not built is named in `unindexed`, since its tickets without an entry are not known at all.
 */
export async function storedTimers(
  app: Pick<AppDeps, 'dueIndex' | 'store'>,
  projects: readonly string[],
  until: Date,
): Promise<StoredTimers> {
  const tickets: StoredTimer[] = [];
  const unknown: IndexedTicket[] = [];
  const unindexed: string[] = [];
  const seen = new Set<string>();
  for (const projectKey of projects) {
    if (!(await dueIndexBuilt(app.store, projectKey))) unindexed.push(projectKey);
    let cursor: string | undefined;
    do {
      const page = await app.dueIndex.dueUntil(projectKey, indexInstant(until.toISOString()), {
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      for (const entry of page.entries) {
        if (seen.has(entry.issueKey) || entry.dueAt === undefined) continue;
        seen.add(entry.issueKey);
        const indexed = { issueKey: entry.issueKey, projectKey, indexedDueAt: entry.dueAt };
        const state = parseProcessState(entry.state);
        if (!state) unknown.push(indexed);
        else if (state.timer !== 'none') tickets.push({ ...indexed, state });
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return { tickets, unknown, unindexed };
}
