import type { ProjectConfig } from '../../../domain/config';
import type { EventDeps } from '../event-deps';
import type { FieldIds } from '../../../domain/ticket';
import { organizationsOf, requestTypeName, textValue } from '../../shared/field-values';
import type { DeliveryCandidate } from '../../../domain/delivery';
import type { IncludedTicket } from '../../../domain/delivery/delivery-table';

/** JQL string literal: Jira escapes `"` and `\` with a backslash. */
export function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The project's Planned Delivery tickets (few per customer): one search, only the matching fields. */
export async function plannedDeliveries(
  deps: EventDeps,
  config: ProjectConfig,
  ids: FieldIds,
): Promise<DeliveryCandidate[]> {
  const fields = [ids.deliveryVersion, ids.organizations, ids.estimatedDeliveryDate].filter(
    (f): f is string => f !== undefined,
  );
  const issues = await deps.jira.searchAll({
    jql:
      `project = ${jqlString(config.projectKey)} AND issuetype = ${jqlString(config.names.kinds.delivery)} ` +
      `AND status = ${jqlString(config.names.statuses.planned)} ORDER BY key ASC`,
    fields,
    maxResults: 100,
  });
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

/** Key, kind (issue type, else request type) and summary of the given tickets, read with as few searches as Jira pages allow. */
export async function includedTickets(
  deps: EventDeps,
  ids: FieldIds,
  ticketIds: readonly string[],
): Promise<IncludedTicket[]> {
  const result: IncludedTicket[] = [];
  // Keep each JQL well below Jira's length limits: 100 ids per search.
  for (let i = 0; i < ticketIds.length; i += 100) {
    const chunk = ticketIds.slice(i, i + 100);
    const issues = await deps.jira.searchAll({
      jql: `id in (${chunk.join(',')}) ORDER BY key ASC`,
      fields: ['summary', 'issuetype', ...(ids.requestType ? [ids.requestType] : [])],
      maxResults: 100,
    });
    for (const issue of issues) {
      const f = issue.fields ?? {};
      // The column shows the ticket's kind after reclassification (the guide's example row reads "Consulting
      // Request", not the portal type "Request"): the issue type; the JSM request type only when it is missing.
      const requestType =
        textValue(f.issuetype) ?? (ids.requestType ? requestTypeName(f[ids.requestType]) : undefined);
      result.push({
        key: issue.key ?? issue.id,
        summary: typeof f.summary === 'string' ? f.summary : '',
        ...(requestType !== undefined ? { requestType } : {}),
      });
    }
  }
  return result;
}
