import { dropPortalCopy } from '../../shared/portal-copy';
import type { ProjectConfig } from '../../../domain/config';
import { DELIVERY_MISSING_FLAG, deliveryPlacement, type DeliveryPlacement } from '../../../domain/delivery';
import {
  parseProcessState,
  PROCESS_STATE_KEY,
  type ProcessState,
  withoutFlag,
} from '../../../domain/process-state';
import { EVENT_WRITER, markStateWrite, readStateWrite, writtenSince } from '../../shared/state-write-marker';
import type { EventDeps } from '../event-deps';
import { noteRecentChange } from '../../shared/recent-changes';
import type { Ticket } from '../../../domain/ticket';
import { auditDeliveryLinked, deliveryLinks } from './delivery-links';
import type { DeliveryCandidate } from '../../../domain/delivery';

/** What {@link moveIntoDelivery} changed: the Deliveries whose tables need regenerating, and whether it linked. */
export interface DeliveryMove {
  readonly touched: ReadonlySet<string>;
  readonly linked: boolean;
}

/** The links a ticket's move into `target` deletes and creates (see `deliveryPlacement`). */
export function placementOf(
  config: ProjectConfig,
  ticket: Ticket,
  candidates: readonly DeliveryCandidate[],
  target: DeliveryCandidate | undefined,
): DeliveryPlacement {
  const links = deliveryLinks(ticket.links, config, 'inward').map((l) => ({
    linkId: l.id,
    deliveryId: l.otherId,
  }));
  return deliveryPlacement(links, new Set(candidates.map((c) => c.id)), target?.id);
}

/**
 * The ticket's state to change: the one its search returned, unless a state-write marker (KVS, no points) says a
 * newer one was written since. Search results lag behind property writes, so the property is then read fresh.
 */
async function currentState(deps: EventDeps, ticket: Ticket): Promise<ProcessState | undefined> {
  const basis = ticket.state?.updatedAt;
  const markers = await Promise.all([
    readStateWrite(deps.store, ticket.id, 'event'),
    readStateWrite(deps.store, ticket.id, 'sweep'),
  ]);
  if (!markers.some((m) => writtenSince(m, basis, ''))) return ticket.state;
  return parseProcessState(await deps.jira.getIssueProperty(ticket.key, PROCESS_STATE_KEY));
}

/**
 * Puts one ticket into the Planned Delivery it belongs in (`target`) and takes it out of every other Planned one
 * (`deliveryPlacement`), whichever side started it: the ticket entering Delivery Pending or a Delivery created or
 * edited. Clears the "no Delivery yet" flag once a target exists. Tables are left to the caller, who regenerates
 * each touched Delivery once. A ticket whose links change counts as a recent change (`recent-changes`).
 */
export async function moveIntoDelivery(
  deps: EventDeps,
  config: ProjectConfig,
  ticket: Ticket,
  candidates: readonly DeliveryCandidate[],
  target: DeliveryCandidate | undefined,
  now: Date,
): Promise<DeliveryMove> {
  const placement = placementOf(config, ticket, candidates, target);
  const touched = new Set<string>();
  // Searches in the next minutes see the ticket's links as they are now only when they reconcile it.
  if (placement.unlink.length > 0 || (target && placement.link))
    await noteRecentChange(deps.store, config.projectKey, ticket.id, 'ticket', now);
  for (const link of placement.unlink) {
    await deps.links.deleteLink(link.linkId);
    await dropPortalCopy(deps.store, ticket.key);
    const left = candidates.find((c) => c.id === link.deliveryId);
    if (left) await dropPortalCopy(deps.store, left.key);
    touched.add(link.deliveryId);
  }
  if (target && placement.link) {
    await deps.links.createLink(config.names.deliveryLinkType.name, target.key, ticket.key);
    await dropPortalCopy(deps.store, ticket.key);
    await dropPortalCopy(deps.store, target.key);
    touched.add(target.id);
    await auditDeliveryLinked(deps, ticket, target.key, now);
  }
  const state = target ? await currentState(deps, ticket) : undefined;
  if (target && state?.flags.includes(DELIVERY_MISSING_FLAG)) {
    const updatedAt = now.toISOString();
    await markStateWrite(deps.store, ticket.id, updatedAt, EVENT_WRITER);
    await deps.jira.setIssueProperty(ticket.key, PROCESS_STATE_KEY, {
      ...withoutFlag(state, DELIVERY_MISSING_FLAG),
      updatedAt,
    });
  }
  return { touched, linked: placement.link && target !== undefined };
}
