import { z } from 'zod';
import type { ProjectConfig } from '../../../domain/config';
import type { DeliveryCandidate } from '../../../domain/delivery';
import type { FieldIds } from '../../../domain/ticket';
import { contentHash } from '../../shared/content-hash';
import type { RecentChanges } from '../../shared/recent-changes';
import type { EventDeps } from '../event-deps';
import { plannedDeliveries } from './delivery-queries';

/**
 * How long one customer's Planned Deliveries, as a search found them, answer the next tickets of that customer
 * entering Delivery Pending: an agent moves a Delivery's tickets one after another, minutes apart at most.
 * @internal Exported for its test.
 */
export const KEEP_MS = 10 * 60_000;

const candidateSchema = z.object({
  id: z.string(),
  key: z.string(),
  version: z.string().optional(),
  organizationIds: z.array(z.string()),
  estimatedDate: z.string().optional(),
});

const keptSchema = z.object({
  searchedAt: z.iso.datetime({ offset: true }),
  deliveryMark: z.string(),
  candidates: z.array(candidateSchema),
});

/** One record per project and set of customers (organization names, hashed: a key allows few characters). */
function keptKey(projectKey: string, customers: readonly string[]): string {
  return `delivery:planned:${projectKey}:${contentHash([...new Set(customers)].sort(), 32)}`;
}

/**
 * The Planned Deliveries of `customers` (`plannedDeliveries`, one search costing a point per Delivery it returns),
 * answered from the last such search while it is younger than {@link KEEP_MS} and the project's recent Delivery
 * changes are the ones it reconciled (`recent.deliveryMark`). Every Delivery created or edited is noted as a recent
 * change before anything acts on it (`syncDeliveryForEvent`), so a kept answer is never older than a change the
 * app has seen: a Delivery change noted since the search makes the next ticket search again. A change whose event
 * has not been handled yet is missing from a kept answer as from a search that the index has not caught up with;
 * its own event then collects the waiting tickets (`events.deliveryAttach`). KVS only on a kept answer: one read.
 *
 * @example
 * await customersPlannedDeliveries(deps, config, ids, recent, ['Acme'], now); // [{ id: '20001', key: 'SD-7', … }]
 */
export async function customersPlannedDeliveries(
  deps: EventDeps,
  config: ProjectConfig,
  ids: FieldIds,
  recent: RecentChanges,
  customers: readonly string[],
  now: Date,
): Promise<DeliveryCandidate[]> {
  const key = keptKey(config.projectKey, customers);
  const kept = keptSchema.safeParse(await deps.store.get<unknown>(key));
  if (kept.success && kept.data.deliveryMark === recent.deliveryMark) {
    const age = now.getTime() - Date.parse(kept.data.searchedAt);
    if (age >= 0 && age < KEEP_MS) return kept.data.candidates.map(candidate);
  }
  const searched = await plannedDeliveries(deps, config, ids, recent.deliveries, customers);
  const record = { searchedAt: now.toISOString(), deliveryMark: recent.deliveryMark, candidates: searched };
  await deps.store.set(key, record, { ttlDays: 1 });
  return searched;
}

/** Forgets the kept answer for `customers`, so that their next ticket searches (a Delivery it named is gone). */
export async function forgetCustomersPlannedDeliveries(
  store: EventDeps['store'],
  projectKey: string,
  customers: readonly string[],
): Promise<void> {
  await store.delete(keptKey(projectKey, customers));
}

/** A kept candidate as the search gives one: optional properties only where they have a value. */
function candidate(c: DeliveryCandidate): DeliveryCandidate {
  return {
    id: c.id,
    key: c.key,
    organizationIds: [...c.organizationIds],
    ...(c.version !== undefined ? { version: c.version } : {}),
    ...(c.estimatedDate !== undefined ? { estimatedDate: c.estimatedDate } : {}),
  };
}
