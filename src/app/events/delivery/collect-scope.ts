import type { ProjectConfig } from '../../../domain/config';
import type { FieldIds } from '../../../domain/ticket';
import type { EventDeps } from '../event-deps';
import { issueLinksOf, organizationsOf } from '../../shared/field-values';
import { deliveryLinks } from './delivery-links';
import { customFieldClause, jqlString } from '../../../domain/jql';

/** The most tickets linked to a Delivery that one collect search names by id; beyond, it searches them all. */
const MAX_NAMED_IDS = 100;

/**
 * Which of the project's Delivery Pending tickets a collect run for one Delivery has to see: `none` when no ticket
 * can arrive or leave, else a JQL condition to add to the search (`''`: every waiting ticket of the project).
 */
export type CollectScope = { kind: 'none' } | { kind: 'search'; where: string };

/**
 * The tickets a collect run can move into or out of the Delivery `deliveryId`: those of its customers (a ticket
 * only ever belongs in a Delivery of its own organization, `matchDelivery`) and those linked to it (which may
 * have to leave it). A search costs a point per ticket it returns, and a site's Delivery Pending tickets are
 * mostly other customers'. One read of the Delivery (its organizations and links, strongly consistent); every
 * waiting ticket when the site has no organization field, or when the Delivery links more tickets than one
 * query should name.
 */
export async function collectScope(
  deps: EventDeps,
  config: ProjectConfig,
  ids: FieldIds,
  deliveryId: string,
): Promise<CollectScope> {
  const organizations = ids.organizations ? customFieldClause(ids.organizations) : undefined;
  if (!ids.organizations || !organizations) return { kind: 'search', where: '' };
  const delivery = await deps.jira.getIssue(deliveryId, { fields: ['issuelinks', ids.organizations] });
  const customers = organizationsOf(delivery.fields?.[ids.organizations]).map((o) => o.name);
  const linked = deliveryLinks(issueLinksOf(delivery.fields?.issuelinks), config, 'outward').map(
    (l) => l.otherId,
  );
  if (linked.length > MAX_NAMED_IDS) return { kind: 'search', where: '' };
  const clauses = [
    ...(customers.length > 0
      ? [`${organizations} in (${customers.map((name) => jqlString(name)).join(', ')})`]
      : []),
    ...(linked.length > 0 ? [`id in (${linked.join(',')})`] : []),
  ];
  if (clauses.length === 0) return { kind: 'none' };
  return { kind: 'search', where: ` AND (${clauses.join(' OR ')})` };
}
