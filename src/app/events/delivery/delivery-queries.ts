import type { ProjectConfig } from '../../../domain/config';
import type { EventDeps } from '../event-deps';
import type { FieldIds } from '../../../domain/ticket';
import { organizationsOf, requestTypeName, textValue } from '../../shared/field-values';
import type { DeliveryCandidate } from '../../../domain/delivery';
import type { IssueBean } from '../../ports/jira';
import type { IncludedTicket } from '../../../domain/delivery/delivery-table';
import { searchReconciled } from '../../shared/reconciled-search';
import { customFieldClause, jqlString } from '../../../domain/jql';

/**
 * The ids to reconcile in a search: `first` (what this invocation must see current), then the project's recent
 * changes, newest first (`searchReconciled` reconciles the first 50 in the search itself).
 */
export function reconcileList(recent: readonly number[], first: readonly string[] = []): number[] {
  return [...new Set([...first.map(Number), ...recent])];
}

/**
 * The project's Planned Delivery tickets: one search, only the matching fields. `reconcile` names the issues
 * whose latest status, version, date and customer the search must reflect (Deliveries just created, edited or
 * shipped; one more narrow search per 50 beyond the first 50); the others are as the search index holds them. With
 * `customers` (organization names), only the Planned Deliveries shared with one of them (JSM's
 * `Organizations = "name"` clause): a search costs a point per Delivery it returns, and a ticket can only belong in
 * its own customer's. An empty list of customers has none, and asks nothing.
 */
export async function plannedDeliveries(
  deps: EventDeps,
  config: ProjectConfig,
  ids: FieldIds,
  reconcile: readonly number[],
  customers?: readonly string[],
): Promise<DeliveryCandidate[]> {
  const fields = [ids.deliveryVersion, ids.organizations, ids.estimatedDeliveryDate].filter(
    (f): f is string => f !== undefined,
  );
  const organizations = ids.organizations ? customFieldClause(ids.organizations) : undefined;
  if (customers?.length === 0 && organizations) return [];
  const ofCustomers =
    customers && organizations
      ? ` AND ${organizations} in (${customers.map((name) => jqlString(name)).join(', ')})`
      : '';
  const issues = await searchReconciled(
    deps.jira,
    {
      where:
        `project = ${jqlString(config.projectKey)} AND issuetype = ${jqlString(config.names.kinds.delivery)} ` +
        `AND status = ${jqlString(config.names.statuses.planned)}${ofCustomers}`,
      fields,
      maxResults: 100,
    },
    reconcile,
  );
  return issues.map((issue) => {
    const f = issue.fields ?? {};
    const version = ids.deliveryVersion ? textValue(f[ids.deliveryVersion]) : undefined;
    const date = ids.estimatedDeliveryDate ? textValue(f[ids.estimatedDeliveryDate]) : undefined;
    return {
      id: issue.id,
      key: issue.key ?? issue.id,
      organizationIds: ids.organizations ? organizationsOf(f[ids.organizations]).map((o) => o.id) : [],
      ...(version !== undefined ? { version } : {}),
      ...(date !== undefined ? { estimatedDate: date } : {}),
    };
  });
}

/**
 * Key, kind (issue type, else request type) and summary of the given tickets, read with as few searches as Jira
 * pages allow. The tickets among `recent` (the project's recent changes) are reconciled, so a ticket reclassified
 * just before it was linked shows its new kind. A linked ticket the search does not return was created too
 * recently for the search index (a new issue is searchable only after the index lag, unless reconciled): those are
 * searched once more, reconciled, at most 50 a search. Nothing is missing in the usual case, so this costs a call
 * only when a ticket was linked within seconds of its creation, or was deleted.
 */
export async function includedTickets(
  deps: EventDeps,
  ids: FieldIds,
  ticketIds: readonly string[],
  recent: readonly number[],
): Promise<IncludedTicket[]> {
  const found: IssueBean[] = [];
  // Keep each JQL well below Jira's length limits: 100 ids per search.
  for (let i = 0; i < ticketIds.length; i += 100) {
    const chunk = ticketIds.slice(i, i + 100);
    const inChunk = new Set(chunk.map(Number));
    found.push(
      ...(await ticketsById(
        deps,
        ids,
        chunk,
        recent.filter((id) => inChunk.has(id)),
      )),
    );
  }
  const returned = new Set(found.map((issue) => issue.id));
  const reconciled = new Set(recent);
  const missing = ticketIds.filter((id) => !returned.has(id) && !reconciled.has(Number(id)));
  if (missing.length > 0) found.push(...(await ticketsById(deps, ids, missing, missing.map(Number))));
  return found.map((issue) => includedTicket(issue, ids));
}

/** The tickets `ticketIds` (at most 100) as search sees them, the `reconcile` ids as they are. */
function ticketsById(
  deps: EventDeps,
  ids: FieldIds,
  ticketIds: readonly string[],
  reconcile: readonly number[],
): Promise<IssueBean[]> {
  return searchReconciled(
    deps.jira,
    {
      where: `id in (${ticketIds.join(',')})`,
      fields: ['summary', 'issuetype', ...(ids.requestType ? [ids.requestType] : [])],
      maxResults: 100,
    },
    reconcile,
  );
}

function includedTicket(issue: IssueBean, ids: FieldIds): IncludedTicket {
  const f = issue.fields ?? {};
  // The column shows the ticket's kind after reclassification (the guide's example row reads "Consulting
  // Request", not the portal type "Request"): the issue type; the JSM request type only when it is missing.
  const requestType =
    textValue(f.issuetype) ?? (ids.requestType ? requestTypeName(f[ids.requestType]) : undefined);
  return {
    key: issue.key ?? issue.id,
    summary: typeof f.summary === 'string' ? f.summary : '',
    ...(requestType !== undefined ? { requestType } : {}),
  };
}
