import { performance } from 'node:perf_hooks';

/**
 * Everything the local platform still runs on its own, in any host of the process: background deliveries that no
 * test awaited, and handlers it gave up on (timed out or killed) whose promise cannot be cancelled, which a backoff
 * sleep may wake long after. Test harnesses wait for it ({@link settleBackgroundWork}), so nothing logs or loads a
 * module after its test has ended.
 */
const running = new Set<Promise<void>>();

/** Counts `work` as running until it settles, whatever its outcome. */
export function runsInBackground(work: Promise<unknown>): void {
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  running.add(settled);
  void settled.then(() => running.delete(settled));
}

/**
 * Waits until all background work has settled, including work that it starts meanwhile, or until `limitMs` of real
 * time has passed; returns how much is still running then.
 */
export async function settleBackgroundWork(limitMs: number): Promise<number> {
  const deadline = performance.now() + limitMs;
  while (running.size > 0) {
    const left = deadline - performance.now();
    if (left <= 0) break;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(running),
      new Promise<void>((done) => {
        timer = setTimeout(done, left);
      }),
    ]);
    clearTimeout(timer);
  }
  return running.size;
}
