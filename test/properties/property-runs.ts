/**
 * Runs and seed of the property tests: a bounded, seeded number in `npm test`, more with `PROPERTY_RUNS=<n>`
 * (and another seed with `PROPERTY_SEED=<n>`), e.g. `PROPERTY_RUNS=5000 npx jest test/properties`. A failure's
 * `path` (printed with its counterexample) replays it at once with `PROPERTY_PATH=<path>` and the same seed.
 */
export function propertyParameters(defaultRuns: number): {
  numRuns: number;
  seed: number;
  path?: string;
  endOnFailure?: boolean;
} {
  const runs = Number(process.env.PROPERTY_RUNS);
  const seed = Number(process.env.PROPERTY_SEED);
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
    seed: Number.isInteger(seed) ? seed : 15,
    ...(process.env.PROPERTY_PATH ? { path: process.env.PROPERTY_PATH, endOnFailure: true } : {}),
  };
}
