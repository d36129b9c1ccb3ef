import { z } from 'zod';
import type { KeyValueStore } from '../ports';

/**
 * The issues of a project whose Delivery-relevant fields (status, Delivery version, estimated date, links) just
 * changed, kept in KVS so a search right after can name them in `reconcileIssues`. JQL search is eventually
 * consistent: without `reconcileIssues` it "may return stale or outdated data … from a few seconds to minutes",
 * and consistency "is ensured only for the specified issues", at most 50 (developer.atlassian.com, "Search After
 * Write with Search And Reconcile"). Atlassian's workaround for project-wide consistency is exactly this: keep the
 * recently changed issue ids and pass them, up to 50, in `reconcileIssues` (JRACLOUD-96208). Reconciling 50 costs no
 * REST call: it rides on the search the app makes anyway; each further 50 cost one narrow search
 * (`searchReconciled`).
 *
 * One KVS key per issue (`recent:<project>:<issueId>`), so concurrent writers never lose each other's entry.
 */

/**
 * How long a change counts as recent: far beyond the "few seconds to minutes" search takes to show one. Older
 * entries are deleted by the reader that finds them; KVS drops any left over after a day.
 */
const RECENT_CHANGE_MS = 60 * 60_000;
const TTL_DAYS = 1;
const PAGE = 100;

const entrySchema = z.object({ at: z.iso.datetime({ offset: true }) });

const prefixOf = (projectKey: string) => `recent:${projectKey}:`;

/** Records that `issueId` of `projectKey` changed now. Call BEFORE the search that must see the change. */
export async function noteRecentChange(
  store: KeyValueStore,
  projectKey: string,
  issueId: string,
  now: Date,
): Promise<void> {
  await store.set(`${prefixOf(projectKey)}${issueId}`, { at: now.toISOString() }, { ttlDays: TTL_DAYS });
}

/**
 * The ids (numbers, as `reconcileIssues` takes them) of the project's issues changed within
 * {@link RECENT_CHANGE_MS}, the most recent first, all of them (a search reconciles them with
 * `searchReconciled`, 50 at a time). Entries past the window are deleted.
 *
 * @example
 * await recentChanges(store, 'SUP', now); // [10042, 10017]
 */
export async function recentChanges(store: KeyValueStore, projectKey: string, now: Date): Promise<number[]> {
  const prefix = prefixOf(projectKey);
  const recent: { id: number; at: number }[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list<unknown>(prefix, { limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const entry of page.entries) {
      const parsed = entrySchema.safeParse(entry.value);
      const id = Number(entry.key.slice(prefix.length));
      const at = parsed.success ? Date.parse(parsed.data.at) : Number.NaN;
      if (Number.isSafeInteger(id) && now.getTime() - at < RECENT_CHANGE_MS) recent.push({ id, at });
      else await store.delete(entry.key);
    }
    cursor = page.cursor;
  } while (cursor);
  return recent.sort((a, b) => b.at - a.at || b.id - a.id).map((r) => r.id);
}
