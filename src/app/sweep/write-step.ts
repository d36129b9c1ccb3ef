import { textToAdf } from '../shared/adf';
import type { CommentInput, EntityProperty } from '../ports/jira';
import type { MessageRef } from '../../domain/actions';
import { hasOwnKey } from '../../domain/own-property';
import { PROCESS_STATE_KEY, type ProcessState } from '../../domain/process-state';
import { languageFor, renderMessage } from '../../domain/texts';
import type { TimerDecision } from '../../domain/timers/decide-timer';
import type { SweepContext } from './sweep-context';
import { stateBasisOf, type SweepTicket } from './sweep-ticket';

/** The workflow offers no transition to Closed from the ticket's status: nothing was written. */
export class NoCloseTransitionError extends Error {
  constructor(readonly statusId: string) {
    super(`no transition to Closed from status ${statusId}`);
    this.name = 'NoCloseTransitionError';
  }
}

type DueDecision = Extract<TimerDecision, { due: true }>;

/**
 * The customer's language: the first organization the ticket is shared with that has a configured language,
 * else the project default (PROCESS.md §1: German or English per customer).
 */
function ticketLanguage(ctx: SweepContext, ticket: SweepTicket) {
  const organization = ticket.organizations.find((o) =>
    hasOwnKey(ctx.cfg.languageByOrganization, o.name),
  )?.name;
  return languageFor(ctx.cfg, organization);
}

function comment(
  ctx: SweepContext,
  ticket: SweepTicket,
  message: MessageRef,
  occurrence: string,
): CommentInput {
  const text = renderMessage(ctx.cfg, message.messageKey, ticketLanguage(ctx, ticket), message.params);
  return { body: textToAdf(text), internal: message.visibility === 'internal', occurrence };
}

function stateProperty(state: ProcessState): EntityProperty[] {
  return [{ key: PROCESS_STATE_KEY, value: state }];
}

/**
 * Performs one due timer step as exactly one Jira write: a reminder or notice
 * is an issue edit carrying the public comment and the new state property; a close is one transition carrying
 * the resolution (only where the screen has the field), the public comment and the state property. Throws the
 * client's typed errors and {@link NoCloseTransitionError}; the caller owns the exactly-once bookkeeping.
 */
export async function writeStep(
  ctx: SweepContext,
  ticket: SweepTicket,
  decision: DueDecision,
): Promise<void> {
  const properties = stateProperty(decision.state);
  for (const action of decision.actions) {
    switch (action.type) {
      case 'comment':
        await ctx.deps.jira.editIssue(
          ticket.key,
          { comment: comment(ctx, ticket, action, decision.idempotencyKey), properties },
          // The view the step was decided from, so that the due index keeps a copy of the new state for the
          // events after it (docs/decisions/0020).
          stateBasisOf(ticket),
        );
        return;
      case 'transition': {
        const closedName = ctx.cfg.names.statuses[action.to];
        const transition = await ctx.transitions.resolve(ctx.cfg.projectKey, ticket, closedName);
        if (!transition) throw new NoCloseTransitionError(ticket.statusId);
        const resolution =
          transition.resolutionOnScreen && action.resolution
            ? { resolution: { name: action.resolution } }
            : undefined;
        await ctx.deps.jira.doTransition(ticket.key, {
          id: transition.id,
          ...(resolution ? { fields: resolution } : {}),
          ...(action.comment
            ? { comment: comment(ctx, ticket, action.comment, decision.idempotencyKey) }
            : {}),
          properties,
        });
        return;
      }
      default:
        break;
    }
  }
  // Only the state is left (the step is already recorded as done): bring the property up to date.
  await ctx.deps.jira.setIssueProperty(ticket.key, PROCESS_STATE_KEY, decision.state, stateBasisOf(ticket));
}
