import type { ProjectConfig } from '../config';
import type { Priority } from './priority-catalogue';

/** A measured instant of a JSM SLA cycle. */
interface SlaInstant {
  iso8601?: string | undefined;
  epochMillis: number;
}

/** One cycle of a JSM SLA. */
interface JsmSlaCycle {
  startTime: SlaInstant;
  stopTime?: SlaInstant | undefined;
  breachTime?: SlaInstant | undefined;
  breached: boolean;
  paused?: boolean | undefined;
  goalDuration?: { millis: number } | undefined;
  elapsedTime: { millis: number };
  remainingTime?: { millis: number } | undefined;
}

/** One JSM SLA metric of a request ("Time to first response", "Time to resolution"). */
export interface JsmSla {
  id: string;
  name: string;
  ongoingCycle?: JsmSlaCycle | undefined;
  completedCycles: JsmSlaCycle[];
}

/**
 * One service-time clock. `source: 'jsmSla'` mirrors a JSM SLA field; `'app'` is the app's own calculation
 * from the configured targets when the site has no SLA for it. Instants are ISO strings, durations milliseconds.
 */
export type ServiceClock =
  | { source: 'jsmSla' | 'app'; state: 'notStarted' }
  | {
      source: 'jsmSla' | 'app';
      state: 'running' | 'paused' | 'completed';
      startedAt: string;
      elapsedMs: number;
      /** `null` when no target is contracted for this priority. */
      targetMs: number | null;
      /** Negative once breached; `null` without a target. */
      remainingMs: number | null;
      breached: boolean;
      /** Set for `completed` clocks. */
      stoppedAt: string | null;
    };

/** Response clock starts at creation, restoration clock when an agent accepts the ticket (§3.1). */
export interface ServiceClocks {
  response: ServiceClock | null;
  restoration: ServiceClock | null;
}

const MINUTE = 60_000;

/** The JSM SLA names that mirror the guide's two clocks (a fresh JSM service project's defaults). */
const RESPONSE_SLA = /first response/i;
const RESTORATION_SLA = /resolution/i;

/**
 * Response and restoration clocks (guide §3.1) from the site's JSM SLAs where they exist; otherwise from the
 * app's own stamps and the configured targets: response runs from creation until an agent accepts the ticket,
 * restoration from acceptance until the ticket is resolved. The app's clocks count calendar time.
 */
export function serviceClocks(input: {
  slas: readonly JsmSla[] | undefined;
  cfg: ProjectConfig;
  priority: Priority | null;
  created: string;
  acceptedAt: string | undefined;
  resolvedAt: string | null;
  /** Resolved or Closed: every clock is settled (met or missed), none runs. */
  done: boolean;
  now: Date;
}): ServiceClocks {
  const slas = input.slas ?? [];
  const fromSla = (pattern: RegExp): ServiceClock | undefined => {
    const sla = slas.find((s) => pattern.test(s.name));
    return sla ? slaClock(sla, input.now) : undefined;
  };
  const targets = input.priority ? input.cfg.priorities[input.priority] : undefined;
  const doneAt = input.done ? (input.resolvedAt ?? input.now.toISOString()) : null;
  const response =
    fromSla(RESPONSE_SLA) ??
    appClock(input.created, input.acceptedAt ?? doneAt, targets?.responseMinutes, input.now);
  const restoration =
    fromSla(RESTORATION_SLA) ??
    (input.acceptedAt
      ? appClock(input.acceptedAt, input.resolvedAt ?? doneAt, targets?.restorationMinutes, input.now)
      : ({ source: 'app', state: 'notStarted' } as const));
  return doneAt === null
    ? { response, restoration }
    : { response: settled(response, doneAt), restoration: settled(restoration, doneAt) };
}

/**
 * A clock of a done ticket as JSM's SLA panel shows it: a goal met or missed, never running or paused (a JSM
 * SLA whose stop condition does not fire on the site's resolved status would otherwise tick on for ever).
 */
function settled(clock: ServiceClock, doneAt: string): ServiceClock {
  if (clock.state !== 'running' && clock.state !== 'paused') return clock;
  return { ...clock, state: 'completed', remainingMs: null, stoppedAt: doneAt };
}

function appClock(
  start: string,
  stop: string | null,
  targetMinutes: number | undefined,
  now: Date,
): ServiceClock {
  const startMs = Date.parse(start);
  const stopMs = stop === null ? null : Date.parse(stop);
  const elapsedMs = Math.max(0, (stopMs ?? now.getTime()) - startMs);
  const targetMs = targetMinutes === undefined ? null : targetMinutes * MINUTE;
  const remainingMs = targetMs === null ? null : targetMs - elapsedMs;
  return {
    source: 'app',
    state: stopMs === null ? 'running' : 'completed',
    startedAt: new Date(startMs).toISOString(),
    elapsedMs,
    targetMs,
    remainingMs,
    breached: remainingMs !== null && remainingMs < 0,
    stoppedAt: stopMs === null ? null : new Date(stopMs).toISOString(),
  };
}

/** A JSM SLA as a clock: the ongoing cycle, else the latest completed one (JSM keeps cycles in order). */
function slaClock(sla: JsmSla, now: Date): ServiceClock {
  const ongoing = sla.ongoingCycle;
  const completed = sla.completedCycles[sla.completedCycles.length - 1];
  const cycle: JsmSlaCycle | undefined = ongoing ?? completed;
  if (!cycle) return { source: 'jsmSla', state: 'notStarted' };
  const targetMs = cycle.goalDuration?.millis ?? null;
  const stoppedAt = ongoing ? null : iso(cycle.stopTime?.epochMillis ?? now.getTime());
  return {
    source: 'jsmSla',
    state: ongoing ? (ongoing.paused ? 'paused' : 'running') : 'completed',
    startedAt: iso(cycle.startTime.epochMillis),
    elapsedMs: cycle.elapsedTime.millis,
    targetMs,
    remainingMs:
      cycle.remainingTime?.millis ?? (targetMs === null ? null : targetMs - cycle.elapsedTime.millis),
    breached: cycle.breached,
    stoppedAt,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
