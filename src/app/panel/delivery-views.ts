import { JiraHttpError } from '../ports/jira-errors';
import type { JiraGateway } from '../ports/jira';
import type { DeliveryVersionView, IncludedTicketView, LinkedDeliveryView } from '../../contract/panel-view';
import type { ProjectConfig } from '../../domain/config';
import type { Kind } from '../../domain/kinds';
import type { Ticket } from '../../domain/ticket';
import { toTicket } from '../shared/ticket';
import { searchReconciled } from '../shared/reconciled-search';
import { statusRef } from './status-ref';

/** Kinds that carry a Delivery version (guide §3.1.1). */
export const VERSIONED_KINDS: readonly Kind[] = ['softwareDefect', 'consultingRequest', 'customisation'];

/** Keys of the tickets a Delivery ships (its outward links of the configured link type, guide §3.3). */
export function shippedKeys(ticket: Pick<Ticket, 'links'>, cfg: ProjectConfig): string[] {
  return shippedLinks(ticket, cfg).map((l) => l.otherKey);
}

/**
 * The ids of the tickets a Delivery ships: the search of them by key reconciles them (`searchReconciled`), so it
 * shows their current status and summary, not what the search index still holds.
 */
export function shippedIds(ticket: Pick<Ticket, 'links'>, cfg: ProjectConfig): number[] {
  return shippedLinks(ticket, cfg).map((l) => Number(l.otherId));
}

function shippedLinks(ticket: Pick<Ticket, 'links'>, cfg: ProjectConfig) {
  const type = cfg.names.deliveryLinkType.name.toLowerCase();
  return ticket.links.filter((l) => l.direction === 'outward' && l.typeName.toLowerCase() === type);
}

/** Key of the Delivery a ticket ships in (the inward side of the configured link type). */
export function deliveryKeyOf(ticket: Pick<Ticket, 'links'>, cfg: ProjectConfig): string | null {
  const type = cfg.names.deliveryLinkType.name.toLowerCase();
  const link = ticket.links.find((l) => l.direction === 'inward' && l.typeName.toLowerCase() === type);
  return link?.otherKey ?? null;
}

/**
 * Delivery version and the Delivery ticket it ships in. `CUSTOM` (configurable) means a change built only for
 * this customer that ships with their next Planned delivery (guide §3.1.1). Warnings apply in Delivery Pending.
 * The Delivery ticket is read as the user: one they cannot see is reported as absent.
 */
export async function deliveryVersionView(
  user: Pick<JiraGateway, 'getIssue'>,
  ticket: Pick<Ticket, 'deliveryVersion' | 'links' | 'status'>,
  cfg: ProjectConfig,
  fieldIds: { deliveryVersion?: string; estimatedDeliveryDate?: string },
): Promise<DeliveryVersionView> {
  const raw = ticket.deliveryVersion;
  const version: DeliveryVersionView['version'] =
    raw === undefined
      ? null
      : raw.toLowerCase() === cfg.names.customValue.toLowerCase()
        ? { type: 'custom' }
        : { type: 'patch', value: raw };
  const deliveryKey = deliveryKeyOf(ticket, cfg);
  const deliveryTicket = deliveryKey ? await linkedDelivery(user, deliveryKey, cfg, fieldIds) : null;
  const warnings: DeliveryVersionView['warnings'] = [];
  if (ticket.status === 'deliveryPending') {
    if (version === null) warnings.push('missingVersion');
    if (deliveryTicket === null) warnings.push('noDeliveryTicket');
  }
  return { version, deliveryTicket, warnings };
}

async function linkedDelivery(
  user: Pick<JiraGateway, 'getIssue'>,
  key: string,
  cfg: ProjectConfig,
  ids: { deliveryVersion?: string; estimatedDeliveryDate?: string },
): Promise<LinkedDeliveryView | null> {
  const read = {
    ...(ids.deliveryVersion ? { deliveryVersion: ids.deliveryVersion } : {}),
    ...(ids.estimatedDeliveryDate ? { estimatedDeliveryDate: ids.estimatedDeliveryDate } : {}),
  };
  try {
    const issue = await user.getIssue(key, { fields: ['status', ...Object.values(read)] });
    const delivery = toTicket({ ...issue, key: issue.key ?? key }, read, cfg);
    return {
      key: delivery.key,
      status: statusRef(cfg, delivery.statusName),
      version: delivery.deliveryVersion ?? null,
      estimatedDate: delivery.estimatedDeliveryDate ?? null,
    };
  } catch (error) {
    if (error instanceof JiraHttpError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

/**
 * The tickets a Delivery ships: Key | Request type | Summary (guide §3.3) plus their current status, searched as
 * the user; tickets the user cannot see are left out, as Jira would. `reconcile` ({@link shippedIds}) makes the
 * search show them as they are now: one search for up to 50 tickets, one more for each further 50
 * (`searchReconciled`).
 */
export async function includedTickets(
  user: Pick<JiraGateway, 'searchAll'>,
  keys: string[],
  cfg: ProjectConfig,
  requestTypeFieldId: string | undefined,
  reconcile: readonly number[],
): Promise<IncludedTicketView[]> {
  if (keys.length === 0) return [];
  const issues = await searchReconciled(
    user,
    {
      where: `key in (${keys.map((k) => `"${k}"`).join(', ')})`,
      fields: ['summary', 'status', 'issuetype', ...(requestTypeFieldId ? [requestTypeFieldId] : [])],
      maxResults: 100,
    },
    reconcile,
  );
  return issues.map((issue) => {
    const ticket = toTicket(issue, { requestType: requestTypeFieldId }, cfg);
    return {
      key: ticket.key,
      requestType: ticket.requestTypeName ?? ticket.typeName,
      summary: ticket.summary,
      kind: toContractKind(ticket.kind),
      status: statusRef(cfg, ticket.statusName),
    };
  });
}

/** The contract's ticket kinds exclude `delivery` (a Delivery has its own panel). */
export function toContractKind(kind: Kind | null | undefined): Exclude<Kind, 'delivery'> | null {
  return kind === null || kind === undefined || kind === 'delivery' ? null : kind;
}
