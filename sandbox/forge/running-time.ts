import { performance } from 'node:perf_hooks';

/**
 * Where the host reads how long an invocation has been running (against its time limit): real time by default.
 * Tests that check time-limit rules drive it by hand ({@link ManualRunningTime}), so the outcome does not depend on
 * how busy the machine is.
 */
export interface RunningTime {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  /** Calls `fn` once `now()` has reached `atMs`; returns the cancel function. */
  at(atMs: number, fn: () => void): () => void;
}

export const REAL_RUNNING_TIME: RunningTime = {
  now: () => performance.now(),
  at(atMs, fn) {
    const timer = setTimeout(fn, Math.max(0, atMs - performance.now()));
    return () => clearTimeout(timer);
  },
};

/** Running time that moves only when {@link advance} is called; due callbacks run then, in time order. */
export class ManualRunningTime implements RunningTime {
  private ms = 0;
  private readonly pending = new Set<{ atMs: number; fn: () => void }>();

  now(): number {
    return this.ms;
  }

  at(atMs: number, fn: () => void): () => void {
    const entry = { atMs, fn };
    this.pending.add(entry);
    return () => this.pending.delete(entry);
  }

  advance(ms: number): void {
    this.ms += ms;
    const due = [...this.pending].filter((e) => e.atMs <= this.ms).sort((a, b) => a.atMs - b.atMs);
    for (const entry of due) {
      this.pending.delete(entry);
      entry.fn();
    }
  }
}
