import type { PortalIncludedTicket, PortalView } from '../../contract/portal-view';
import { deliveryVersionOf, estimateExpired, nextStep } from '../../domain/portal/next-step';
import { nextStepSentence } from '../../domain/portal/next-step-sentence';
import { isOption } from '../../domain/names';
import { compareIssueKeys } from '../../domain/issue-key-order';
import { toTicket } from '../shared/ticket';
import { deliveryKeyOf, shippedKeys } from '../panel/delivery-views';
import type { FieldIds } from '../../domain/ticket';
import { COPIED_PROPERTIES, portalFieldIds, portalFields } from '../shared/portal-copy';
import { JiraHttpError } from '../ports/jira-errors';
import type { PortalContext, PortalDeps } from './portal-deps';
import type { PortalIssues } from './portal-ports';
import { loadPortalRequest, type PortalRequest } from './portal-request';
import { portalEscalation, portalPriority, portalRenewal } from './portal-views';

/** At most this many included tickets are listed on a Delivery (a Delivery ships a handful per customer). */
const INCLUDED_LIMIT = 50;

/**
 * Everything the portal panel shows on one request, in the customer's language. The access check runs first
 * (JSM's answer to the user); the request and the tickets it names are read after it, through `deps.issues`.
 *
 * @throws NotVisibleToUserError when JSM does not show the request to the user.
 */
export async function getPortal(context: PortalContext, deps: PortalDeps): Promise<PortalView> {
  const request = await loadPortalRequest(context, deps);
  const { ticket, cfg, language } = request;
  if (!request.managed || ticket.kind === undefined)
    return { view: 'unsupported', issueKey: ticket.key, language };
  const kind = ticket.kind;
  const version = deliveryVersionOf(ticket.deliveryVersion ?? null, cfg.names.customValue);
  const deliveryKey = kind === 'delivery' ? null : deliveryKeyOf(ticket, cfg);
  const [plannedDate, included] = await Promise.all([
    kind === 'delivery'
      ? Promise.resolve(ticket.estimatedDeliveryDate ?? null)
      : deliveryKey
        ? estimatedDateOf(deps.issues, deliveryKey, request)
        : Promise.resolve(null),
    kind === 'delivery' ? includedTickets(request, deps) : Promise.resolve(null),
  ]);
  const status = ticket.status ?? null;
  const expired = estimateExpired(kind, status, ticket.state, deps.now, cfg);
  const step = nextStep(
    {
      kind,
      status,
      state: ticket.state,
      version,
      plannedDate,
      estimateExpired: expired,
    },
    cfg,
  );
  const closed = status === 'closed';
  return {
    view: 'request',
    issueKey: ticket.key,
    language,
    computedAt: deps.now.toISOString(),
    typeName: ticket.typeName || cfg.names.kinds[kind],
    nextStep: nextStepSentence(step, language, context.timeZone ?? cfg.calendar.timeZone),
    priority: kind === 'delivery' ? null : portalPriority(kind, ticket.priority, language),
    deliveryVersion:
      version === null
        ? null
        : version.kind === 'patch'
          ? { kind: 'patch', text: version.text }
          : { kind: 'custom', text: cfg.names.customValue },
    delivery: included === null ? null : { estimatedDate: plannedDate, included },
    confidential: isOption(cfg, ticket.confidential, 'yes'),
    escalation: portalEscalation(request.customer, closed, cfg, request.group, language, deps.now),
    estimateRenewal: expired ? portalRenewal(request.customer) : null,
  };
}

/** The estimated date of the Delivery a request ships in, read after the access check. */
async function estimatedDateOf(
  issues: PortalIssues,
  key: string,
  request: PortalRequest,
): Promise<string | null> {
  const issue = await readIssue(issues, key, request.fieldIds);
  return issue
    ? (toTicket(issue, portalFieldIds(request.fieldIds), request.cfg).estimatedDeliveryDate ?? null)
    : null;
}

/** One ticket the request names, with the portal's fields; `undefined` when it no longer exists. */
async function readIssue(issues: PortalIssues, key: string, ids: FieldIds) {
  try {
    return await issues.getIssue(key, { fields: portalFields(ids), properties: [...COPIED_PROPERTIES] });
  } catch (error) {
    if (error instanceof JiraHttpError && error.isNotFound) return undefined;
    throw error;
  }
}

/**
 * The tickets a Delivery ships that belong to the customer's organization: those shared with an organization the
 * Delivery is for (a Delivery belongs to one customer, guide §3.3). Each is linked only when JSM shows it to
 * this user (one customer-request read as the user per ticket, in parallel); a Delivery for no organization
 * lists nothing.
 */
async function includedTickets(request: PortalRequest, deps: PortalDeps): Promise<PortalIncludedTicket[]> {
  const { ticket, cfg, fieldIds } = request;
  const keys = shippedKeys(ticket, cfg).slice(0, INCLUDED_LIMIT);
  const own = new Set(ticket.organizations.map((o) => o.name));
  if (keys.length === 0 || own.size === 0 || !fieldIds.organizations) return [];
  // Read by key (the app's copy, or Jira as the app), never from search: no index lag can list a ticket
  // that moved to another organization.
  const issues = await Promise.all(keys.map((key) => readIssue(deps.issues, key, fieldIds)));
  const ofCustomer = issues
    .flatMap((issue) => (issue ? [toTicket(issue, portalFieldIds(fieldIds), cfg)] : []))
    .filter((shipped) => shipped.organizations.some((o) => own.has(o.name)))
    .sort((a, b) => compareIssueKeys(a.key, b.key));
  return Promise.all(
    ofCustomer.map(async (shipped) => {
      const visible = await deps.customer.visibleRequest(shipped.key);
      return {
        key: shipped.key,
        typeName: shipped.typeName,
        summary: shipped.summary,
        url: visible?.issueKey === shipped.key ? visible.webUrl : null,
      };
    }),
  );
}
