import type { KeyValueStore } from '../ports';

/** The manifest's `process-sweep` interval (`hour`); the manifest test keeps the two in step. */
export const SWEEP_INTERVAL = { manifest: 'hour', ms: 3_600_000 } as const;

/** The KVS marker a sweep run leaves per project and ten-minute slot (kept one day). */
export const sweepRunKey = (projectKey: string, now: Date): string =>
  `sweep:run:${projectKey}:${now.toISOString().slice(0, 15)}`;

const MARKER_PAGES = 3;

/**
 * When the scheduled sweep last ran, from its run markers (KVS only, no Jira call): the latest marker of any
 * of `projects`. `null` when none is kept.
 */
export async function lastSweepAt(store: KeyValueStore, projects: readonly string[]): Promise<Date | null> {
  let latest: number | null = null;
  for (const projectKey of projects) {
    let cursor: string | undefined;
    for (let page = 0; page < MARKER_PAGES; page++) {
      const listed = await store.list<{ at?: unknown }>(`sweep:run:${projectKey}:`, {
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      for (const { value } of listed.entries) {
        const at = typeof value.at === 'string' ? Date.parse(value.at) : NaN;
        if (!Number.isNaN(at) && (latest === null || at > latest)) latest = at;
      }
      cursor = listed.cursor;
      if (!cursor) break;
    }
  }
  return latest === null ? null : new Date(latest);
}
