import type { RenewEstimateResult } from '../../contract/portal-view';
import { estimateExpired } from '../../domain/portal/next-step';
import {
  CUSTOMER_STATE_KEY,
  parseCustomerState,
  type CustomerState,
} from '../../domain/service/customer-state';
import { renderMessage } from '../../domain/texts/render-message';
import { InvalidPayloadError, issueLines } from '../admin/invalid-payload-error';
import { z } from 'zod';
import { isRecord } from '../shared/is-record';
import type { PortalContext, PortalDeps } from './portal-deps';
import { loadPortalRequest, type PortalRequest } from './portal-request';
import { portalRenewal } from './portal-views';

const payloadSchema = z.strictObject({});

/**
 * Issue property on a Request the app raised for a new estimate, naming the occurrence (its idempotency key),
 * so that a retry after a crash finds that Request instead of raising a second one.
 */
const ORIGIN_KEY = 'jsm-process-origin';

/**
 * "Request a new estimate" on a Customisation whose estimate expired (guide §3.2.3: the customer asks the
 * account manager). Configurable (`timers.estimate.renewal.mode`): a new Request linked to the expired ticket,
 * raised for the customer, or an internal note on the expired ticket mentioning the account managers. Once
 * per ticket: claimed in the ledger (ticket + `estimateRenewal`) and recorded in the customer state. The note
 * carries the state in the same write; the new Request is created linked to the expired ticket and marked with
 * the occurrence in one write, so a run that died before recording it is finished by the next one (after the
 * claim's lease) with that Request, never a second.
 */
export async function renewEstimate(
  payload: unknown,
  context: PortalContext,
  deps: PortalDeps,
): Promise<RenewEstimateResult> {
  const parsed = payloadSchema.safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const request = await loadPortalRequest(context, deps);
  const { ticket, cfg } = request;
  if (!request.managed || ticket.kind === undefined) return { outcome: 'notExpired' };
  if (!estimateExpired(ticket.kind, ticket.status ?? null, ticket.state, deps.now, cfg))
    return { outcome: 'notExpired' };
  if (request.customer.renewal)
    return { outcome: 'alreadyRequested', renewal: portalRenewal(request.customer) };

  const key = `${ticket.id}:estimateRenewal`;
  const claim = await deps.ledger.claim(key, deps.now);
  if (claim.kind !== 'claimed') {
    const state = parseCustomerState(await deps.jira.getIssueProperty(ticket.key, CUSTOMER_STATE_KEY));
    // Only a stale claim (a run that died, now owned by this one) without a recorded renewal goes on.
    if (state.renewal || claim.kind !== 'stale') {
      if (claim.kind === 'stale') await deps.ledger.complete(key, deps.now);
      return { outcome: 'alreadyRequested', renewal: portalRenewal(state) };
    }
  }
  const renewal = cfg.timers.estimate.renewal;
  const text = renderMessage(cfg, 'newEstimateRequested', cfg.defaultLanguage, {
    ticketKey: ticket.key,
    summary: ticket.summary,
  });
  let state: CustomerState;
  if (renewal.mode === 'accountManagerNote') {
    state = { ...request.customer, renewal: { at: deps.now.toISOString(), mode: renewal.mode } };
    await deps.jira.editIssue(ticket.key, {
      comment: {
        body: deps.bodies.withMentions(text, renewal.accountManagers),
        internal: true,
        occurrence: key,
      },
      properties: [{ key: CUSTOMER_STATE_KEY, value: state }],
    });
  } else {
    const raised = claim.kind === 'stale' ? await raisedBefore(deps, request, key) : undefined;
    const requestKey = raised ?? (await raiseRequest(deps, request, context.accountId, text, key));
    state = { ...request.customer, renewal: { at: deps.now.toISOString(), mode: renewal.mode, requestKey } };
    await deps.jira.setIssueProperty(ticket.key, CUSTOMER_STATE_KEY, state);
  }
  await deps.ledger.complete(key, deps.now);
  await deps.audit.append({
    at: deps.now.toISOString(),
    projectKey: ticket.projectKey,
    issueKey: ticket.key,
    issueId: ticket.id,
    action: 'newEstimateRequested',
    outcome: 'done',
    source: 'portal',
    detail: renewal.mode,
    idempotencyKey: key,
  });
  return { outcome: 'requested', renewal: portalRenewal(state) };
}

/**
 * The Request an earlier run of this occurrence raised: linked to the expired ticket (read fresh with it) with the
 * occurrence in its origin property.
 */
async function raisedBefore(
  deps: PortalDeps,
  request: PortalRequest,
  occurrence: string,
): Promise<string | undefined> {
  const linkType = request.cfg.timers.estimate.renewal.linkType;
  for (const link of request.ticket.links.filter((l) => l.typeName === linkType)) {
    const origin = await deps.jira.getIssueProperty(link.otherKey, ORIGIN_KEY);
    if (isRecord(origin) && origin.occurrence === occurrence) return link.otherKey;
  }
  return undefined;
}

/**
 * A Request in the expired ticket's project, reported by the customer who asked, shared with its organization,
 * linked to the expired ticket and marked with the occurrence, in one create.
 */
async function raiseRequest(
  deps: PortalDeps,
  request: PortalRequest,
  accountId: string,
  description: string,
  occurrence: string,
): Promise<string> {
  const { ticket, cfg, fieldIds } = request;
  const language = request.language;
  const prefix = language === 'de' ? 'Neue Aufwandsschätzung' : 'New estimate';
  return deps.jira.createIssue(
    {
      project: { key: ticket.projectKey },
      issuetype: { name: cfg.names.kinds.request },
      summary: `${prefix}: ${ticket.summary}`.slice(0, 255),
      reporter: { accountId },
      description: deps.bodies.text(description),
      ...(fieldIds.organizations && ticket.organizations.length > 0
        ? { [fieldIds.organizations]: ticket.organizations.map((o) => Number(o.id)) }
        : {}),
    },
    {
      links: [{ typeName: cfg.timers.estimate.renewal.linkType, outwardKey: ticket.key }],
      properties: [{ key: ORIGIN_KEY, value: { occurrence } }],
    },
  );
}
