export { previewSweep, type SweepPreviewItem } from './preview-sweep';
export { runProjectSweep, runScheduledSweep, SWEEP_PROJECT_WORK, type ProjectRunOutcome } from './run-sweep';
export { continueProjectSweep, sweepWorkHandlers } from './sweep-work';
