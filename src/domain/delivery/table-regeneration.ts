/**
 * When a Delivery's "Included tickets" table is regenerated (guide §3.3): once per burst of link changes, not once
 * per link. The first change of a burst marks the table and queues one regeneration {@link TABLE_DELAY_SECONDS}
 * later; the changes within that window find the mark and queue nothing; the regeneration clears the mark before
 * it reads the links, so a change made while it runs marks again and gets a regeneration of its own
 * (docs/decisions/0023).
 */

/** A Delivery's table waits for a regeneration queued at `at` under `token`. */
export interface TableMark {
  readonly token: string;
  /** When the mark was written (ISO instant). */
  readonly at: string;
  readonly projectKey: string;
}

/** The window a burst of changes has to coalesce: the table lists a linked ticket at most this long after. */
export const TABLE_DELAY_SECONDS = 120;

/**
 * A mark older than this has lost its regeneration: the invocation that wrote it died before it queued one, or
 * the queue has held it back for long (retries after a rate limit). Forge delivers a delayed event about at its
 * time; five minutes past the window leaves room for its retries without keeping a lost mark for long.
 *
 * @internal Exported for the tests that age a mark past it.
 */
export const TABLE_MARK_STALE_SECONDS = TABLE_DELAY_SECONDS + 300;

function isStale(mark: TableMark, now: Date): boolean {
  return now.getTime() - Date.parse(mark.at) >= TABLE_MARK_STALE_SECONDS * 1000;
}

/**
 * What a change of the Delivery's links does: `coalesce` when a regeneration is already queued for it (a fresh
 * mark), else `schedule` (mark the table and queue one).
 *
 * @example tableScheduleFor(undefined, now) // 'schedule'
 */
export function tableScheduleFor(mark: TableMark | undefined, now: Date): 'coalesce' | 'schedule' {
  return mark !== undefined && !isStale(mark, now) ? 'coalesce' : 'schedule';
}

/**
 * What a queued regeneration (`token`) does with the mark it finds:
 * - `clear`: its own mark: clear it, then regenerate (a change from now on marks again);
 * - `regenerate`: no mark (a copy of it, or an earlier attempt, cleared it; the ledger tells copies apart);
 * - `skip`: another regeneration's mark: that one is still to read the links, after every change so far.
 */
export function tableRunFor(mark: TableMark | undefined, token: string): 'clear' | 'regenerate' | 'skip' {
  if (mark === undefined) return 'regenerate';
  return mark.token === token ? 'clear' : 'skip';
}

/** The marks whose regeneration is lost (see {@link TABLE_MARK_STALE_SECONDS}): the hourly sweep queues them again. */
export function staleTableMarks<T extends { readonly mark: TableMark }>(
  entries: readonly T[],
  now: Date,
): T[] {
  return entries.filter((e) => isStale(e.mark, now));
}
