import api, { getAppContext } from '@forge/api';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { JiraClient } from '../adapters/jira/jira-client';
import { JiraGateway } from '../adapters/jira/jira-gateway';
import { LinksGateway } from '../adapters/jira/links-gateway';
import { RateLimitedError, UpstreamError } from '../adapters/jira/errors';
import { forgeKvsStore } from '../adapters/forge-kvs-store';
import { forgeWorkQueue } from '../adapters/forge-work-queue';
import { consoleLogger } from '../adapters/logger';
import { forgeOnCallPager } from '../adapters/on-call';
import { ActionLedger } from '../app/shared/action-ledger';
import { AuditLog } from '../app/shared/audit-log';
import { ConfigRepository } from '../app/shared/config-repository';
import type { EventDeps } from '../app/events/event-deps';
import { parseProductEvent } from '../app/events/event-payload';
import { handleIssueChange } from '../app/events/handle-issue-change';
import { handleLinkChange } from '../app/events/handle-link-change';

/** Builds the event rules' dependencies acting as the app (`asApp()`); the clock is read once per invocation. */
export function buildEventDeps(now: Date): EventDeps {
  const client = new JiraClient({ request: (r, init) => api.asApp().requestJira(r, init) });
  const store = forgeKvsStore;
  let cloudId: string | undefined;
  try {
    cloudId = (getAppContext() as { cloudId?: string }).cloudId;
  } catch {
    cloudId = undefined;
  }
  return {
    jira: new JiraGateway(client),
    links: new LinksGateway(client),
    pager: forgeOnCallPager(cloudId),
    store,
    queue: forgeWorkQueue(),
    clock: { now: () => now },
    log: consoleLogger('events'),
    audit: new AuditLog(store),
    ledger: new ActionLedger(store),
    config: new ConfigRepository(store),
    stats: client.stats,
  };
}

/**
 * `index.onIssueEvent`: the `issue-events` trigger (created/updated/commented issue, created/deleted link).
 * Parses the payload at the boundary; a payload it does not understand changes nothing. Rate limits and
 * upstream failures ask the platform to retry the event later (`InvocationError`, at most four times).
 */
export async function onIssueEvent(payload: unknown): Promise<InvocationError | undefined> {
  const now = new Date();
  const deps = buildEventDeps(now);
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
