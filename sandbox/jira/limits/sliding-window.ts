/**
 * Counts events in trailing windows (e.g. "20 writes per 2 s and 100 per 30 s" on one issue, guide §9).
 * Timestamps come from the caller's clock, never from real time.
 */
export class SlidingWindowCounter {
  private readonly times: number[] = [];

  constructor(private readonly windows: ReadonlyArray<{ limit: number; ms: number }>) {}

  /**
   * Records an event at `atMs` when every window has room and returns 0; otherwise records nothing and returns
   * the milliseconds until the fullest window frees a slot.
   */
  tryRecord(atMs: number): number {
    const longest = Math.max(...this.windows.map((w) => w.ms));
    while (this.times.length > 0 && (this.times[0] ?? 0) <= atMs - longest) this.times.shift();
    let waitMs = 0;
    for (const w of this.windows) {
      const inWindow = this.times.filter((t) => t > atMs - w.ms);
      if (inWindow.length >= w.limit) {
        // The window frees a slot when its (count - limit + 1)-th oldest event leaves it.
        const releasing = inWindow[inWindow.length - w.limit] ?? atMs;
        waitMs = Math.max(waitMs, releasing + w.ms - atMs);
      }
    }
    if (waitMs > 0) return waitMs;
    this.times.push(atMs);
    return 0;
  }

  /** True when no event is inside any window any more (the counter can be dropped). */
  isIdle(atMs: number): boolean {
    const longest = Math.max(...this.windows.map((w) => w.ms));
    const last = this.times[this.times.length - 1];
    return last === undefined || last <= atMs - longest;
  }
}
