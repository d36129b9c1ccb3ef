import type { Settings } from '../config/settings-schema';
import type { Priority } from './priority-catalogue';

/** The times a ticket's clocks depend on. */
export interface TicketTimes {
  /** Received in the ticket system: the response clock starts (guide §3.1). */
  readonly createdAt: Date;
  /** First agent reply to the customer: the response clock stops. */
  readonly firstResponseAt?: Date | undefined;
  /** An agent accepted the ticket: the restoration clock starts (guide §3.1). */
  readonly acceptedAt?: Date | undefined;
  /** Resolved (or closed): the restoration clock stops. */
  readonly resolvedAt?: Date | undefined;
}

/** One service clock. `targetMinutes` is absent when the site configured none for the priority. */
interface ServiceClock {
  readonly state: 'notStarted' | 'running' | 'stopped';
  readonly startedAt?: string;
  readonly stoppedAt?: string;
  readonly elapsedMinutes: number;
  readonly targetMinutes?: number;
  readonly remainingMinutes?: number;
  readonly breached: boolean;
}

/** Response and restoration clock of a ticket. */
export interface ServiceClocks {
  readonly response: ServiceClock;
  readonly restoration: ServiceClock;
}

const MINUTE = 60_000;

function clock(
  start: Date | undefined,
  stop: Date | undefined,
  target: number | undefined,
  now: Date,
): ServiceClock {
  if (start === undefined) return { state: 'notStarted', elapsedMinutes: 0, breached: false };
  const end = stop ?? now;
  const elapsedMinutes = Math.max(0, Math.floor((end.getTime() - start.getTime()) / MINUTE));
  const base = {
    state: stop === undefined ? ('running' as const) : ('stopped' as const),
    startedAt: start.toISOString(),
    ...(stop === undefined ? {} : { stoppedAt: stop.toISOString() }),
    elapsedMinutes,
  };
  if (target === undefined) return { ...base, breached: false };
  return {
    ...base,
    targetMinutes: target,
    remainingMinutes: target - elapsedMinutes,
    breached: elapsedMinutes > target,
  };
}

/**
 * The response clock (creation → first response) and restoration clock (acceptance → resolution) against the
 * contracted targets of `priority` (PROCESS.md §5). Minutes are elapsed wall-clock time; a clock is breached
 * once its elapsed time exceeds the target (exactly on target is still met).
 *
 * @example
 * serviceClocks({ createdAt }, 'P1', cfg, now).response; // { state: 'running', elapsedMinutes: 42, targetMinutes: 30, breached: true, … }
 */
export function serviceClocks(
  times: TicketTimes,
  priority: Priority | undefined,
  cfg: Pick<Settings, 'priorities'>,
  now: Date,
): ServiceClocks {
  const targets = priority === undefined ? undefined : cfg.priorities[priority];
  return {
    response: clock(times.createdAt, times.firstResponseAt, targets?.responseMinutes, now),
    restoration: clock(times.acceptedAt, times.resolvedAt, targets?.restorationMinutes, now),
  };
}
