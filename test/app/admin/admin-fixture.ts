import { CallStats } from '../../../src/adapters/jira/call-stats';
import { LinksGateway } from '../../../src/adapters/jira/links-gateway';
import type { AdminDeps } from '../../../src/app/admin/admin-access';
import type { AppDeps } from '../../../src/app/deps';
import { ParkingLot } from '../../../src/app/shared/parking-lot';
import { ActionLedger } from '../../../src/app/shared/action-ledger';
import { AuditLog } from '../../../src/app/shared/audit-log';
import { ConfigRepository } from '../../../src/app/shared/config-repository';
import { MemoryDueIndex, MemoryStore } from '../../support/memory-store';
import { fakeJira } from '../panel/fake-jira';

const NOW = new Date('2026-11-27T09:00:00.000Z');

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Admin use-case dependencies over an in-memory store and a canned Jira; `admin` decides ADMINISTER. */
export function adminDeps(options: { admin?: boolean; table?: Parameters<typeof fakeJira>[0] } = {}) {
  const store = new MemoryStore();
  const jira = fakeJira([
    [
      'GET',
      /^\/rest\/api\/3\/mypermissions\?permissions=ADMINISTER$/,
      { status: 200, body: { permissions: { ADMINISTER: { havePermission: options.admin ?? true } } } },
    ],
    ...(options.table ?? []),
  ]);
  const app: AppDeps = {
    jira: jira.gateway,
    links: new LinksGateway(jira.client),
    store,
    dueIndex: new MemoryDueIndex(),
    queue: { push: async () => undefined },
    clock: { now: () => NOW },
    time: { remainingMs: () => 25_000 },
    log: silent,
    audit: new AuditLog(store),
    ledger: new ActionLedger(store),
    parking: new ParkingLot(store),
    config: new ConfigRepository(store),
    stats: new CallStats(),
  };
  const deps: AdminDeps = { app, user: jira.gateway, userMeta: jira.meta, now: NOW };
  /** A fresh repository, as the next invocation would see the store (the repository caches per invocation). */
  const fresh = (): AdminDeps => ({ ...deps, app: { ...app, config: new ConfigRepository(store) } });
  return { deps, fresh, store, jira };
}

export const SERVICE_DESKS: Parameters<typeof fakeJira>[0][number] = [
  'GET',
  /^\/rest\/servicedeskapi\/servicedesk/,
  {
    status: 200,
    body: { values: [{ id: '1', projectId: '10000', projectKey: 'SUP', projectName: 'Support' }] },
  },
];
