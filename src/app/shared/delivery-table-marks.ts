import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { KeyValueStore, Logger, WorkItem, WorkQueue } from '../ports';
import {
  staleTableMarks,
  tableScheduleFor,
  TABLE_DELAY_SECONDS,
  type TableMark,
} from '../../domain/delivery/table-regeneration';

/**
 * The marks of Delivery tables waiting for their regeneration (`deliveryTable:<deliveryId>` in KVS; see
 * `src/domain/delivery/table-regeneration.ts` and docs/decisions/0023). KVS `get` is strongly consistent, so a
 * change that reads a mark reads it before the regeneration that clears it reads the links.
 */
const PREFIX = 'deliveryTable:';
/** A mark outlives any regeneration by far; KVS drops one the sweep did not repair after this. */
const TTL_DAYS = 7;
const PAGE = 100;
/** The time a mark whose push failed is given: stale for every reader. */
const LOST = new Date(0).toISOString();

/** Queue work item type that regenerates one Delivery's table. */
export const DELIVERY_TABLE_WORK = 'events.deliveryTable';

const markSchema = z.object({
  token: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  projectKey: z.string().min(1),
});

const markKey = (deliveryId: string) => `${PREFIX}${deliveryId}`;

/** The mark of `deliveryId`'s table; a value that is no mark counts as none (the next change writes a good one). */
export async function tableMarkOf(store: KeyValueStore, deliveryId: string): Promise<TableMark | undefined> {
  return markSchema.safeParse(await store.get(markKey(deliveryId))).data;
}

/** Clears `deliveryId`'s mark: a change from now on marks the table again and queues its own regeneration. */
export async function clearTableMark(store: KeyValueStore, deliveryId: string): Promise<void> {
  await store.delete(markKey(deliveryId));
}

function regeneration(deliveryId: string, mark: TableMark, delaySeconds: number): WorkItem {
  const body = { type: DELIVERY_TABLE_WORK, deliveryId, projectKey: mark.projectKey, token: mark.token };
  return delaySeconds > 0 ? { body, delaySeconds } : { body };
}

/**
 * A change of `deliveryId`'s links (a ticket linked or unlinked): queues one regeneration of its table
 * {@link TABLE_DELAY_SECONDS} from now, unless one is queued already (a fresh mark), so a burst of changes costs
 * one regeneration. The mark is written before the push: a change that finds it can rely on a queued
 * regeneration, except when this invocation dies between the two; such a mark grows stale, and then the next
 * change or the hourly sweep ({@link requeueStaleTableMarks}) queues it again. A push the queue refuses leaves the
 * mark stale at once. Returns whether this change queued the regeneration.
 */
export async function scheduleTableRegeneration(
  deps: { readonly store: KeyValueStore; readonly queue: WorkQueue },
  projectKey: string,
  deliveryId: string,
  now: Date,
): Promise<boolean> {
  const current = await tableMarkOf(deps.store, deliveryId);
  if (tableScheduleFor(current, now) === 'coalesce') return false;
  const mark: TableMark = { token: randomUUID(), at: now.toISOString(), projectKey };
  await deps.store.set(markKey(deliveryId), mark, { ttlDays: TTL_DAYS });
  try {
    await deps.queue.push([regeneration(deliveryId, mark, TABLE_DELAY_SECONDS)]);
  } catch (error) {
    // Stale at once, so the event's retry, the next change or the hourly sweep queues it; should even this write
    // fail, the mark grows stale by itself.
    await deps.store
      .set(markKey(deliveryId), { ...mark, at: LOST }, { ttlDays: TTL_DAYS })
      .catch(() => undefined);
    throw error;
  }
  return true;
}

/**
 * Queues at once the regeneration of every table whose mark is stale (its regeneration lost, see
 * `TABLE_MARK_STALE_SECONDS`), under the mark's own token: should the first one still run, the ledger lets only one
 * of the two regenerate. KVS reads and a push per 50 tables, no Jira call. Returns how many it queued.
 */
export async function requeueStaleTableMarks(
  deps: { readonly store: KeyValueStore; readonly queue: WorkQueue; readonly log: Logger },
  now: Date,
): Promise<number> {
  const entries: { deliveryId: string; mark: TableMark }[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.list<unknown>(PREFIX, { limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const entry of page.entries) {
      const mark = markSchema.safeParse(entry.value).data;
      if (mark) entries.push({ deliveryId: entry.key.slice(PREFIX.length), mark });
    }
    cursor = page.cursor;
  } while (cursor);
  const stale = staleTableMarks(entries, now);
  // The queue takes at most 50 events a push.
  for (let i = 0; i < stale.length; i += 50)
    await deps.queue.push(stale.slice(i, i + 50).map((e) => regeneration(e.deliveryId, e.mark, 0)));
  if (stale.length > 0) deps.log.warn('events.deliveryTableRequeued', { tables: stale.length });
  return stale.length;
}
