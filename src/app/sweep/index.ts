export { previewSweep } from './preview-sweep';
export { runScheduledSweep } from './run-sweep';
export { sweepWorkHandlers } from './sweep-work';
