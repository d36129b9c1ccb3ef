import type { ProductEvent } from '../contract';
import type { InvocationRunner } from './invocation';
import { INTERACTIVE_TIMEOUT_S, PRODUCT_EVENT_MAX_RETRIES, QUEUE_MAX_RETRY_AFTER_S } from './limits';
import type { LoadedManifest, ProductTriggerDef } from './manifest';
import type { SeededRandom } from './random';
import type { WorkTracker } from './work-tracker';

export interface ProductEventOptions {
  manifest: LoadedManifest;
  runner: InvocationRunner;
  tracker: WorkTracker;
  random: SeededRandom;
  duplicateRate: number;
  reorder: boolean;
  /** Deliver a batch's events (and their duplicates) at the same time, as Forge may, instead of one by one. */
  concurrent?: boolean;
  cloudId: string;
  installContext: string;
}

/** Counters for the local UI: what came from the site and what happened to it. */
export interface ProductEventStats {
  received: number;
  /** Dropped by `filter.ignoreSelf` (caused by the app itself). */
  ignoredSelf: number;
  delivered: number;
  /** Extra deliveries injected to exercise at-least-once handling. */
  duplicated: number;
  /** Redeliveries the app asked for by returning an `InvocationError`. */
  retried: number;
  /** Events whose retries ran out (the fifth `InvocationError` in a row): never delivered again. */
  dropped: number;
}

interface Delivery {
  trigger: ProductTriggerDef;
  event: ProductEvent;
  /** Retries already made (0 on the first delivery). */
  retryCount: number;
  retryReason?: string;
  retryData?: unknown;
  /** Sim-clock ms at which a retry is due. */
  dueAt?: number;
}

/** The retry a handler asked for by returning `new InvocationError(...)` (`@forge/events` serialises it so). */
function retryRequest(
  value: unknown,
): { retryAfter?: number; retryReason?: string; retryData?: unknown } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const row = value as { _retry?: unknown; retryOptions?: unknown };
  if (row._retry !== true) return undefined;
  const options = row.retryOptions;
  return typeof options === 'object' && options !== null ? options : {};
}

/**
 * Routes the site's product events to `trigger` modules (guide §1.3): applies `filter.ignoreSelf`, then invokes
 * the handler `(event, context)` asynchronously — never inside the REST call that caused the event. Events that
 * arrive in the same turn form one batch which, when enabled, is shuffled and partly duplicated (deterministic
 * by seed): Forge documents neither ordering nor exactly-once delivery.
 */
export class ProductEventDispatcher {
  readonly stats: ProductEventStats = {
    received: 0,
    ignoredSelf: 0,
    delivered: 0,
    duplicated: 0,
    retried: 0,
    dropped: 0,
  };
  private batch: Delivery[] = [];
  /** Redeliveries waiting for their `retryAfter` on the sim clock. */
  private readonly retries: Delivery[] = [];
  /** Batches are delivered one after another, each delivery in turn, so a run replays exactly. */
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly opts: ProductEventOptions) {}

  /** The site's event listener. Synchronous: it only queues the deliveries. */
  accept(event: ProductEvent): void {
    this.stats.received++;
    for (const trigger of this.opts.manifest.triggers) {
      const subscription = trigger.events.get(event.eventType);
      if (!subscription) continue;
      if (subscription.ignoreSelf && event.causedBy.kind === 'app') {
        this.stats.ignoredSelf++;
        continue;
      }
      if (this.batch.length === 0) this.opts.tracker.later(() => this.flush());
      this.batch.push({ trigger, event, retryCount: 0 });
    }
  }

  /** Sim-clock ms of the earliest redelivery waiting, or undefined when none. */
  nextDueAt(): number | undefined {
    return this.retries.reduce<number | undefined>(
      (min, d) => (min === undefined || (d.dueAt ?? 0) < min ? (d.dueAt ?? 0) : min),
      undefined,
    );
  }

  /** True when some redelivery is due now. */
  hasDue(): boolean {
    const now = Date.now();
    return this.retries.some((d) => (d.dueAt ?? 0) <= now);
  }

  /** Starts every redelivery that is due, oldest first, after the deliveries already under way. */
  pump(): void {
    if (this.opts.tracker.stopped) return;
    const now = Date.now();
    const due = this.retries.filter((d) => (d.dueAt ?? 0) <= now);
    if (due.length === 0) return;
    for (const d of due) this.retries.splice(this.retries.indexOf(d), 1);
    due.sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0));
    const run = this.chain.then(async () => {
      for (const delivery of due) await this.deliver(delivery);
    });
    this.chain = run;
    this.opts.tracker.track(run);
  }

  private flush(): Promise<void> {
    let deliveries = this.batch;
    this.batch = [];
    if (this.opts.duplicateRate > 0) {
      deliveries = deliveries.flatMap((d) => {
        if (this.opts.random.next() >= this.opts.duplicateRate) return [d];
        this.stats.duplicated++;
        return [d, d];
      });
    }
    if (this.opts.reorder) deliveries = this.opts.random.shuffle(deliveries);
    const run = this.chain.then(async () => {
      if (this.opts.concurrent) {
        await Promise.all(deliveries.map((delivery) => this.deliver(delivery)));
        return;
      }
      for (const delivery of deliveries) await this.deliver(delivery);
    });
    this.chain = run;
    return run;
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const { trigger, event } = delivery;
    const fn = this.opts.manifest.functions.get(trigger.functionKey);
    if (!fn) throw new Error(`No function '${trigger.functionKey}' for trigger '${trigger.key}'`);
    const { cloudId, installContext } = this.opts;
    const payload = {
      ...structuredClone(event.payload),
      eventType: event.eventType,
      // Present on every event; `true` only reaches the app when `ignoreSelf` is off.
      selfGenerated: event.causedBy.kind === 'app',
      context: { cloudId, moduleKey: trigger.key },
      ...(delivery.retryCount > 0
        ? {
            retryContext: {
              retryCount: delivery.retryCount,
              retryReason: delivery.retryReason,
              retryData: delivery.retryData,
            },
          }
        : {}),
    };
    const context = { cloudId, moduleKey: trigger.key, installContext };
    this.stats.delivered++;
    // Product-event triggers get the generic 25 s limit (guide §5). Only a returned `InvocationError` is
    // redelivered, at most four times, after its `retryAfter` (≤ 900 s); a handler that throws or runs out of
    // time loses the event (the strict reading: the docs promise retries only for the returned error).
    const settled = await this.opts.runner.run(
      {
        kind: 'product-trigger',
        moduleKey: trigger.key,
        functionKey: fn.key,
        timeoutSeconds: INTERACTIVE_TIMEOUT_S,
      },
      () => fn.run(payload, context),
      (value) => (retryRequest(value) ? 'retry' : 'ok'),
    );
    const retry = settled.status === 'ok' ? retryRequest(settled.value) : undefined;
    if (!retry) return;
    if (delivery.retryCount >= PRODUCT_EVENT_MAX_RETRIES) {
      this.stats.dropped++;
      return;
    }
    this.stats.retried++;
    const afterS = Math.min(Math.max(1, Number(retry.retryAfter ?? 1)), QUEUE_MAX_RETRY_AFTER_S);
    this.retries.push({
      trigger,
      event,
      retryCount: delivery.retryCount + 1,
      retryReason: String(retry.retryReason ?? 'FUNCTION_RETRY_REQUEST'),
      retryData: retry.retryData,
      dueAt: Date.now() + afterS * 1000,
    });
  }
}
