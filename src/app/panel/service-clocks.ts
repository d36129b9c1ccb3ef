import type { ServiceClocks, ServiceClockView } from '../../contract/panel-view';
import type { JsmSla, JsmSlaCycle } from '../ports/jira';
import type { ProjectConfig } from '../../domain/config';
import type { Priority } from '../../domain/priorities/priority-catalogue';

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
  slas: JsmSla[] | undefined;
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
  const fromSla = (pattern: RegExp): ServiceClockView | undefined => {
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
function settled(clock: ServiceClockView, doneAt: string): ServiceClockView {
  if (clock.state !== 'running' && clock.state !== 'paused') return clock;
  return { ...clock, state: 'completed', remainingMs: null, stoppedAt: doneAt };
}

function appClock(
  start: string,
  stop: string | null,
  targetMinutes: number | undefined,
  now: Date,
): ServiceClockView {
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
function slaClock(sla: JsmSla, now: Date): ServiceClockView {
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
