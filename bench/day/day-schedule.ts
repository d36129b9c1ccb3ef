/**
 * The reference days as one schedule, run the same way for the app and for the naive baseline: each act at its
 * time (the runner moves the clock there, firing the hourly sweeps on the way), the week's Delivery on the
 * Wednesday, and whatever the act caused settled before the next one. Returns how many acts of each kind ran.
 */
import { SeededRandom } from '../../sandbox/forge/random';
import type { SimJiraSite } from '../../sandbox/jira/site';
import { DayActor } from './perform-act';
import { actsOfDay, DAY_MS, DELIVERY_TICKETS, HOUR_MS, type ActKind } from './reference-day';

/** The acts of the week's Delivery, booked under their own labels. */
type DeliveryAct = 'deliveryPlanned' | 'deliveryPending' | 'deliveryCompleted';
export type Label = ActKind | DeliveryAct;

export interface DayRunner {
  /** Moves the clock to `atMs`, running the hourly sweep at every hour boundary on the way. */
  advanceTo(atMs: number): Promise<void>;
  /** The act about to run (what its events and queue work are booked under). */
  label(label: Label): void;
  /** Handles every product event and queue item the last act caused. */
  settle(): Promise<void>;
  panelView(issueKey: string, accountId: string): Promise<void>;
  portalView(issueKey: string, accountId: string): Promise<void>;
  adminOpen(): Promise<void>;
}

/**
 * How far apart the agent moves the Delivery's tickets to Delivery Pending: a version edit and a transition each,
 * one ticket after another (a bulk change would be faster still). The app lists the tickets linked within its
 * table window (`TABLE_DELAY_SECONDS`, 120 s) with one regeneration, so the 10 tickets cost two.
 */
const SHIP_PACE_MS = 15_000;
/** Past the table window and the queue's delivery of its item: the acts due meanwhile run after it. */
const DELIVERY_QUEUE_MS = 5 * 60_000;

/** The week's Delivery is on the first day of every 7 (so a one-day run has it too; its cost counts 1/7 a day). */
const DELIVERY_DAY = 0;

export const DELIVERY_LABELS: readonly Label[] = ['deliveryPlanned', 'deliveryPending', 'deliveryCompleted'];

export async function runDays(options: {
  site: SimJiraSite;
  runner: DayRunner;
  startMs: number;
  days: number;
  seed: number;
  /** Only the acts in `[from, to)` (epoch ms) run, and the clock ends at `to` (default: the whole days). */
  window?: { from: number; to: number };
  /** Scales the day's counts and leaves out kinds (see `actsOfDay`). */
  mix?: Parameters<typeof actsOfDay>[3];
}): Promise<Record<string, number>> {
  const { site, runner } = options;
  const random = new SeededRandom(options.seed);
  const actor = new DayActor(site, new SeededRandom(options.seed ^ 0x7ac7));
  const done: Record<string, number> = {};
  const count = (label: Label) => (done[label] = (done[label] ?? 0) + 1);
  let serial = 0;
  for (let day = 0; day < options.days; day++) {
    const dayStart = options.startMs + day * DAY_MS;
    const weekday = new Date(dayStart).getUTCDay();
    const inWindow = (at: number) => !options.window || (at >= options.window.from && at < options.window.to);
    const acts = actsOfDay(dayStart, weekday === 0 || weekday === 6, random, options.mix).filter((a) =>
      inWindow(a.at),
    );
    let deliveryKey: string | undefined;
    const delivery = day % 7 === DELIVERY_DAY;
    const version = `14.${30 + Math.floor(day / 7)}.0.0`;
    const milestones = delivery && !options.window ? [10, 11, 15].map((h) => dayStart + h * HOUR_MS) : [];
    for (const act of acts) {
      while (milestones.length > 0 && (milestones[0] ?? Infinity) <= act.at) {
        const at = milestones.shift() ?? act.at;
        await runner.advanceTo(at);
        if (deliveryKey === undefined) {
          runner.label('deliveryPlanned');
          deliveryKey = await actor.planDelivery(version, new Date(dayStart).toISOString().slice(0, 10));
          count('deliveryPlanned');
        } else if (milestones.length === 1) {
          runner.label('deliveryPending');
          const shipped = await actor.shipInto(version, DELIVERY_TICKETS, async () => {
            await runner.settle();
            await runner.advanceTo(Date.now() + SHIP_PACE_MS);
          });
          // The queue work the tickets caused (their Delivery's table, queued minutes ahead) is booked here too.
          await runner.advanceTo(Date.now() + DELIVERY_QUEUE_MS);
          done.deliveryPending = (done.deliveryPending ?? 0) + shipped;
        } else {
          runner.label('deliveryCompleted');
          await actor.deliver(deliveryKey);
          count('deliveryCompleted');
        }
        await runner.settle();
      }
      await runner.advanceTo(act.at);
      runner.label(act.kind);
      serial += 1;
      let performed = true;
      if (act.kind === 'panelView' || act.kind === 'portalView') {
        const target = act.kind === 'panelView' ? actor.panelTarget() : actor.portalTarget();
        if (!target) performed = false;
        else if (act.kind === 'panelView') await runner.panelView(target.key, target.accountId);
        else await runner.portalView(target.key, target.accountId);
      } else if (act.kind === 'adminOpen') await runner.adminOpen();
      else performed = await actor.perform(act.kind, serial);
      if (performed) count(act.kind);
      await runner.settle();
    }
  }
  await runner.advanceTo(options.window?.to ?? options.startMs + options.days * DAY_MS);
  return done;
}
