/**
 * The pure domain model: rules as functions from facts, time and configuration to data (actions, verdicts,
 * next state). Nothing here performs I/O or reads the clock.
 */
export * from './actions';
export { assertNever } from './assert-never';
export * from './calendar';
export * from './comments';
export * from './commercial';
export * from './config';
export * from './delivery';
export { isKind, KINDS, PORTAL_KINDS, type Kind } from './kinds';
export * from './priorities';
export * from './process-state';
export * from './service';
export { isStatusKey, STATUSES, type StatusKey } from './statuses';
export * from './texts';
export * from './timers';
export * from './workflows';
