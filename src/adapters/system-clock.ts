import type { Clock } from '../app/ports';

/** The only place the app reads the wall clock; entry handlers read it once per invocation. */
export const systemClock: Clock = { now: () => new Date() };
