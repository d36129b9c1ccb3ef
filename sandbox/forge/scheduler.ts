import { TRIGGER_INTERVAL_MS } from './limits';
import type { ScheduledTriggerDef } from './manifest';
import { stableHash } from './random';

/**
 * When each scheduled trigger fires. Forge spreads invocations across the interval per installation (guide §0.6),
 * so every trigger gets a fixed offset derived from the installation id and its key: an hourly trigger of one
 * installation always fires at the same minute past the hour, a daily one at the same time of day (UTC).
 */
export class TriggerSchedule {
  constructor(
    private readonly triggers: readonly ScheduledTriggerDef[],
    private readonly installationId: string,
  ) {}

  /** The trigger's offset into its interval, in ms. */
  offsetMs(trigger: ScheduledTriggerDef): number {
    return stableHash(`${this.installationId}:${trigger.key}`) % TRIGGER_INTERVAL_MS[trigger.interval];
  }

  /** The first firing time strictly after `afterMs` (epoch ms). */
  nextRun(trigger: ScheduledTriggerDef, afterMs: number): number {
    const interval = TRIGGER_INTERVAL_MS[trigger.interval];
    const offset = this.offsetMs(trigger);
    return Math.floor((afterMs - offset) / interval) * interval + offset + interval;
  }

  /** The earliest firing time of any trigger strictly after `afterMs`, with the triggers firing then. */
  next(afterMs: number): { at: number; triggers: ScheduledTriggerDef[] } | undefined {
    let at: number | undefined;
    let firing: ScheduledTriggerDef[] = [];
    for (const trigger of this.triggers) {
      const t = this.nextRun(trigger, afterMs);
      if (at === undefined || t < at) {
        at = t;
        firing = [trigger];
      } else if (t === at) firing.push(trigger);
    }
    return at === undefined ? undefined : { at, triggers: firing };
  }
}
