import api from '@forge/api';
import { forgeDueIndex } from '../adapters/forge-due-index';
import { forgeInvocationTime } from '../adapters/invocation-time';
import { forgeKvsStore } from '../adapters/forge-kvs-store';
import { forgeWorkQueue } from '../adapters/forge-work-queue';
import { CallStats } from '../adapters/jira/call-stats';
import type { CallStats as CallStatsPort } from '../app/ports/jira';
import { JiraClient } from '../adapters/jira/jira-client';
import { JiraGateway } from '../adapters/jira/jira-gateway';
import { LinksGateway } from '../adapters/jira/links-gateway';
import { RulesGateway } from '../adapters/jira/rules-gateway';
import { currentInstallation, processRateLimitGate } from '../adapters/jira/rate-limit-gate';
import { kvsQuotaHold } from '../adapters/jira/persisted-quota-hold';
import { forgeOnCallPager } from '../adapters/on-call';
import { consoleLogger } from '../adapters/logger';
import { systemClock } from '../adapters/system-clock';
import type { AppDeps } from '../app/deps';
import type { EventDeps } from '../app/events/event-deps';
import { ActionLedger } from '../app/shared/action-ledger';
import { AuditLog } from '../app/shared/audit-log';
import { ConfigRepository } from '../app/shared/config-repository';
import { portalCopiedJira } from '../app/shared/portal-copied-jira';
import { dueIndexedJira } from '../app/shared/due-indexed-jira';
import { ParkingLot } from '../app/shared/parking-lot';

/**
 * Every client of this process shares the rate-limit holds of the installation it calls for; a quota pause is
 * also kept in the installation's storage, so that it holds in the next invocation whichever process runs it.
 */
export const gate = {
  holds: processRateLimitGate,
  installation: currentInstallation,
  persisted: kvsQuotaHold(forgeKvsStore),
};

/**
 * The dependency bundle for one invocation of scheduled, event or queue code: Jira as the app (`asApp()`),
 * Forge KVS, the Forge queue, the system clock.
 */
export function appDeps(scope: string): AppDeps {
  return buildDeps(scope, new JiraClient({ request: (r, init) => api.asApp().requestJira(r, init), gate }));
}

/**
 * The bundle of the event rules and of queued work: the app bundle plus link/JSM operations and the on-call
 * pager, with the clock fixed at the moment the invocation started.
 */
export function eventDeps(scope: string, now: Date): EventDeps {
  const client = new JiraClient({ request: (r, init) => api.asApp().requestJira(r, init), gate });
  return {
    ...buildDeps(scope, client),
    clock: { now: () => now },
    pager: forgeOnCallPager(),
    rules: new RulesGateway(client),
  };
}

function buildDeps(scope: string, client: JiraClient): AppDeps {
  return {
    jira: portalCopiedJira(
      dueIndexedJira(new JiraGateway(client), forgeDueIndex, systemClock),
      forgeKvsStore,
    ),
    links: new LinksGateway(client),
    store: forgeKvsStore,
    dueIndex: forgeDueIndex,
    queue: forgeWorkQueue(),
    clock: systemClock,
    time: forgeInvocationTime(systemClock),
    log: consoleLogger(scope),
    audit: new AuditLog(forgeKvsStore),
    ledger: new ActionLedger(forgeKvsStore),
    parking: new ParkingLot(forgeKvsStore),
    config: new ConfigRepository(forgeKvsStore),
    stats: client.stats,
  };
}

/** The rules publisher and platform probe acting as the app (`asApp()`). */
export function appRulesGateway(stats = new CallStats()): RulesGateway {
  return new RulesGateway(new JiraClient({ request: (r, init) => api.asApp().requestJira(r, init), stats }));
}

/** A gateway acting as the user who opened the panel or admin page (`asUser()`): Jira enforces what they may see. */
export function userGateway(stats: CallStatsPort = new CallStats(), accountId?: string): JiraGateway {
  return new JiraGateway(
    new JiraClient({ request: (r, init) => api.asUser().requestJira(r, init), stats, gate }),
    accountId === undefined ? undefined : { installation: currentInstallation(), accountId },
  );
}
