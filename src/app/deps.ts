import type { CallStats, JiraGateway, LinksGateway } from './ports/jira';
import type { ActionLedger } from './shared/action-ledger';
import type { AuditLog } from './shared/audit-log';
import type { ConfigRepository } from './shared/config-repository';
import type { ParkingLot } from './shared/parking-lot';
import type { Clock, DueIndexStore, InvocationTime, KeyValueStore, Logger, WorkQueue } from './ports';

/**
 * Everything a use case may use, built once per invocation by the entry handler. `jira` acts as the app
 * (`asApp()`) in scheduled, event and queue code; resolvers also get a gateway acting as the user.
 */
export interface AppDeps {
  jira: JiraGateway;
  /** Links, security levels and who counts as the customer (participants, organization members). */
  links: LinksGateway;
  store: KeyValueStore;
  /** When each ticket's next timer step may be due; `jira` keeps it in step with every state write. */
  dueIndex: DueIndexStore;
  queue: WorkQueue;
  clock: Clock;
  /** The time the platform leaves this invocation. */
  time: InvocationTime;
  log: Logger;
  audit: AuditLog;
  ledger: ActionLedger;
  /** Items that keep failing: counted, and parked after a bound until an admin retries them. */
  parking: ParkingLot;
  config: ConfigRepository;
  stats: CallStats;
}

/** What queued work reports back; the consumer maps `retry` to a Forge `InvocationError`. */
export type WorkOutcome = { kind: 'done' } | { kind: 'retry'; afterSeconds: number; reason: string };

/** Handles one queued work item of a given `body.type`. */
export type WorkHandler = (body: Record<string, unknown>, deps: AppDeps) => Promise<WorkOutcome>;
