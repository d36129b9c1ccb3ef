import { InvocationError, InvocationErrorCode } from '@forge/events';
import { RateLimitedError, UpstreamError } from '../app/ports/jira-errors';
import { parseProductEvent } from '../app/events/event-payload';
import { handleIssueChange } from '../app/events/handle-issue-change';
import { handleLinkChange } from '../app/events/handle-link-change';
import { eventDeps } from './deps';

/**
 * `index.onIssueEvent`: the `issue-events` trigger (created/updated/commented issue, created/deleted link).
 * Parses the payload at the boundary; a payload it does not understand changes nothing. Rate limits and
 * upstream failures ask the platform to retry the event later (`InvocationError`, at most four times).
 */
export async function onIssueEvent(payload: unknown): Promise<InvocationError | undefined> {
  const now = new Date();
  const deps = eventDeps('events', now);
  const parsed = parseProductEvent(payload);
  if (!parsed.ok) {
    deps.log.warn('events.unreadablePayload', { problem: parsed.problem });
    return undefined;
  }
  const event = parsed.event;
  try {
    const outcome =
      'linkId' in event ? await handleLinkChange(event, deps) : await handleIssueChange(event, deps, now);
    deps.log.info('events.handled', {
      event: event.kind,
      outcome: outcome.kind,
      ...(outcome.kind === 'ignored' ? { reason: outcome.reason } : { actions: outcome.actions }),
      calls: deps.stats.totalCalls,
      ...deps.stats.rateLimitHeaders(),
    });
    return undefined;
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return new InvocationError({
        retryAfter: Math.min(900, error.retryAfterSeconds),
        retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
      });
    }
    if (error instanceof UpstreamError) {
      return new InvocationError({ retryAfter: 60, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
    }
    throw error;
  }
}
