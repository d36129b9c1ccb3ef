import type { IssueBean } from '../ports/jira';
import type { ProjectConfig } from '../../domain/config';
import { KINDS, type Kind } from '../../domain/kinds';
import { parseProcessState, PROCESS_STATE_KEY, type ProcessState } from '../../domain/process-state';
import { STATUSES, type StatusKey } from '../../domain/statuses';
import { isRecord } from '../shared/is-record';
import { keyByName } from '../../domain/names';
import { dateValue, nameOf, organizationNames } from './field-values';
import { fieldIdByName, fieldIdsOf, type FieldNameIndex } from '../shared/field-ids';
import type { FieldIds } from '../../domain/ticket';
import { textValue } from '../shared/field-values';

/** The custom fields the panel reads, by role. */
export type PanelFieldRole =
  'deliveryVersion' | 'estimatedDeliveryDate' | 'cloudEnvironment' | 'confidential';

/** A link of the ticket as Jira reports it, seen from this ticket. */
interface LinkSnapshot {
  typeName: string;
  /** `outward`: this ticket is the link's source (a Delivery "ships" the other ticket). */
  direction: 'outward' | 'inward';
  key: string;
  /** The other issue's id (what `reconcileIssues` takes), when the link names it. */
  id?: string;
}

/** What the panel knows about one ticket after a single `GET /issue` as the user. */
export interface TicketSnapshot {
  id: string;
  key: string;
  projectKey: string;
  typeName: string | null;
  kind: Kind | null;
  statusName: string;
  status: StatusKey | null;
  priorityName: string | null;
  created: string;
  resolutionDate: string | null;
  securityLevel: string | null;
  organizations: string[];
  values: Record<PanelFieldRole, string | null>;
  links: LinkSnapshot[];
  state: ProcessState | undefined;
  /** Status the ticket was in before it last entered Clarification (from the changelog). */
  clarificationFrom: string | null;
}

const SYSTEM_FIELDS = [
  'summary',
  'status',
  'issuetype',
  'project',
  'priority',
  'created',
  'resolutiondate',
  'security',
  'issuelinks',
];

/** The field ids the panel reads, by role: the event rules' ids plus the cloud environment. */
export type PanelFieldIds = FieldIds & { cloudEnvironment?: string };

/** Jira field ids to request for the panel: system fields plus the configured custom fields that exist. */
export function panelFieldIds(
  index: FieldNameIndex,
  cfg: ProjectConfig,
): { ids: PanelFieldIds; request: string[] } {
  const cloudEnvironment = fieldIdByName(index, cfg.names.fields.cloudEnvironment);
  const ids: PanelFieldIds = { ...fieldIdsOf(index, cfg), ...(cloudEnvironment ? { cloudEnvironment } : {}) };
  const custom = [
    ids.deliveryVersion,
    ids.estimatedDeliveryDate,
    ids.cloudEnvironment,
    ids.confidential,
    ids.organizations,
  ];
  return { ids, request: [...SYSTEM_FIELDS, ...custom.filter((id): id is string => id !== undefined)] };
}

/** Reads the issue bean of `GET /issue/{key}?fields=…&properties=jsm-process-state&expand=changelog`. */
export function ticketSnapshot(
  issue: IssueBean,
  cfg: ProjectConfig,
  ids: Partial<Record<PanelFieldRole | 'organizations', string>>,
): TicketSnapshot {
  const fields = issue.fields ?? {};
  const value = (role: PanelFieldRole | 'organizations'): unknown => {
    const id = ids[role];
    return id === undefined ? undefined : fields[id];
  };
  const project = fields.project;
  const typeName = nameOf(fields.issuetype);
  const statusName = nameOf(fields.status) ?? '';
  const status = keyByName(cfg.names.statuses, STATUSES, statusName);
  return {
    id: issue.id,
    key: issue.key ?? issue.id,
    projectKey: isRecord(project) && typeof project.key === 'string' ? project.key : '',
    typeName,
    kind: keyByName(cfg.names.kinds, KINDS, typeName),
    statusName,
    status,
    priorityName: nameOf(fields.priority),
    created: toIso(fields.created) ?? new Date(0).toISOString(),
    resolutionDate: toIso(fields.resolutiondate),
    securityLevel: nameOf(fields.security),
    organizations: organizationNames(value('organizations')),
    values: {
      deliveryVersion: textValue(value('deliveryVersion')) ?? null,
      estimatedDeliveryDate: dateValue(value('estimatedDeliveryDate')),
      cloudEnvironment: textValue(value('cloudEnvironment')) ?? null,
      confidential: textValue(value('confidential')) ?? null,
    },
    links: linksOf(fields.issuelinks),
    state: parseProcessState(issue.properties?.[PROCESS_STATE_KEY]),
    clarificationFrom: lastEntryFrom(issue, cfg.names.statuses.clarification),
  };
}

function linksOf(value: unknown): LinkSnapshot[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((link: unknown): LinkSnapshot[] => {
    if (!isRecord(link) || !isRecord(link.type) || typeof link.type.name !== 'string') return [];
    const typeName = link.type.name;
    const other = isRecord(link.outwardIssue)
      ? link.outwardIssue
      : isRecord(link.inwardIssue)
        ? link.inwardIssue
        : null;
    if (!other || typeof other.key !== 'string') return [];
    return [
      {
        typeName,
        direction: isRecord(link.outwardIssue) ? 'outward' : 'inward',
        key: other.key,
        ...(typeof other.id === 'string' ? { id: other.id } : {}),
      },
    ];
  });
}

/** Jira writes `2026-11-27T09:30:00.000+0000`; normalise to an ISO instant. */
function toIso(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The status a ticket came from when it last entered `target`, per the changelog (newest history last). */
function lastEntryFrom(issue: IssueBean, target: string): string | null {
  const histories = issue.changelog?.histories ?? [];
  const wanted = target.trim().toLowerCase();
  let from: string | null = null;
  let latest = -Infinity;
  for (const history of histories) {
    const at = Date.parse(toIso(history.created) ?? '');
    for (const item of history.items) {
      if (item.field !== 'status' || item.toString?.trim().toLowerCase() !== wanted) continue;
      if (at >= latest) {
        latest = at;
        from = item.fromString ?? null;
      }
    }
  }
  return from;
}
