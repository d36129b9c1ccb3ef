import type { KeyValueStore } from '../ports';

/**
 * Exactly-once bookkeeping for actions that customers see (a reminder, a close, a Delivery resolving its tickets).
 * Scheduled triggers can fire twice, queue events and product events arrive more than once, and an invocation
 * can die between a write and its bookkeeping. The protocol:
 *  1. `claim(key)` — an atomic FAIL_IF_EXISTS write of a `pending` marker; only one runner wins.
 *  2. the winner performs the Jira write (which carries the ticket's new state in the same call);
 *  3. `complete(key)` marks it `done`.
 * A `pending` marker older than the lease belongs to a runner that died: the next runner re-reads the ticket
 * (strongly consistent GET) to learn whether the write landed, then either `complete`s or `takeOver`s.
 */
export type ClaimResult =
  | { kind: 'claimed' }
  | { kind: 'done'; at: string }
  | { kind: 'inProgress'; since: string }
  | { kind: 'stale'; since: string };

interface Marker {
  state: 'pending' | 'done';
  at: string;
}

/** Markers outlive every timer they guard (the longest default cycle is 16 weeks). */
const MARKER_TTL_DAYS = 200;

export class ActionLedger {
  constructor(
    private readonly store: KeyValueStore,
    private readonly leaseSeconds = 600,
  ) {}

  private key(idempotencyKey: string): string {
    return `act:${idempotencyKey.replace(/[^a-zA-Z0-9:._-]/g, '_')}`;
  }

  async claim(idempotencyKey: string, now: Date): Promise<ClaimResult> {
    const key = this.key(idempotencyKey);
    const won = await this.store.setIfAbsent<Marker>(
      key,
      { state: 'pending', at: now.toISOString() },
      { ttlDays: MARKER_TTL_DAYS },
    );
    if (won) return { kind: 'claimed' };
    const marker = await this.store.get<Marker>(key);
    if (!marker) return this.claim(idempotencyKey, now);
    if (marker.state === 'done') return { kind: 'done', at: marker.at };
    const ageSeconds = (now.getTime() - Date.parse(marker.at)) / 1000;
    return ageSeconds >= this.leaseSeconds
      ? { kind: 'stale', since: marker.at }
      : { kind: 'inProgress', since: marker.at };
  }

  /** Re-arms a stale claim for this runner after it verified that the action has not happened. */
  async takeOver(idempotencyKey: string, now: Date): Promise<void> {
    await this.store.set<Marker>(
      this.key(idempotencyKey),
      { state: 'pending', at: now.toISOString() },
      { ttlDays: MARKER_TTL_DAYS },
    );
  }

  async complete(idempotencyKey: string, now: Date): Promise<void> {
    await this.store.set<Marker>(
      this.key(idempotencyKey),
      { state: 'done', at: now.toISOString() },
      { ttlDays: MARKER_TTL_DAYS },
    );
  }

  /** Gives a claim back when the action turned out not to apply, so a later run may act. */
  async release(idempotencyKey: string): Promise<void> {
    await this.store.delete(this.key(idempotencyKey));
  }
}
