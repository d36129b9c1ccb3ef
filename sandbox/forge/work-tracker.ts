import { runsInBackground } from './background-work';

/**
 * Keeps track of the host's background work (event deliveries, queue deliveries, scheduled flushes) so that
 * `drain()` can wait until nothing is in flight, and so no delivery failure becomes an unhandled rejection.
 */
export class WorkTracker {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly failures: unknown[] = [];
  /** While stopped (host uninstalled), deferred work is skipped and queues do not start deliveries. */
  stopped = false;

  /** Registers `work`; a rejection is kept (see `takeFailures`) instead of escaping. */
  track(work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) => {
      this.failures.push(error);
    });
    this.pending.add(tracked);
    runsInBackground(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  /** Runs `fn` on the next turn of the event loop (outside the caller's stack), tracked. */
  later(fn: () => Promise<unknown> | void): void {
    this.track(
      new Promise<void>((resolve) => setImmediate(resolve)).then(() => (this.stopped ? undefined : fn())),
    );
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Resolves when everything tracked so far has settled. */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  /** Host bugs raised in background work since the last call (tests assert none). */
  takeFailures(): unknown[] {
    return this.failures.splice(0);
  }
}
