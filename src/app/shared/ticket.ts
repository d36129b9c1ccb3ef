import type { JiraGateway } from '../ports/jira';
import type { ProjectConfig } from '../../domain/config';
import { parseProcessState, PROCESS_STATE_KEY } from '../../domain/process-state';
import type { FieldIds, Ticket } from '../../domain/ticket';
import {
  accountIdOf,
  accountTypeOf,
  dateValue,
  issueLinksOf,
  namedRef,
  organizationsOf,
  requestTypeName,
  textValue,
} from './field-values';
import { kindOfTypeName, priorityOfName, statusOfName } from '../../domain/names';
import { CUSTOMER_STATE_KEY } from '../../domain/service/customer-state';
import type { IssueBean } from '../ports/jira';

const SYSTEM_FIELDS = [
  'summary',
  'status',
  'issuetype',
  'project',
  'priority',
  'created',
  'updated',
  'reporter',
  'assignee',
  'security',
  'issuelinks',
];

/** The `fields` parameter for {@link loadTicket}: only what the rules read. */
export function ticketFields(ids: FieldIds): string[] {
  return [...SYSTEM_FIELDS, ...Object.values(ids).filter((id): id is string => id !== undefined)];
}

/** Builds a {@link Ticket} from an issue bean read with {@link ticketFields}. */
export function toTicket(
  bean: {
    id: string;
    key?: string | undefined;
    fields?: Record<string, unknown>;
    properties?: Record<string, unknown>;
  },
  ids: FieldIds,
  config: Pick<ProjectConfig, 'names'>,
): Ticket {
  const f = bean.fields ?? {};
  const custom = (id: string | undefined) => (id === undefined ? undefined : f[id]);
  const type = namedRef(f.issuetype) ?? { id: '', name: '' };
  const status = namedRef(f.status) ?? { id: '', name: '' };
  const priority = namedRef(f.priority);
  const project = f.project as { key?: unknown } | null | undefined;
  const optional = {
    kind: kindOfTypeName(config, type.name),
    status: statusOfName(config, status.name),
    priority: priorityOfName(config, priority?.name),
    priorityName: priority?.name,
    updated: typeof f.updated === 'string' ? f.updated : undefined,
    reporterId: accountIdOf(f.reporter),
    reporterAccountType: accountTypeOf(f.reporter),
    assigneeId: accountIdOf(f.assignee),
    securityLevel: namedRef(f.security),
    requestTypeName: requestTypeName(custom(ids.requestType)),
    deliveryVersion: textValue(custom(ids.deliveryVersion)),
    confidential: textValue(custom(ids.confidential)),
    affectedSystem: textValue(custom(ids.affectedSystem)),
    systemReachable: textValue(custom(ids.systemReachable)),
    estimatedDeliveryDate: dateValue(custom(ids.estimatedDeliveryDate)),
    state: parseProcessState(bean.properties?.[PROCESS_STATE_KEY]),
  };
  return {
    id: bean.id,
    key: bean.key ?? bean.id,
    projectKey: typeof project?.key === 'string' ? project.key : '',
    summary: typeof f.summary === 'string' ? f.summary : '',
    typeId: type.id,
    typeName: type.name,
    statusId: status.id,
    statusName: status.name,
    created: typeof f.created === 'string' ? f.created : '',
    organizations: organizationsOf(custom(ids.organizations)),
    links: issueLinksOf(f.issuelinks),
    ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<Ticket>),
  };
}

/** What a read of the ticket asks Jira for besides its id. */
export interface TicketRead {
  readonly fields: string[];
  readonly properties: string[];
}

/**
 * What {@link loadTicket} reads: the fields the rules read and the process state, with the customer's portal state
 * at no extra cost, so that the portal's copy gets the whole issue as read.
 */
export function ticketRead(ids: FieldIds): TicketRead {
  return { fields: ticketFields(ids), properties: [PROCESS_STATE_KEY, CUSTOMER_STATE_KEY] };
}

/**
 * Reads the ticket's current fields and process state in one call (strongly consistent, unlike search), handing
 * the bean to `keep` (the portal's copy) as read.
 */
export async function loadTicket(
  jira: JiraGateway,
  idOrKey: string,
  ids: FieldIds,
  config: ProjectConfig,
  keep?: (bean: IssueBean) => Promise<void>,
): Promise<Ticket> {
  const bean = await jira.getIssue(idOrKey, ticketRead(ids));
  if (keep) await keep(bean);
  return toTicket(bean, ids, config);
}
