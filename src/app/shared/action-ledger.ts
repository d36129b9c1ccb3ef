import type { KeyValueStore } from '../ports';

/**
 * Exactly-once bookkeeping for actions that customers see (a reminder, a close, a Delivery resolving its tickets).
 * Scheduled triggers can fire twice, queue events and product events arrive more than once, and an invocation
 * can die between a write and its bookkeeping. The protocol:
 *  1. `claim(key)` — an atomic FAIL_IF_EXISTS write of a `pending` marker; only one runner wins.
 *  2. the winner performs the Jira write (which carries the ticket's new state in the same call);
 *  3. `complete(key)` marks it `done`.
 * A `pending` marker older than the lease belongs to a runner that died. Taking it over is as atomic as the
 * first claim: a FAIL_IF_EXISTS write of a takeover key named after the stale marker's time, so of several
 * runners that find the same stale claim at the same moment exactly one gets `stale` (it now owns the action and
 * re-reads the ticket, strongly consistent, to learn whether the dead runner's write landed, then `complete`s
 * or writes); the others get `inProgress`, exactly as for a live claim. `inProgress` says when its holder's lease
 * ends (`staleAt`): from then on a runner may take the action over, should the holder have died.
 */
export type ClaimResult =
  | { kind: 'claimed' }
  | { kind: 'done'; at: string }
  | { kind: 'inProgress'; since: string; staleAt: string }
  | { kind: 'stale'; since: string };

interface Marker {
  state: 'pending' | 'done';
  at: string;
}

/** How long a `pending` claim belongs to its runner; after that the runner counts as dead. */
export const CLAIM_LEASE_SECONDS = 600;

/** Markers outlive every timer they guard (the longest default cycle is 16 weeks). */
const MARKER_TTL_DAYS = 200;

export class ActionLedger {
  constructor(
    private readonly store: KeyValueStore,
    private readonly leaseSeconds = CLAIM_LEASE_SECONDS,
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
    if (ageSeconds < this.leaseSeconds) return this.inProgress(marker.at);
    const holder = await this.takeOver(key, marker.at, now);
    return holder === undefined ? { kind: 'stale', since: marker.at } : this.inProgress(holder);
  }

  /** Whether the action is done: a read only, that claims nothing. */
  async isDone(idempotencyKey: string): Promise<boolean> {
    return (await this.store.get<Marker>(this.key(idempotencyKey)))?.state === 'done';
  }

  private inProgress(since: string): ClaimResult {
    const staleAt = new Date(Date.parse(since) + this.leaseSeconds * 1000).toISOString();
    return { kind: 'inProgress', since, staleAt };
  }

  /**
   * One winner per stale marker: the takeover key is unique to the marker's time, so concurrent runners race
   * on one FAIL_IF_EXISTS write. The winner re-arms the claim with the time it wrote into the takeover key (a
   * new lease). A winner that died before re-arming leaves the marker at the old time and its takeover key
   * behind; once that key's time is past the lease too, the next runner races on the key named after it — the
   * same key it would race on had the re-arm landed — so a dead taker never holds the action longer than a lease.
   * Returns nothing when this runner won, else the time the action's holder (the taker that won) took it.
   */
  private async takeOver(key: string, staleAt: string, now: Date): Promise<string | undefined> {
    let owner = staleAt;
    for (;;) {
      const takeoverKey = `${key}:takeover:${Date.parse(owner)}`;
      const won = await this.store.setIfAbsent(takeoverKey, { at: now.toISOString() }, { ttlDays: 1 });
      if (won) {
        await this.store.set<Marker>(
          key,
          { state: 'pending', at: now.toISOString() },
          { ttlDays: MARKER_TTL_DAYS },
        );
        return undefined;
      }
      const taker = await this.store.get<{ at: string }>(takeoverKey);
      if (!taker || Date.parse(taker.at) <= Date.parse(owner)) return now.toISOString();
      if ((now.getTime() - Date.parse(taker.at)) / 1000 < this.leaseSeconds) return taker.at;
      owner = taker.at;
    }
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
