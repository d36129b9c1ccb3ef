import type { ProjectConfig } from '../../../domain/config';
import type { EventDeps } from '../event-deps';
import type { FieldIds } from '../../../domain/ticket';
import { hasOwnKey } from '../../../domain/own-property';
import { languageFor } from '../../../domain/texts/render-message';
import { issueLinksOf, organizationsOf } from '../../shared/field-values';
import { includedTickets } from './delivery-queries';
import { buildIncludedTicketsTable } from '../../../domain/delivery/delivery-table';

/**
 * Regenerates a Delivery's "Included tickets" field from its links (the links are the truth; the table is a
 * view of them): one GET for the links, one search per 100 tickets for request types, and one edit only when
 * the table changed. `recent`: the project's recently changed issues, reconciled in those searches. Returns how
 * many tickets are listed and how many did not fit.
 */
export async function regenerateDeliveryTable(
  deps: EventDeps,
  config: ProjectConfig,
  ids: FieldIds,
  deliveryId: string,
  recent: readonly number[],
): Promise<{ listed: number; omitted: number } | undefined> {
  // A dry run changes no ticket; a regeneration queued before the project went into dry run writes nothing either.
  if (config.automation.dryRun) return undefined;
  const field = ids.includedTickets;
  if (field === undefined) {
    deps.log.warn('events.deliveryTableFieldMissing', { deliveryId });
    return undefined;
  }
  const orgField = ids.organizations;
  const delivery = await deps.jira.getIssue(deliveryId, {
    fields: ['issuelinks', field, ...(orgField ? [orgField] : [])],
  });
  const linkName = config.names.deliveryLinkType.name.toLowerCase();
  const ticketIds = issueLinksOf(delivery.fields?.issuelinks)
    .filter((l) => l.typeName.toLowerCase() === linkName && l.direction === 'outward')
    .map((l) => l.otherId);
  const tickets = await includedTickets(deps, ids, [...new Set(ticketIds)], recent);
  // The table's header speaks the customer's language: the Delivery belongs to one customer organization.
  const organization = organizationsOf(orgField ? delivery.fields?.[orgField] : undefined)
    .map((o) => o.name)
    .find((name) => hasOwnKey(config.languageByOrganization, name));
  const language = languageFor(config, organization);
  const { doc, omitted } = buildIncludedTicketsTable(tickets, language, (key) => `/browse/${key}`);
  if (JSON.stringify(delivery.fields?.[field] ?? null) !== JSON.stringify(doc)) {
    await deps.jira.editIssue(
      delivery.key ?? deliveryId,
      { fields: { [field]: doc } },
      { notifyUsers: false },
    );
  }
  if (omitted > 0)
    deps.log.warn('events.deliveryTableTruncated', { deliveryId, listed: tickets.length - omitted, omitted });
  return { listed: tickets.length - omitted, omitted };
}
