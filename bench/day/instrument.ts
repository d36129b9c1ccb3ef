/**
 * Wraps the app's handler exports to measure each invocation where the app runs: its duration (hrtime) and how
 * much its heap grew while it ran (`heapUsed` after − before, a lower bound of its working set: a collection during
 * the invocation hides what it freed). The wrapped exports behave exactly like the originals.
 */
export interface InvocationSample {
  readonly handler: string;
  readonly durationMs: number;
  readonly heapGrowthMb: number;
}

export function instrumentApp(
  app: Record<string, unknown>,
  onSample: ((sample: InvocationSample) => void) | undefined,
): Record<string, unknown> {
  if (!onSample) return app;
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(app)) {
    if (typeof value !== 'function') {
      wrapped[name] = value;
      continue;
    }
    const fn = value as (...args: unknown[]) => unknown;
    wrapped[name] = async (...args: unknown[]) => {
      const heap = process.memoryUsage().heapUsed;
      const started = process.hrtime.bigint();
      try {
        return await fn(...args);
      } finally {
        onSample({
          handler: name,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
          heapGrowthMb: (process.memoryUsage().heapUsed - heap) / 1_048_576,
        });
      }
    };
  }
  return wrapped;
}
