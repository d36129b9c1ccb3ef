import type { PortalIncludedTicket, PortalView } from '../../contract/portal-view';
import { deliveryVersionOf, estimateExpired, nextStep } from '../../domain/portal/next-step';
import { nextStepSentence } from '../../domain/portal/next-step-sentence';
import type { FieldIds } from '../../domain/ticket';
import { dateValue, nameOf, organizationNames } from '../panel/field-values';
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
  if (!request.managed || ticket.kind === null)
    return { view: 'unsupported', issueKey: ticket.key, language };
  const kind = ticket.kind;
  const version = deliveryVersionOf(ticket.values.deliveryVersion, cfg.names.customValue);
  const deliveryKey = kind === 'delivery' ? null : deliveryKeyOf(ticket, cfg);
  const [plannedDate, included] = await Promise.all([
    kind === 'delivery'
      ? Promise.resolve(ticket.values.estimatedDeliveryDate)
      : deliveryKey
        ? estimatedDateOf(deps.jira, deliveryKey, request.fieldIds)
        : Promise.resolve(null),
    kind === 'delivery' ? includedTickets(request, deps) : Promise.resolve(null),
  ]);
  const expired = estimateExpired(kind, ticket.status, ticket.state, deps.now, cfg);
  const step = nextStep(
    {
      kind,
      status: ticket.status,
      state: ticket.state,
      version,
      plannedDate,
      estimateExpired: expired,
    },
    cfg,
  );
  const closed = ticket.status === 'closed';
  return {
    view: 'request',
    issueKey: ticket.key,
    language,
    computedAt: deps.now.toISOString(),
    typeName: ticket.typeName ?? cfg.names.kinds[kind],
    nextStep: nextStepSentence(step, language, context.timeZone ?? cfg.calendar.timeZone),
    priority: kind === 'delivery' ? null : portalPriority(cfg, kind, ticket.priorityName, language),
    deliveryVersion:
      version === null
        ? null
        : version.kind === 'patch'
          ? { kind: 'patch', text: version.text }
          : { kind: 'custom', text: cfg.names.customValue },
    delivery: included === null ? null : { estimatedDate: plannedDate, included },
    confidential: ticket.values.confidential?.toLowerCase() === cfg.names.fieldValues.yes.toLowerCase(),
    escalation: portalEscalation(request.customer, closed, cfg, request.group, language, deps.now),
    estimateRenewal: expired ? portalRenewal(request.customer) : null,
  };
}

/** The estimated date of the Delivery a request ships in, read as the app after the access check. */
async function estimatedDateOf(jira: PortalJira, key: string, ids: FieldIds): Promise<string | null> {
  if (!ids.estimatedDeliveryDate) return null;
  const issue = await jira.getIssue(key, { fields: [ids.estimatedDeliveryDate] });
  return dateValue(issue.fields?.[ids.estimatedDeliveryDate]);
}

/**
 * The tickets a Delivery ships that belong to the customer's organization: those shared with an organization the
 * Delivery is for (a Delivery belongs to one customer, guide §3.3). Each is linked only when JSM shows it to
 * this user (one check as the user per ticket, in parallel); a Delivery for no organization lists nothing.
 */
async function includedTickets(request: PortalRequest, deps: PortalDeps): Promise<PortalIncludedTicket[]> {
  const { ticket, cfg, fieldIds } = request;
  const keys = shippedKeys(ticket, cfg).slice(0, INCLUDED_LIMIT);
  const own = new Set(ticket.organizations);
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
  const ofCustomer = issues.filter((issue) =>
    organizationNames(issue.fields?.[orgField]).some((name) => own.has(name)),
  );
  return Promise.all(
    ofCustomer.map(async (issue) => {
      const key = issue.key ?? issue.id;
      const visible = await deps.customer.visibleRequest(key);
      const summary = issue.fields?.summary;
      return {
        key,
        typeName: nameOf(issue.fields?.issuetype) ?? '',
        summary: typeof summary === 'string' ? summary : '',
        url: visible?.webUrl ?? null,
      };
    }),
  );
}
