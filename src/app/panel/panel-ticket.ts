import type { IssueBean } from '../ports/jira';
import type { ProjectConfig } from '../../domain/config';
import { sameName } from '../../domain/names';
import type { FieldIds, Ticket } from '../../domain/ticket';
import { fieldIdByName, fieldIdsOf, type FieldNameIndex } from '../shared/field-ids';
import { instantOf, parseJiraTime, textValue } from '../shared/field-values';
import { ticketFields, toTicket } from '../shared/ticket';
import { panelAcceptedAt } from './panel-acceptance';

/**
 * What the panel knows about one ticket after a single `GET /issue` as the user: the domain's {@link Ticket},
 * read by the same reader as events and sweep, plus what only the panel shows.
 */
export interface PanelTicket extends Ticket {
  /** Jira's `resolutiondate` as an ISO instant; absent while the ticket is unresolved. */
  readonly resolutionDate?: string;
  readonly cloudEnvironment?: string;
  /** Status the ticket was in before it last entered Clarification (from the changelog). */
  readonly clarificationFrom?: string;
  /** When an agent accepted the ticket (from the changelog, `panelAcceptedAt`). */
  readonly acceptedAt?: string;
}

/** The field ids the panel reads, by role: the event rules' ids plus the cloud environment. */
export type PanelFieldIds = FieldIds & { cloudEnvironment?: string };

/** The custom fields of the ticket itself that the panel shows (the others serve its linked reads). */
const SHOWN = ['deliveryVersion', 'estimatedDeliveryDate', 'confidential', 'organizations'] as const;

function shownIds(ids: PanelFieldIds): FieldIds {
  return Object.fromEntries(SHOWN.flatMap((role) => (ids[role] ? [[role, ids[role]]] : [])));
}

/**
 * The panel's field ids and the `fields` to request for its ticket: what the shared reader reads of the fields
 * the panel shows, plus the resolution date and the cloud environment.
 */
export function panelFieldIds(
  index: FieldNameIndex,
  cfg: ProjectConfig,
): { ids: PanelFieldIds; request: string[] } {
  const cloudEnvironment = fieldIdByName(index, cfg.names.fields.cloudEnvironment);
  const ids: PanelFieldIds = { ...fieldIdsOf(index, cfg), ...(cloudEnvironment ? { cloudEnvironment } : {}) };
  const request = [
    ...ticketFields(shownIds(ids)),
    'resolutiondate',
    ...(cloudEnvironment ? [cloudEnvironment] : []),
  ];
  return { ids, request };
}

/** Reads the issue bean of `GET /issue/{key}?fields=…&properties=jsm-process-state&expand=changelog`. */
export function toPanelTicket(issue: IssueBean, cfg: ProjectConfig, ids: PanelFieldIds): PanelTicket {
  const fields = issue.fields ?? {};
  const ticket = toTicket(issue, shownIds(ids), cfg);
  const extra = {
    resolutionDate: instantOf(fields.resolutiondate),
    cloudEnvironment: ids.cloudEnvironment ? textValue(fields[ids.cloudEnvironment]) : undefined,
    clarificationFrom: lastEntryFrom(issue, cfg.names.statuses.clarification),
    acceptedAt: panelAcceptedAt(issue, ticket, cfg),
  };
  return {
    ...ticket,
    ...(Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) as Partial<PanelTicket>),
  };
}

/** The status a ticket came from when it last entered `target`, per the changelog (newest history last). */
function lastEntryFrom(issue: IssueBean, target: string): string | undefined {
  let from: string | undefined;
  let latest = -Infinity;
  for (const history of issue.changelog?.histories ?? []) {
    const at = parseJiraTime(history.created);
    if (at === undefined) continue;
    for (const item of history.items) {
      if (item.field !== 'status' || !item.toString || !sameName(item.toString, target)) continue;
      if (at >= latest) {
        latest = at;
        from = item.fromString ?? undefined;
      }
    }
  }
  return from;
}
