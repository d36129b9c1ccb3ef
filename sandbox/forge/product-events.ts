import type { ProductEvent } from '../contract';
import type { InvocationRunner } from './invocation';
import { INTERACTIVE_TIMEOUT_S } from './limits';
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
}

interface Delivery {
  trigger: ProductTriggerDef;
  event: ProductEvent;
}

/**
 * Routes the site's product events to `trigger` modules (guide §1.3): applies `filter.ignoreSelf`, then invokes
 * the handler `(event, context)` asynchronously — never inside the REST call that caused the event. Events that
 * arrive in the same turn form one batch which, when enabled, is shuffled and partly duplicated (deterministic
 * by seed): Forge documents neither ordering nor exactly-once delivery.
 */
export class ProductEventDispatcher {
  readonly stats: ProductEventStats = { received: 0, ignoredSelf: 0, delivered: 0, duplicated: 0 };
  private batch: Delivery[] = [];
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
      this.batch.push({ trigger, event });
    }
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
      for (const delivery of deliveries) await this.deliver(delivery);
    });
    this.chain = run;
    return run;
  }

  private async deliver({ trigger, event }: Delivery): Promise<void> {
    const fn = this.opts.manifest.functions.get(trigger.functionKey);
    if (!fn) throw new Error(`No function '${trigger.functionKey}' for trigger '${trigger.key}'`);
    const { cloudId, installContext } = this.opts;
    const payload = {
      ...structuredClone(event.payload),
      eventType: event.eventType,
      // Present on every event; `true` only reaches the app when `ignoreSelf` is off.
      selfGenerated: event.causedBy.kind === 'app',
      context: { cloudId, moduleKey: trigger.key },
    };
    const context = { cloudId, moduleKey: trigger.key, installContext };
    this.stats.delivered++;
    // Product-event triggers get the generic 25 s limit (guide §5) and are not retried here.
    await this.opts.runner.run(
      {
        kind: 'product-trigger',
        moduleKey: trigger.key,
        functionKey: fn.key,
        timeoutSeconds: INTERACTIVE_TIMEOUT_S,
      },
      () => fn.run(payload, context),
    );
  }
}
