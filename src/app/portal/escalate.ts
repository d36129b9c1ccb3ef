import { z } from 'zod';
import type { EscalateResult } from '../../contract/portal-view';
import {
  CUSTOMER_STATE_KEY,
  parseCustomerState,
  type CustomerState,
} from '../../domain/service/customer-state';
import { ESCALATION_REASONS, ESCALATION_REASON_KEYS, type LadderStep } from '../../domain/service/escalation';
import {
  decideEscalation,
  escalationKey,
  withReplied,
  type EscalationDecision,
} from '../../domain/service/escalation-decision';
import { renderMessage } from '../../domain/texts/render-message';
import { InvalidPayloadError, issueLines } from '../admin/invalid-payload-error';
import type { PortalContext, PortalDeps } from './portal-deps';
import { loadPortalRequest, type PortalRequest } from './portal-request';
import { portalEscalation } from './portal-views';

const payloadSchema = z.strictObject({
  targetLevel: z.int().min(1).max(5),
  reason: z.enum(ESCALATION_REASON_KEYS as [string, ...string[]]),
  text: z.string().trim().min(1).max(1000),
});

type Payload = z.output<typeof payloadSchema> & { reason: (typeof ESCALATION_REASON_KEYS)[number] };

/**
 * "Escalate" in the portal (guide §4, PROCESS.md §9): raises the request ONE level on the configured ladder.
 * The target level the customer saw names the occurrence: the idempotency key is ticket + level, claimed in the
 * ledger before the first write, so duplicate clicks and retried calls escalate exactly once.
 *
 * Two writes, each carrying the customer state in the same call: the internal note mentioning the level's
 * people (with the new level), then the public reply naming who now looks after the request (marked replied).
 * A run that died between them is finished by the next click or retry, which finds the level recorded but
 * not replied.
 */
export async function escalate(
  payload: unknown,
  context: PortalContext,
  deps: PortalDeps,
): Promise<EscalateResult> {
  const parsed = payloadSchema.safeParse(payload ?? {});
  if (!parsed.success) throw new InvalidPayloadError(issueLines(parsed.error.issues));
  const input = parsed.data as Payload;
  const request = await loadPortalRequest(context, deps);
  if (!request.managed || request.ticket.kind === undefined)
    throw new InvalidPayloadError(['request: the app does not manage this request']);
  const decide = (state: CustomerState) =>
    decideEscalation(
      state,
      {
        targetLevel: input.targetLevel,
        reason: input.reason,
        group: request.group,
        by: context.accountId,
        closed: request.ticket.status === 'closed',
        now: deps.now,
      },
      request.cfg,
    );
  const view = (state: CustomerState) =>
    portalEscalation(
      state,
      request.ticket.status === 'closed',
      request.cfg,
      request.group,
      request.language,
      deps.now,
    );

  const decision = decide(request.customer);
  if (decision.kind !== 'escalate' && decision.kind !== 'reply')
    return settled(decision, request.customer, view);
  if (request.cfg.automation.dryRun) {
    await audit(deps, request, input, 'dryRun');
    return { outcome: 'refused', reason: 'dryRun', escalation: view(request.customer) };
  }

  const key = escalationKey(request.ticket.id, input.targetLevel);
  const claim = await deps.ledger.claim(key, deps.now);
  if (claim.kind === 'inProgress') return { outcome: 'inProgress', escalation: view(request.customer) };
  let state = request.customer;
  let current: EscalationDecision = decision;
  if (claim.kind === 'done' || claim.kind === 'stale') {
    // Another run got here (done), or died and this run now owns its claim (stale): re-read the property
    // (strongly consistent) to learn how far it came.
    state = parseCustomerState(await deps.jira.getIssueProperty(request.ticket.key, CUSTOMER_STATE_KEY));
    current = decide(state);
    if (claim.kind === 'done' || (current.kind !== 'escalate' && current.kind !== 'reply')) {
      if (claim.kind === 'stale') await deps.ledger.complete(key, deps.now);
      return settled(current, state, view);
    }
  }

  if (current.kind === 'escalate') {
    await deps.jira.editIssue(request.ticket.key, {
      comment: {
        body: internalNote(deps, request, current.step, input),
        internal: true,
        occurrence: `${key}:note`,
      },
      properties: [{ key: CUSTOMER_STATE_KEY, value: current.state }],
    });
    state = current.state;
  }
  const replied = withReplied(state, current.step.level, deps.now);
  await deps.jira.editIssue(request.ticket.key, {
    comment: {
      body: deps.bodies.text(await publicReply(deps, request, current.step)),
      internal: false,
      occurrence: `${key}:reply`,
    },
    properties: [{ key: CUSTOMER_STATE_KEY, value: replied }],
  });
  await deps.ledger.complete(key, deps.now);
  await audit(deps, request, input, 'done', key);
  return { outcome: 'escalated', escalation: view(replied) };
}

function settled(
  decision: EscalationDecision,
  state: CustomerState,
  view: (state: CustomerState) => EscalateResult['escalation'],
): EscalateResult {
  switch (decision.kind) {
    case 'alreadyDone':
      return { outcome: 'alreadyDone', escalation: view(state) };
    case 'notNext':
    case 'tooEarly':
    case 'topReached':
    case 'closed':
      return { outcome: 'refused', reason: decision.kind, escalation: view(state) };
    default:
      return { outcome: 'inProgress', escalation: view(state) };
  }
}

/** Display names of the level's people, looked up as the app; unknown accounts are left out. */
async function contactNames(deps: PortalDeps, step: LadderStep): Promise<string[]> {
  const names = await Promise.all(step.people.map((id) => deps.meta.getUserDisplayName(id)));
  return names.filter((name): name is string => name !== undefined);
}

/** The internal note to the level's people, in the site's language; it quotes the customer's own words. */
function internalNote(deps: PortalDeps, request: PortalRequest, step: LadderStep, input: Payload) {
  const language = request.cfg.defaultLanguage;
  const text = renderMessage(request.cfg, 'escalationNote', language, {
    ticketKey: request.ticket.key,
    level: step.level,
    levelName: step.label[language],
    reason: ESCALATION_REASONS[input.reason][language],
    customerText: input.text,
  });
  return deps.bodies.withMentions(text, step.people);
}

/** The public reply naming who now looks after the request, in the customer's language. */
async function publicReply(deps: PortalDeps, request: PortalRequest, step: LadderStep): Promise<string> {
  const language = request.language;
  const names = await contactNames(deps, step);
  return renderMessage(request.cfg, 'escalationReply', language, {
    ticketKey: request.ticket.key,
    level: step.level,
    levelName: step.label[language],
    contacts: names.length > 0 ? names.join(', ') : step.label[language],
  });
}

async function audit(
  deps: PortalDeps,
  request: PortalRequest,
  input: Payload,
  outcome: 'done' | 'dryRun',
  idempotencyKey?: string,
): Promise<void> {
  await deps.audit.append({
    at: deps.now.toISOString(),
    projectKey: request.ticket.projectKey,
    issueKey: request.ticket.key,
    issueId: request.ticket.id,
    action: 'escalated',
    outcome,
    source: 'portal',
    detail: `level${input.targetLevel}:${input.reason}:${request.group}`,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
}
