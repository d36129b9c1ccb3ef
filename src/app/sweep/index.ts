export { runScheduledSweep } from './run-sweep';
export { sweepWorkHandlers } from './sweep-work';
export { lastSweepAt, SWEEP_INTERVAL } from './last-sweep';
