import type { KeyValueStore } from '../ports';

interface Bucket {
  spent: number;
}

/**
 * The hour bucket `yyyy-MM-ddTHH` (UTC) a moment falls in.
 * @internal Exported for the tests that check it directly.
 */
export function hourBucket(now: Date): string {
  return now.toISOString().slice(0, 13);
}

/**
 * The site's Jira points budget for automation per clock hour (config `automation.pointsBudgetPerHour`), kept
 * in KVS so that the scheduled sweep and its queued continuations share it. A large backlog is therefore spread
 * over several hours instead of exhausting the quota Jira shares with every other app and user. Counting is
 * read-modify-write: two writers (the queue's concurrency limit) may undercount by one page at most, which the
 * sweep absorbs by reserving a page's worth before it starts one.
 */
export class PointsBudget {
  private readonly key: string;

  constructor(
    private readonly store: KeyValueStore,
    private readonly perHour: number,
    now: Date,
  ) {
    this.key = `sweep:budget:${hourBucket(now)}`;
  }

  /** Points spent in this hour so far. */
  async spent(): Promise<number> {
    return (await this.store.get<Bucket>(this.key))?.spent ?? 0;
  }

  /** Points still available in this hour. */
  async remaining(): Promise<number> {
    return Math.max(0, this.perHour - (await this.spent()));
  }

  /** Adds points actually charged by Jira (measured by the client). */
  async charge(points: number): Promise<void> {
    if (points <= 0) return;
    const spent = await this.spent();
    await this.store.set<Bucket>(this.key, { spent: spent + points }, { ttlDays: 2 });
  }
}
