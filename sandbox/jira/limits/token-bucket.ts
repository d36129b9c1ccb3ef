/**
 * A token bucket driven by an explicit clock: `rate` tokens per second refill up to `capacity`.
 * The capacity above the steady rate is the "burst buffer" Atlassian tolerates for short spikes (guide §9).
 */
export class TokenBucket {
  private tokens: number;
  private lastMs: number | undefined;

  constructor(
    private readonly rate: number,
    readonly capacity: number,
  ) {
    this.tokens = capacity;
  }

  /** Takes one token at `atMs`; returns 0 when taken, otherwise the milliseconds until one is available. */
  take(atMs: number): number {
    this.refill(atMs);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.rate) * 1000);
  }

  /** Tokens left after the last `take` (refilled up to its time). */
  get left(): number {
    return this.tokens;
  }

  private refill(atMs: number): void {
    if (this.lastMs !== undefined && atMs > this.lastMs) {
      this.tokens = Math.min(this.capacity, this.tokens + ((atMs - this.lastMs) / 1000) * this.rate);
    }
    if (this.lastMs === undefined || atMs > this.lastMs) this.lastMs = atMs;
  }
}
