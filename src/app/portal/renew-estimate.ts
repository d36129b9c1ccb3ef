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
import type { PortalContext, PortalDeps } from './portal-deps';
import { loadPortalRequest, type PortalRequest } from './portal-request';
import { portalRenewal } from './portal-views';

const payloadSchema = z.strictObject({});

/**
 * "Request a new estimate" on a Customisation whose estimate expired (guide §3.2.3: the customer asks the
 * account manager). Configurable (`timers.estimate.renewal.mode`): a new Request linked to the expired ticket,
 * raised for the customer, or an internal note on the expired ticket mentioning the account managers. Once
 * per ticket: claimed in the ledger (ticket + `estimateRenewal`) and recorded in the customer state.
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
  if (!request.managed || ticket.kind === null) return { outcome: 'notExpired' };
  if (!estimateExpired(ticket.kind, ticket.status, ticket.state, deps.now, cfg))
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
    summary: request.summary,
  });
  let state: CustomerState;
  if (renewal.mode === 'accountManagerNote') {
    state = { ...request.customer, renewal: { at: deps.now.toISOString(), mode: renewal.mode } };
    await deps.jira.editIssue(ticket.key, {
      comment: { body: deps.bodies.withMentions(text, renewal.accountManagers), internal: true },
      properties: [{ key: CUSTOMER_STATE_KEY, value: state }],
    });
  } else {
    const requestKey = await raiseRequest(deps, request, context.accountId, text);
    await deps.links.createLink(renewal.linkType, requestKey, ticket.key);
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

/** A Request in the expired ticket's project, reported by the customer who asked, shared with its organization. */
async function raiseRequest(
  deps: PortalDeps,
  request: PortalRequest,
  accountId: string,
  description: string,
): Promise<string> {
  const { ticket, cfg, fieldIds } = request;
  const language = request.language;
  const prefix = language === 'de' ? 'Neue Aufwandsschätzung' : 'New estimate';
  return deps.jira.createIssue({
    project: { key: ticket.projectKey },
    issuetype: { name: cfg.names.kinds.request },
    summary: `${prefix}: ${request.summary}`.slice(0, 255),
    reporter: { accountId },
    description: deps.bodies.text(description),
    ...(fieldIds.organizations && request.organizationIds.length > 0
      ? { [fieldIds.organizations]: request.organizationIds.map(Number) }
      : {}),
  });
}
