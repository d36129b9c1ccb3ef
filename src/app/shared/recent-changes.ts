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

/**
 * A Delivery or a customer ticket: the Planned-Delivery search reconciles only Deliveries, the waiting-ticket and
 * table searches only tickets, so neither pays for the other's changes. An entry without a kind counts for both.
 */
export type RecentKind = 'delivery' | 'ticket';

const entrySchema = z.object({
  at: z.iso.datetime({ offset: true }),
  kind: z.enum(['delivery', 'ticket']).optional(),
});

/** The project's recent changes by kind, each list the most recent first. */
export interface RecentChanges {
  readonly deliveries: readonly number[];
  readonly tickets: readonly number[];
  /**
   * The recent Delivery changes with the time each was noted (`<id>@<time>`, most recent first): it differs from
   * an earlier one whenever a Delivery change was noted since, also a second change of the same Delivery.
   */
  readonly deliveryMark: string;
}

export const NO_RECENT_CHANGES: RecentChanges = { deliveries: [], tickets: [], deliveryMark: '' };

const prefixOf = (projectKey: string) => `recent:${projectKey}:`;

/** Records that `issueId` (a `kind`) of `projectKey` changed now. Call BEFORE the search that must see the change. */
export async function noteRecentChange(
  store: KeyValueStore,
  projectKey: string,
  issueId: string,
  kind: RecentKind,
  now: Date,
): Promise<void> {
  await store.set(
    `${prefixOf(projectKey)}${issueId}`,
    { at: now.toISOString(), kind },
    { ttlDays: TTL_DAYS },
  );
}

/**
 * The ids (numbers, as `reconcileIssues` takes them) of the project's Deliveries and tickets changed within
 * {@link RECENT_CHANGE_MS}, the most recent first, all of them (a search reconciles them with
 * `searchReconciled`, 50 at a time). Entries past the window are deleted.
 *
 * @example
 * await recentChanges(store, 'SUP', now); // { deliveries: [10050], tickets: [10042, 10017], deliveryMark: '10050@1764…' }
 */
export async function recentChanges(
  store: KeyValueStore,
  projectKey: string,
  now: Date,
): Promise<RecentChanges> {
  const prefix = prefixOf(projectKey);
  const recent: { id: number; at: number; kind: RecentKind | undefined }[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list<unknown>(prefix, { limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const entry of page.entries) {
      const parsed = entrySchema.safeParse(entry.value);
      const id = Number(entry.key.slice(prefix.length));
      const at = parsed.success ? Date.parse(parsed.data.at) : Number.NaN;
      const kind = parsed.success ? parsed.data.kind : undefined;
      if (Number.isSafeInteger(id) && now.getTime() - at < RECENT_CHANGE_MS) recent.push({ id, at, kind });
      else await store.delete(entry.key);
    }
    cursor = page.cursor;
  } while (cursor);
  recent.sort((a, b) => b.at - a.at || b.id - a.id);
  const of = (kind: RecentKind) => recent.filter((r) => (r.kind ?? kind) === kind);
  const deliveries = of('delivery');
  return {
    deliveries: deliveries.map((r) => r.id),
    tickets: of('ticket').map((r) => r.id),
    deliveryMark: deliveries.map((r) => `${r.id}@${r.at}`).join(','),
  };
}
