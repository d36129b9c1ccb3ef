import type { ProjectConfig } from '../../../domain/config';
import type { EventDeps } from '../event-deps';
import type { IssueLinkRef } from '../../../domain/ticket';
import type { Ticket } from '../../../domain/ticket';
import { matchDelivery, type DeliveryCandidate } from '../../../domain/delivery';

/**
 * Links of the configured Delivery link type (`names.deliveryLinkType`, compared case-insensitively as Jira
 * does) seen from one side: `outward` on a Delivery lists the tickets it ships, `inward` on a ticket lists the
 * Deliveries it ships in.
 */
export function deliveryLinks(
  links: readonly IssueLinkRef[],
  config: ProjectConfig,
  direction: IssueLinkRef['direction'],
): IssueLinkRef[] {
  const linkName = config.names.deliveryLinkType.name.toLowerCase();
  return links.filter((l) => l.typeName.toLowerCase() === linkName && l.direction === direction);
}

/** Whether the ticket names a Delivery version (the field is set). */
export function hasVersion(ticket: Ticket): ticket is Ticket & { deliveryVersion: string } {
  return ticket.deliveryVersion !== undefined;
}

/** The Planned Delivery a ticket with a Delivery version belongs in (guide §3.1.1), or `undefined`. */
export function deliveryFor(
  ticket: Ticket & { deliveryVersion: string },
  candidates: readonly DeliveryCandidate[],
  config: ProjectConfig,
): DeliveryCandidate | undefined {
  return matchDelivery(
    { version: ticket.deliveryVersion, organizationIds: ticket.organizations.map((o) => o.id) },
    candidates,
    config.names.customValue,
  );
}

/** What the Delivery rules did to one ticket (or, in a dry run, would have), as an audit entry of the event side. */
export interface TicketAudit {
  readonly action: 'deliveryLinked' | 'deliveryShipped';
  readonly outcome: 'done' | 'dryRun';
  /** A machine code or an issue key, never personal data. */
  readonly detail?: string;
  readonly idempotencyKey?: string;
}

/** Appends `entry` to the ticket's audit trail at `now`. */
export function auditTicket(
  deps: EventDeps,
  ticket: Pick<Ticket, 'projectKey' | 'key' | 'id'>,
  entry: TicketAudit,
  now: Date,
): Promise<void> {
  return deps.audit.append({
    at: now.toISOString(),
    projectKey: ticket.projectKey,
    issueKey: ticket.key,
    issueId: ticket.id,
    source: 'event',
    ...entry,
  });
}

/**
 * Audit entry for a ticket the app linked to a Delivery, or would have in a dry run (`outcome` `dryRun`); the
 * detail is the Delivery's key.
 */
export function auditDeliveryLinked(
  deps: EventDeps,
  ticket: Ticket,
  deliveryKey: string,
  now: Date,
  outcome: 'done' | 'dryRun' = 'done',
): Promise<void> {
  return auditTicket(deps, ticket, { action: 'deliveryLinked', outcome, detail: deliveryKey }, now);
}

/** The Delivery ticket an audit entry is about. */
export interface DeliveryRef {
  readonly id: string;
  readonly key: string;
  readonly projectKey: string;
}

/**
 * Audit entry on the Delivery when the app linked tickets to it, one per batch (the detail is the count,
 * `tickets:15`; the first ticket's id keeps entries written in the same millisecond apart).
 */
export function auditTicketsLinkedToDelivery(
  deps: EventDeps,
  delivery: DeliveryRef,
  ticketIds: readonly string[],
  now: Date,
): Promise<void> {
  return deps.audit.append({
    at: now.toISOString(),
    projectKey: delivery.projectKey,
    issueKey: delivery.key,
    issueId: delivery.id,
    action: 'deliveryTicketsLinked',
    outcome: 'done',
    source: 'event',
    detail: `tickets:${ticketIds.length}`,
    idempotencyKey: `${delivery.id}:linked:${ticketIds[0] ?? ''}`,
  });
}
