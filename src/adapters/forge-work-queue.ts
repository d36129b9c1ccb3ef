import { Queue } from '@forge/events';
import type { WorkItem, WorkQueue } from '../app/ports';
import { queuePush } from './platform-failures';

/** The queue the manifest's `work-consumer` listens on. */
const WORK_QUEUE_KEY = 'process-work';

/** Forge accepts at most 50 events and 200 KB per push. */
const MAX_EVENTS_PER_PUSH = 50;
const MAX_BYTES_PER_PUSH = 190_000;

/**
 * Writes to Jira from queued work share one concurrency key per installation, so a large backlog never fans out
 * into more parallel writers than Jira's per-second burst limits tolerate.
 */
const JIRA_WRITERS = { key: 'jira-writers', limit: 2 };

/**
 * Splits items into pushes that respect the Forge limits on count and size.
 * @internal Exported for the tests that check it directly.
 */
export function chunkForPush(items: WorkItem[]): WorkItem[][] {
  const chunks: WorkItem[][] = [];
  let current: WorkItem[] = [];
  let bytes = 2;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item)) + 1;
    if (current.length > 0 && (current.length >= MAX_EVENTS_PER_PUSH || bytes + size > MAX_BYTES_PER_PUSH)) {
      chunks.push(current);
      current = [];
      bytes = 2;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** `WorkQueue` on the Forge async events queue (`@forge/events`); a failed push is a `QueueError`. */
export function forgeWorkQueue(queue = new Queue({ key: WORK_QUEUE_KEY })): WorkQueue {
  return {
    async push(items) {
      for (const chunk of chunkForPush(items)) {
        await queuePush(() =>
          queue.push(
            chunk.map((item) => ({
              body: item.body,
              concurrency: JIRA_WRITERS,
              ...(item.delaySeconds
                ? { delayInSeconds: Math.min(900, Math.max(0, Math.round(item.delaySeconds))) }
                : {}),
            })),
          ),
        );
      }
    },
  };
}
