/**
 * The local site for the sweep's integration tests: the Jira simulator with the demo project SD, the Forge host
 * running the app's real handlers (`index.sweep`, the queue consumer) on a simulated clock, and helpers to put
 * tickets into a status at a given moment and to read what the app wrote.
 */
import { createForgeHost, type ForgeHost } from '../../sandbox/forge/host';
import { SimClock } from '../../sandbox/clock';
import { createJiraSite, type SimJiraSite } from '../../sandbox/jira/site';
import { seedDemoSite } from '../../sandbox/jira/seed/demo-site';
import type { LimitConfig } from '../../sandbox/jira/limits';
import { ORG, STATUS, USER } from '../../sandbox/jira/seed/demo-ids';
import { newIssue } from '../../sandbox/jira/model/new-issue';
import { PROCESS_STATE_KEY } from '../../src/domain/process-state';
import { indexedInstant } from '../../src/domain/timers/indexed-instant';
import type { AuditEntry } from '../../src/app/shared/audit-log';
import { CONFIG_KEY } from '../../src/app/shared/config-repository';
import * as index from '../../src/index';
import { guardRun } from './honest-run';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * Inserts `enteredAt.length` tickets of `issueType` straight into the simulator's store, each created and moved
 * into `statusId` at its entry time with a changelog entry (as a site that had them before the app was
 * installed). No REST calls, no events: for tests and benchmarks that need hundreds or thousands of tickets.
 */
export function insertTickets(
  site: SimJiraSite,
  issueTypeId: string,
  statusId: string,
  enteredAt: number[],
): string[] {
  const store = site.store;
  const project = [...store.projects.values()][0];
  if (!project) throw new Error('insertTickets needs the demo site');
  return enteredAt.map((ms, n) => {
    const created = new Date(ms - HOUR).toISOString();
    const issue = newIssue({
      id: store.nextId('issue'),
      key: `${project.key}-${project.nextIssueNumber++}`,
      projectId: project.id,
      issueTypeId,
      statusId,
      summary: `Waiting ticket ${n + 1}`,
      reporterAccountId: 'customer-acme-1',
      created,
    });
    issue.organizationIds = [ORG.acme];
    const entered = new Date(ms).toISOString();
    issue.histories.push({
      id: store.nextId('history'),
      authorAccountId: USER.agentDach,
      created: entered,
      items: [
        {
          field: 'status',
          fieldtype: 'jira',
          fieldId: 'status',
          from: STATUS.open,
          fromString: store.statuses.get(STATUS.open)?.name ?? null,
          to: statusId,
          toString: store.statuses.get(statusId)?.name ?? null,
        },
      ],
    });
    issue.updated = entered;
    store.insertIssue(issue);
    return issue.key;
  });
}

export interface SweepSite {
  site: SimJiraSite;
  host: ForgeHost;
  clock: SimClock;
  /** Stores a site configuration (as the admin page would) before the next sweep. */
  configure(input: Record<string, unknown>): Promise<void>;
  /** Creates a ticket as a customer and moves it through `statuses` (names) as an agent, at the current clock. */
  ticket(issueType: string, statuses: string[], options?: { reporter?: string }): Promise<string>;
  /** Public comments the app wrote on `key`, oldest first (plain text). */
  appComments(key: string): string[];
  /** When the app wrote its comments on `key` (epoch ms), oldest first. */
  appCommentTimes(key: string): number[];
  status(key: string): string;
  state(key: string): Record<string, unknown> | undefined;
  audit(): AuditEntry[];
  /** Advances the clock hour by hour (the host fires the hourly sweep and drains the queue on the way). */
  advance(ms: number): Promise<void>;
  /** Advances the clock to `iso` (must not be in the past), firing every hourly sweep on the way. */
  until(iso: string | Date): Promise<void>;
  /**
   * Moves the clock to `iso` without running the sweeps in between. Only for stretches where nothing is due:
   * it keeps month-long scenarios fast; boundaries are then crossed with `until`.
   */
  jump(iso: string | Date): void;
  close(): void;
}

function plainText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const n = node as { type?: string; text?: string; content?: unknown[] };
  if (n.type === 'text') return n.text ?? '';
  if (n.type === 'hardBreak') return '\n';
  const inner = (n.content ?? []).map(plainText).join('');
  return n.type === 'paragraph' ? `${inner}\n\n` : inner;
}

/** A demo site with project SD managed by the app, the clock at `start`. */
export async function startSweepSite(
  start = '2026-11-02T08:30:00Z',
  options: {
    duplicateRate?: number;
    limits?: LimitConfig;
    /** How long property writes take to reach JQL search (the site's default when absent). */
    searchIndexLagMs?: number;
  } = {},
): Promise<SweepSite> {
  // The app logs JSON lines on stdout (for `forge logs`); tests read the site instead.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const clock = new SimClock(start);
  // Jira's real limits: the clock moves with every REST call (the host's latency), so burst buckets refill.
  const site = createJiraSite({
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.searchIndexLagMs !== undefined ? { searchIndexLagMs: options.searchIndexLagMs } : {}),
  });
  seedDemoSite(site);
  const host = await createForgeHost({
    site,
    clock,
    app: index,
    timeScale: 1,
    events: { duplicateRate: options.duplicateRate ?? 0, seed: 7 },
  });
  host.install();
  guardRun(host, site);
  const agent = site.actAs(USER.agentDach);
  const store = site.store;
  const api = {
    site,
    host,
    clock,
    async configure(input: Record<string, unknown>) {
      const current = host.kvs.get('kvs', CONFIG_KEY)?.value as { version?: number } | undefined;
      const at = Date.now();
      const value = { version: (current?.version ?? 0) + 1, input, savedAt: clock.now().toISOString() };
      host.kvs.put('kvs', CONFIG_KEY, { value, createdAt: at, updatedAt: at });
    },
    async ticket(issueType: string, statuses: string[], opts: { reporter?: string } = {}) {
      const creator = site.actAs(opts.reporter ?? 'customer-acme-1');
      const key = await creator.createIssue({
        project: 'SD',
        issueType,
        summary: `${issueType} for the sweep`,
      });
      for (const status of statuses) await agent.transition(key, { status });
      // Let the issue event handler see the changes at the moment they happened.
      await host.drain();
      return key;
    },
    appComments(key: string) {
      const issue = store.issue(key);
      return (issue?.comments ?? [])
        .filter((c) => c.authorAccountId === USER.app)
        .map((c) => plainText(c.body).trim());
    },
    appCommentTimes(key: string) {
      const issue = store.issue(key);
      return (issue?.comments ?? [])
        .filter((c) => c.authorAccountId === USER.app)
        .map((c) => Date.parse(c.created));
    },
    status(key: string) {
      const issue = store.issue(key);
      return issue ? (store.statuses.get(issue.statusId)?.name ?? issue.statusId) : 'missing';
    },
    state(key: string) {
      return store.issue(key)?.properties[PROCESS_STATE_KEY] as Record<string, unknown> | undefined;
    },
    audit() {
      return host.kvs
        .keys('kvs')
        .filter((k) => k.startsWith('audit:i:'))
        .map((k) => host.kvs.get('kvs', k)?.value as AuditEntry);
    },
    advance: (ms: number) => host.advance(ms),
    until: (iso: string | Date) => host.advance(new Date(iso).getTime() - Date.now()),
    jump: (iso: string | Date) => clock.set(new Date(iso)),
    close() {
      host.uninstall();
      clock.uninstall();
      jest.restoreAllMocks();
      const failures = host.takeHostFailures();
      if (failures.length > 0) throw new Error(`host failures: ${failures.map(String).join('; ')}`);
    },
  };
  await api.configure({ projects: ['SD'] });
  return api;
}

/**
 * The state a customer reply in a timer status leaves: the timer restarts from the comment (new cycle, nothing
 * done yet). The event handler writes it; for a reply whose event the test did not deliver, it is written here.
 */
export async function resetByCustomerReply(s: SweepSite, key: string, at: Date): Promise<void> {
  await s.host.drain();
  const state = s.state(key);
  if (!state) throw new Error(`${key} has no process state`);
  const lastReset = state.lastReset as { at?: string; reason?: string } | undefined;
  // The event handler already restarted the timer for this reply.
  if (lastReset?.reason === 'customerComment' && lastReset.at === at.toISOString()) return;
  const cycle = Number(state.cycle) + 1;
  const interval = 10 * DAY;
  await s.site.actAs({ kind: 'app' }).setProperty(key, PROCESS_STATE_KEY, {
    ...state,
    cycle,
    cycleStartedAt: at.toISOString(),
    stepsDone: 0,
    nextDueAt: indexedInstant(new Date(at.getTime() + interval)),
    lastReset: { at: at.toISOString(), reason: 'customerComment' },
    updatedAt: at.toISOString(),
  });
}
