import { keepAgentLocale } from '../shared/agent-locale';
import { JiraHttpError } from '../ports/jira-errors';
import type { JiraGateway, SiteMetadataGateway } from '../ports/jira';
import type { DeliveryPanelView, PanelView, TicketPanelView } from '../../contract/panel-view';
import { configForProject, type ProjectConfig } from '../../domain/config';
import type { Kind } from '../../domain/kinds';
import { PROCESS_STATE_KEY } from '../../domain/process-state';
import {
  CUSTOMER_STATE_KEY,
  parseCustomerState,
  type CustomerState,
} from '../../domain/service/customer-state';
import type { AuditLog } from '../shared/audit-log';
import type { ConfigRepository } from '../shared/config-repository';
import { auditEntryView } from './audit-entry-view';
import {
  deliveryVersionView,
  includedTickets,
  shippedIds,
  shippedKeys,
  toContractKind,
  VERSIONED_KINDS,
} from './delivery-views';
import { commercialClass } from '../../domain/commercial-class';
import { isRecord } from '../shared/is-record';
import { priorityView } from './priority-view';
import { serviceClocks } from '../../domain/priorities/service-clocks';
import { statusRef } from './status-ref';
import {
  confidentialityView,
  escalationAccountIds,
  escalationStateView,
  escalationView,
  ticketLadder,
  panelFlags,
} from './ticket-context-views';
import { NotAgentError } from './not-agent-error';
import { isDone, nextStep } from './next-step';
import { TicketNotFoundError } from './ticket-not-found-error';
import { panelFieldIds, toPanelTicket, type PanelFieldIds, type PanelTicket } from './panel-ticket';
import { instantOf } from '../shared/field-values';
import { cachedFieldNameIndex, fieldNameIndex } from '../shared/field-ids';
import type { KeyValueStore } from '../ports';
import { InvalidPayloadError } from '../admin/invalid-payload-error';
import { clarificationView, estimateView, resolvedAutoCloseView } from './timer-views';

/**
 * What the panel use case needs. `user` and `userMeta` read Jira as the user who opened the panel: the page
 * reads with `@forge/bridge` `requestJira` and hands the answers over (decision 0018), so a view costs the app's
 * backend no Jira points. The configuration, the audit trail and the field index come from the app's storage.
 */
export interface PanelDeps {
  user: Pick<JiraGateway, 'getIssue' | 'searchAll' | 'getFields'>;
  userMeta: Pick<SiteMetadataGateway, 'getSlas' | 'getUserDisplayName'>;
  /** Whether the user is a service-desk agent of the project, answered by Jira and kept per user a while. */
  isAgent(projectKey: string): Promise<boolean>;
  store: KeyValueStore;
  config: ConfigRepository;
  audit: AuditLog;
  now: Date;
}

/** The ticket and project from the trusted Forge context (`context.extension`), never from the payload. */
export interface PanelRequest {
  issueKey: string;
  issueId?: string | undefined;
  projectKey: string | undefined;
  /** The signed-in user and their locale, from the same context: an agent's is kept for the notes written for them. */
  viewer?: { accountId: string; locale: string } | undefined;
}

/** How many audit entries the panel lists. */
const PANEL_HISTORY_LIMIT = 20;

/**
 * Everything the issue panel shows: the ticket, its SLAs and linked tickets as the user reads them; the
 * configuration and the audit trail from the app's storage. Only agents of the ticket's project see it; an agent's
 * view keeps their locale for the internal notes the event rules write for them (`keepAgentLocale`).
 *
 * @throws NotAgentError when the user is not an agent of the ticket's project.
 * @throws TicketNotFoundError when Jira answers 404 to the user.
 * @throws InvalidPayloadError when the ticket read is not the ticket of the context.
 */
export async function getPanel(request: PanelRequest, deps: PanelDeps): Promise<PanelView> {
  const contextProject = request.projectKey ?? projectOfKey(request.issueKey);
  if (!(await deps.isAgent(contextProject))) throw new NotAgentError();
  if (request.viewer)
    await keepAgentLocale(deps.store, request.viewer.accountId, request.viewer.locale, deps.now, true);
  const { config } = await deps.config.load();
  const contextCfg = configForProject(config, contextProject);
  const index =
    (await cachedFieldNameIndex(deps.store, deps.now, contextCfg)) ??
    fieldNameIndex(await deps.user.getFields());
  const { ids, request: wanted } = panelFieldIds(index, contextCfg);
  const issue = await readIssue(deps.user, request.issueKey, wanted);
  if (!isContextTicket(issue, request))
    throw new InvalidPayloadError(['answers: the ticket read is not the ticket the panel is open on']);
  const ticket = toPanelTicket(issue, configForProject(config, issueProjectKey(issue) ?? ''), ids);
  if (
    ticket.projectKey !== '' &&
    ticket.projectKey !== contextProject &&
    !(await deps.isAgent(ticket.projectKey))
  )
    throw new NotAgentError();
  const cfg = configForProject(config, ticket.projectKey);
  const base = { issueKey: ticket.key, computedAt: deps.now.toISOString(), dryRun: cfg.automation.dryRun };

  const typeName = ticket.typeName === '' ? null : ticket.typeName;
  const projectType = isRecord(issue.fields?.project) ? issue.fields.project.projectTypeKey : undefined;
  if (typeof projectType === 'string' && projectType !== 'service_desk') {
    return { ...base, view: 'unsupported', reason: 'notServiceDeskProject', typeName };
  }
  if (!config.projects.includes(ticket.projectKey) || !cfg.automation.enabled) {
    return { ...base, view: 'unsupported', reason: 'projectNotEnabled', typeName };
  }
  if (ticket.kind === undefined) return { ...base, view: 'unsupported', reason: 'unknownType', typeName };

  const history = deps.audit
    .forIssue(ticket.id, PANEL_HISTORY_LIMIT)
    .then((entries) => entries.map(auditEntryView));
  if (ticket.kind === 'delivery') return deliveryPanel(ticket, cfg, deps, ids, base, await history);
  const customer = parseCustomerState(issue.properties?.[CUSTOMER_STATE_KEY]);
  return ticketPanel({ ...ticket, kind: ticket.kind }, cfg, deps, ids, base, history, customer);
}

/** The project key of an issue key (`SD-12` → `SD`). */
function projectOfKey(issueKey: string): string {
  return issueKey.slice(0, Math.max(0, issueKey.lastIndexOf('-')));
}

/**
 * Whether the issue read is the one of the trusted context: Jira answers a moved ticket's old key with its new
 * key, so the id decides when the context names it.
 */
function isContextTicket(issue: { id: string; key?: string | undefined }, request: PanelRequest): boolean {
  if (request.issueId !== undefined) return issue.id === request.issueId;
  return issue.key?.toUpperCase() === request.issueKey.toUpperCase();
}

async function readIssue(user: PanelDeps['user'], issueKey: string, fields: string[]) {
  try {
    // The customer's portal state (escalations) comes with the same read.
    return await user.getIssue(issueKey, {
      fields,
      properties: [PROCESS_STATE_KEY, CUSTOMER_STATE_KEY],
      expand: 'changelog',
    });
  } catch (error) {
    if (error instanceof JiraHttpError && error.status === 404) throw new TicketNotFoundError(issueKey);
    throw error;
  }
}

function issueProjectKey(issue: { fields?: Record<string, unknown> }): string | undefined {
  const project = issue.fields?.project;
  return isRecord(project) && typeof project.key === 'string' ? project.key : undefined;
}

type Base = { issueKey: string; computedAt: string; dryRun: boolean };

async function ticketPanel(
  ticket: PanelTicket & { kind: Exclude<Kind, 'delivery'> },
  cfg: ProjectConfig,
  deps: PanelDeps,
  ids: PanelFieldIds,
  base: Base,
  history: Promise<TicketPanelView['history']>,
  customer: CustomerState,
): Promise<TicketPanelView> {
  const kind = ticket.kind;
  const ladder = ticketLadder(ticket, cfg);
  const [slas, delivery, names, entries] = await Promise.all([
    deps.userMeta.getSlas(ticket.key),
    VERSIONED_KINDS.includes(kind) ? deliveryVersionView(deps.user, ticket, cfg, ids) : Promise.resolve(null),
    displayNames(deps.userMeta, escalationAccountIds(ladder, customer)),
    history,
  ]);
  const status = statusRef(cfg, ticket.statusName);
  const done = isDone(status.role);
  const priority = priorityView(kind, ticket.priority ?? null, done);
  const clocks = serviceClocks({
    slas,
    cfg,
    priority: ticket.priority ?? null,
    created: instantOf(ticket.created) ?? new Date(0).toISOString(),
    acceptedAt: ticket.acceptedAt,
    resolvedAt: ticket.resolutionDate ?? null,
    done,
    now: deps.now,
  });
  const timerInput = { kind, status: ticket.status ?? null, state: ticket.state, cfg, now: deps.now };
  const estimate = estimateView(timerInput);
  const returnsTo = ticket.clarificationFrom === undefined ? null : statusRef(cfg, ticket.clarificationFrom);
  const clarification = clarificationView(timerInput, returnsTo);
  const resolvedAutoClose = resolvedAutoCloseView(timerInput);
  const escalation = escalationView(ladder, names);
  return {
    ...base,
    view: 'ticket',
    kind,
    kindName: ticket.typeName || cfg.names.kinds[kind],
    status,
    done,
    nextStep: nextStep({ statusRole: status.role, clarification, resolved: resolvedAutoClose, estimate }),
    priority,
    clocks,
    delivery,
    estimate,
    clarification,
    resolvedAutoClose,
    confidentiality: confidentialityView(ticket, cfg),
    commercial: commercialClass(kind),
    escalation,
    escalationConfigured: escalation.some((level) => level.contacts.length > 0),
    escalated: escalationStateView(cfg, customer, names),
    flags: panelFlags({ done, state: ticket.state, priority, clocks, delivery, estimate }),
    history: entries,
  };
}

async function deliveryPanel(
  ticket: PanelTicket,
  cfg: ProjectConfig,
  deps: PanelDeps,
  ids: PanelFieldIds,
  base: Base,
  history: DeliveryPanelView['history'],
): Promise<DeliveryPanelView> {
  const included = await includedTickets(
    deps.user,
    shippedKeys(ticket, cfg),
    cfg,
    ids.requestType,
    shippedIds(ticket, cfg),
  );
  return {
    ...base,
    view: 'delivery',
    status: statusRef(cfg, ticket.statusName),
    version: ticket.deliveryVersion ?? null,
    estimatedDate: ticket.estimatedDeliveryDate ?? null,
    cloudEnvironment: ticket.cloudEnvironment ?? null,
    included: included.map((t) => ({ ...t, kind: toContractKind(t.kind) })),
    flags: [],
    history,
  };
}

/** Display names of the ladder's people, looked up once each; unknown or hidden accounts are left out. */
async function displayNames(meta: PanelDeps['userMeta'], accountIds: string[]): Promise<Map<string, string>> {
  const found = await Promise.all(
    accountIds.map(async (id) => [id, await meta.getUserDisplayName(id)] as const),
  );
  return new Map(found.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
}
