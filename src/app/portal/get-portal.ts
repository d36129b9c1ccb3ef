import type { PortalIncludedTicket, PortalView } from '../../contract/portal-view';
import { deliveryVersionOf, estimateExpired, nextStep } from '../../domain/portal/next-step';
import { nextStepSentence } from '../../domain/portal/next-step-sentence';
import { isOption } from '../../domain/names';
import { toTicket } from '../shared/ticket';
import { deliveryKeyOf, shippedIds, shippedKeys } from '../panel/delivery-views';
import type { PortalContext, PortalDeps } from './portal-deps';
import type { PortalJira } from './portal-ports';
import { loadPortalRequest, type PortalRequest } from './portal-request';
import { portalEscalation, portalPriority, portalRenewal } from './portal-views';

/** At most this many included tickets are listed on a Delivery (a Delivery ships a handful per customer). */
const INCLUDED_LIMIT = 50;

/**
 * Everything the portal panel shows on one request, in the customer's language. The access check runs first
 * (as the user); the app's own state is read as the app after it.
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
        ? estimatedDateOf(deps.jira, deliveryKey, request)
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

/** The estimated date of the Delivery a request ships in, read as the app after the access check. */
async function estimatedDateOf(
  jira: PortalJira,
  key: string,
  request: PortalRequest,
): Promise<string | null> {
  const id = request.fieldIds.estimatedDeliveryDate;
  if (!id) return null;
  const issue = await jira.getIssue(key, { fields: [id] });
  return toTicket(issue, { estimatedDeliveryDate: id }, request.cfg).estimatedDeliveryDate ?? null;
}

/**
 * The tickets a Delivery ships that belong to the customer's organization: those shared with an organization the
 * Delivery is for (a Delivery belongs to one customer, guide §3.3). Each is linked only when JSM shows it to
 * this user (one check as the user per ticket, in parallel); a Delivery for no organization lists nothing.
 */
async function includedTickets(request: PortalRequest, deps: PortalDeps): Promise<PortalIncludedTicket[]> {
  const { ticket, cfg, fieldIds } = request;
  const keys = shippedKeys(ticket, cfg).slice(0, INCLUDED_LIMIT);
  const own = new Set(ticket.organizations.map((o) => o.name));
  if (keys.length === 0 || own.size === 0 || !fieldIds.organizations) return [];
  const orgField = fieldIds.organizations;
  // Reconciled: a ticket moved to another organization a moment ago must not show here from a stale index.
  const reconcile = shippedIds(ticket, cfg);
  const issues = await deps.jira.searchAll({
    jql: `key in (${keys.map((k) => `"${k}"`).join(', ')}) ORDER BY key ASC`,
    fields: ['summary', 'issuetype', orgField],
    maxResults: INCLUDED_LIMIT,
    ...(reconcile.length > 0 ? { reconcileIssues: reconcile } : {}),
  });
  const ofCustomer = issues
    .map((issue) => toTicket(issue, { organizations: orgField }, cfg))
    .filter((shipped) => shipped.organizations.some((o) => own.has(o.name)));
  return Promise.all(
    ofCustomer.map(async (shipped) => {
      const visible = await deps.customer.visibleRequest(shipped.key);
      return {
        key: shipped.key,
        typeName: shipped.typeName,
        summary: shipped.summary,
        url: visible?.webUrl ?? null,
      };
    }),
  );
}
