import type { Settings } from '../config/settings-schema';
import { currentLevel, type CustomerState, type EscalationRecord } from './customer-state';
import { ladderStep, type EscalationReason, type LadderStep, type RegionGroup } from './escalation';

const HOUR = 3_600_000;

/** What the customer may do next on the ladder, as the portal shows it. */
export interface EscalationOptions {
  readonly currentLevel: number;
  /** The level a click raises the request to; `null` at the top of the ladder or on a closed request. */
  readonly nextLevel: number | null;
  /** Before this instant the next level cannot be raised yet (the configured wait); `null` when it can. */
  readonly allowedFrom: string | null;
}

/**
 * The customer's next step on the ladder: one level at a time, the configured wait after the last one.
 *
 * @example
 * escalationOptions(EMPTY_CUSTOMER_STATE, false, now, defaultConfig); // { currentLevel: 0, nextLevel: 1, allowedFrom: null }
 */
export function escalationOptions(
  state: CustomerState,
  closed: boolean,
  now: Date,
  cfg: Pick<Settings, 'escalation'>,
): EscalationOptions {
  const level = currentLevel(state);
  const exists = cfg.escalation.levels.some((l) => l.level === level + 1);
  if (closed || !exists) return { currentLevel: level, nextLevel: null, allowedFrom: null };
  const last = state.escalations.at(-1);
  const from = last === undefined ? null : Date.parse(last.at) + cfg.escalation.waitHoursBetweenLevels * HOUR;
  return {
    currentLevel: level,
    nextLevel: level + 1,
    allowedFrom: from !== null && from > now.getTime() ? new Date(from).toISOString() : null,
  };
}

/** A customer's click on "Escalate": the level they saw as next, their reason, region group and account. */
export interface EscalationRequest {
  readonly targetLevel: number;
  readonly reason: EscalationReason;
  readonly group: RegionGroup;
  /** Account id of the person clicking; recorded so that agents see who escalated. */
  readonly by?: string;
  readonly closed: boolean;
  readonly now: Date;
}

/**
 * What to do with one click. `escalate`: record the level and post the internal note (one write), then the public
 * reply; `reply`: the level is recorded but the customer was not told yet (an earlier run stopped in between);
 * `alreadyDone`: a duplicate click or retry of an escalation that happened; the rest refuse.
 */
export type EscalationDecision =
  | { kind: 'escalate'; step: LadderStep; record: EscalationRecord; state: CustomerState }
  | { kind: 'reply'; step: LadderStep; record: EscalationRecord }
  | { kind: 'alreadyDone'; level: number }
  | { kind: 'notNext'; currentLevel: number; nextLevel: number | null }
  | { kind: 'tooEarly'; allowedFrom: string }
  | { kind: 'topReached'; currentLevel: number }
  | { kind: 'closed' };

/**
 * Decides one escalation click (guide §4, PROCESS.md §9). The target level names the occurrence, so a
 * duplicate click or a retried call for a level already reached changes nothing.
 *
 * @example
 * decideEscalation(EMPTY_CUSTOMER_STATE, { targetLevel: 1, reason: 'handling', group: 'dach', closed: false, now }, cfg).kind; // 'escalate'
 */
export function decideEscalation(
  state: CustomerState,
  request: EscalationRequest,
  cfg: Pick<Settings, 'escalation'>,
): EscalationDecision {
  const level = currentLevel(state);
  const reached = state.escalations.find((r) => r.level === request.targetLevel);
  if (reached) {
    const step = ladderStep(cfg, reached.level, reached.group);
    if (reached.repliedAt === undefined && step) return { kind: 'reply', step, record: reached };
    return { kind: 'alreadyDone', level: reached.level };
  }
  if (request.closed) return { kind: 'closed' };
  const options = escalationOptions(state, false, request.now, cfg);
  if (options.nextLevel === null) return { kind: 'topReached', currentLevel: level };
  if (request.targetLevel !== options.nextLevel)
    return { kind: 'notNext', currentLevel: level, nextLevel: options.nextLevel };
  if (options.allowedFrom !== null) return { kind: 'tooEarly', allowedFrom: options.allowedFrom };
  const step = ladderStep(cfg, options.nextLevel, request.group);
  if (!step) return { kind: 'topReached', currentLevel: level };
  const record: EscalationRecord = {
    level: step.level,
    reason: request.reason,
    at: request.now.toISOString(),
    group: request.group,
    ...(request.by ? { by: request.by } : {}),
  };
  return { kind: 'escalate', step, record, state: { ...state, escalations: [...state.escalations, record] } };
}

/**
 * The state after the public reply of `level` was posted.
 *
 * @example
 * withReplied(state, 2, now).escalations[1]?.repliedAt; // now as ISO
 */
export function withReplied(state: CustomerState, level: number, at: Date): CustomerState {
  return {
    ...state,
    escalations: state.escalations.map((r) =>
      r.level === level && r.repliedAt === undefined ? { ...r, repliedAt: at.toISOString() } : r,
    ),
  };
}

/**
 * The idempotency key of one escalation occurrence: the ticket and the level it is raised to.
 *
 * @example
 * escalationKey('10042', 2); // '10042:escalation:2'
 */
export function escalationKey(issueId: string, level: number): string {
  return `${issueId}:escalation:${level}`;
}
