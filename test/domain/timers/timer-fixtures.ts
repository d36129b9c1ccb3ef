import { configForProject, parseConfig, type ProjectConfig } from '../../../src/domain/config';
import type { Kind } from '../../../src/domain/kinds';
import type { ProcessState } from '../../../src/domain/process-state';
import type { StatusKey } from '../../../src/domain/statuses';
import { startTimer } from '../../../src/domain/timers';

/** Project settings from a partial site configuration (throws on invalid input). */
export function projectConfig(input: unknown = {}): ProjectConfig {
  const result = parseConfig(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return configForProject(result.config, 'SUP');
}

export const ticket = { id: '10001', key: 'SUP-1' };

/** Monday 2026-01-05 09:00 Europe/Berlin (CET), far from DST and holidays. */
export const T0 = new Date('2026-01-05T08:00:00Z');

export const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

/** `T0` plus a duration (no DST between 5 January and mid-March, so UTC arithmetic equals local days). */
export function at(days: number, minutes = 0): Date {
  return new Date(T0.getTime() + days * DAY + minutes * MINUTE);
}

/** A fresh state for a ticket of `kind` that entered `status` at `enteredAt`. */
export function entered(
  kind: Kind,
  status: StatusKey,
  enteredAt: Date = T0,
  cfg: ProjectConfig = projectConfig(),
): ProcessState {
  return startTimer(kind, status, enteredAt, { statusId: `status-${status}` }, cfg);
}
