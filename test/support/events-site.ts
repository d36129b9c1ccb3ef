/**
 * The local site for the issue-event rules' integration tests: the Jira simulator with the demo
 * project SD, the Forge host running the app's REAL exports of `src/index.ts` (the `issue-events` trigger with
 * `ignoreSelf`, the `process-work` queue consumer) on a simulated clock, and helpers to act as people on the site
 * and to read what the app wrote. Nothing of `@forge/*` is mocked.
 */
import { createForgeHost, type ForgeHost } from '../../sandbox/forge/host';
import { SimClock } from '../../sandbox/clock';
import type { ActAs } from '../../sandbox/jira/act-as';
import { createJiraSite, type SimJiraSite } from '../../sandbox/jira/site';
import type { LimitConfig } from '../../sandbox/jira/limits';
import { seedDemoSite } from '../../sandbox/jira/seed/demo-site';
import { FIELD, STATUS, USER } from '../../sandbox/jira/seed/demo-ids';
import * as app from '../../src/index';
import { PROCESS_STATE_KEY } from '../../src/domain/process-state';
import type { AuditEntry } from '../../src/app/shared/audit-log';
import { CONFIG_KEY } from '../../src/app/shared/config-repository';
import { DEMO_APP_CONFIG } from '../../sandbox/jira/seed/demo-config';
import { guardRun } from './honest-run';

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A Saturday morning on the demo site: outside every region's working hours. */
export const SATURDAY = '2026-11-28T10:00:00Z';
/** The fields that make a fault severe enough for on-call: production affected and unreachable. */
export const SEVERE_FIELDS = {
  [FIELD.affectedSystem]: { value: 'Production' },
  [FIELD.systemReachable]: { value: 'No' },
};
/** The JSM Operations team on-call alerts are routed to in the tests. */
export const ON_CALL_TEAM_ID = '4513b7ea-3b91-438f-b7e4-e3e54af9147c';

/** The configuration an admin of the demo site would save (regions and organizations of the seed). */
export const DEMO_CONFIG = DEMO_APP_CONFIG;

/** One comment as the site stores it, flattened for assertions. */
interface SeenComment {
  readonly author: string;
  readonly internal: boolean;
  readonly text: string;
}

/** REST calls and rate-limit points the app spent, per handler. */
interface Spent {
  readonly calls: number;
  readonly points: number;
  readonly byOperation: Record<string, number>;
  /** Invocations of the `issue-events` trigger and of the queue consumer. */
  readonly events: number;
  readonly work: number;
}

export interface EventsSite {
  readonly site: SimJiraSite;
  readonly host: ForgeHost;
  readonly clock: SimClock;
  /** Anna (DACH agent, profile language German). */
  readonly agent: ActAs;
  /** Oliver (UK agent, profile language English). */
  readonly agentUk: ActAs;
  as(accountId: string): ActAs;
  /** Replaces the stored site configuration (as the admin page would save it). */
  configure(input: Record<string, unknown>): void;
  /** Delivers every pending product event and queue item (advancing the clock to queue delays). */
  settle(): Promise<void>;
  /** Runs `act`, then settles, and reports what the APP spent on the events `act` caused. */
  measure(act: () => Promise<unknown>): Promise<Spent>;
  status(key: string): string;
  /** Epoch ms at which the site recorded the last status change of `key` (its changelog time). */
  statusChangedAt(key: string): number;
  typeName(key: string): string;
  state(key: string): Record<string, unknown> | undefined;
  comments(key: string): SeenComment[];
  appComments(key: string): SeenComment[];
  field(key: string, fieldId: string): unknown;
  securityLevel(key: string): string | undefined;
  /** Keys of the issues `key` ships (outward Delivery links). */
  shipped(key: string): string[];
  audit(): AuditEntry[];
  failedInvocations(): string[];
  /** The app's log lines (JSON) so far, info and warnings. */
  logs(): string[];
  close(): void;
}

/** Plain text of an ADF node (paragraphs separated by blank lines). */
export function plainText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const n = node as { type?: string; text?: string; content?: unknown[] };
  if (n.type === 'text') return n.text ?? '';
  if (n.type === 'hardBreak') return '\n';
  const inner = (n.content ?? []).map(plainText).join('');
  return n.type === 'paragraph' ? `${inner}\n\n` : inner;
}

/** A demo site whose project SD the app manages, the clock at `start` (a working Monday by default). */
export async function startEventsSite(
  start = '2026-11-30T09:00:00Z',
  options: {
    duplicateRate?: number;
    reorder?: boolean;
    /** Deliveries of one batch (duplicates included) run at the same time, not one after the other. */
    concurrent?: boolean;
    seed?: number;
    config?: Record<string, unknown>;
    limits?: LimitConfig;
    /** The app's workflow validators and conditions added to every transition (company-managed workflows). */
    workflowRules?: boolean;
    /** Comment events carry `jsdPublic` (undocumented for Forge events; left out by default). */
    commentEventVisibility?: 'absent' | 'jsdPublic';
  } = {},
): Promise<EventsSite> {
  // The app logs JSON lines on stdout (for `forge logs`); tests read the site instead.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const clock = new SimClock(start);
  const site = createJiraSite({
    ...(options.limits ? { limits: options.limits } : {}),
    attachWorkflowRules: options.workflowRules ?? false,
    ...(options.commentEventVisibility ? { commentEventVisibility: options.commentEventVisibility } : {}),
  });
  seedDemoSite(site);
  const host = await createForgeHost({
    site,
    clock,
    app,
    timeScale: 1,
    events: {
      duplicateRate: options.duplicateRate ?? 0,
      reorder: options.reorder ?? false,
      concurrent: options.concurrent ?? false,
      seed: options.seed ?? 7,
    },
  });
  host.install();
  guardRun(host, site);
  const store = site.store;
  const issue = (key: string) => {
    const found = store.issue(key);
    if (!found) throw new Error(`no issue ${key}`);
    return found;
  };
  const comments = (key: string): SeenComment[] =>
    issue(key).comments.map((c) => ({
      author: c.authorAccountId,
      internal: !c.jsdPublic,
      text: plainText(c.body).trim(),
    }));
  const settle = () => host.drain({ advanceClock: true });
  const api: EventsSite = {
    site,
    host,
    clock,
    agent: site.actAs(USER.agentDach),
    agentUk: site.actAs(USER.agentUk),
    as: (accountId) => site.actAs(accountId),
    configure(input) {
      const current = host.kvs.get('kvs', CONFIG_KEY)?.value as { version?: number } | undefined;
      const at = Date.now();
      const value = { version: (current?.version ?? 0) + 1, input, savedAt: clock.now().toISOString() };
      host.kvs.put('kvs', CONFIG_KEY, { value, createdAt: at, updatedAt: at });
    },
    settle,
    async measure(act) {
      // Product events are delivered after the causing call returns, so resetting here counts the app only.
      await act();
      site.metrics.reset();
      const first = host.invocations.length;
      await settle();
      const ran = host.invocations.slice(first);
      // The app's own calls, as the host recorded them per invocation (points from the `x-sim-points` header).
      const calls = ran.flatMap((r) => r.requests);
      return {
        calls: calls.length,
        points: calls.reduce((sum, c) => sum + (c.points ?? 0), 0),
        byOperation: Object.fromEntries(
          Object.entries(site.metrics.all()).map(([op, m]) => [op, m.requests]),
        ),
        events: ran.filter((r) => r.moduleKey === 'issue-events').length,
        work: ran.filter((r) => r.moduleKey === 'work-consumer').length,
      };
    },
    status: (key) => store.statuses.get(issue(key).statusId)?.name ?? issue(key).statusId,
    statusChangedAt(key) {
      const changes = issue(key).histories.filter((h) => h.items.some((i) => i.fieldId === 'status'));
      const last = changes[changes.length - 1];
      if (!last) throw new Error(`${key} never changed status`);
      return Date.parse(last.created);
    },
    typeName: (key) => store.issueTypes.get(issue(key).issueTypeId)?.name ?? '',
    state: (key) => issue(key).properties[PROCESS_STATE_KEY] as Record<string, unknown> | undefined,
    comments,
    appComments: (key) => comments(key).filter((c) => c.author === USER.app),
    field: (key, fieldId) => issue(key).custom[fieldId],
    securityLevel(key) {
      const id = issue(key).securityLevelId;
      return id === null ? undefined : store.securityLevels.get(id)?.name;
    },
    shipped(key) {
      const id = issue(key).id;
      return store
        .linksOf(id)
        .filter((l) => l.sourceIssueId === id)
        .map((l) => store.issue(l.destinationIssueId)?.key ?? l.destinationIssueId)
        .sort();
    },
    audit: () =>
      host.kvs
        .keys('kvs')
        .filter((k) => k.startsWith('audit:i:'))
        .map((k) => host.kvs.get('kvs', k)?.value as AuditEntry),
    failedInvocations: () =>
      host.invocations
        .filter((r) => r.outcome !== 'ok')
        .map((r) => `${r.moduleKey}: ${r.error ?? r.outcome}`),
    logs: () =>
      [console.log, console.warn].flatMap((fn) => (fn as jest.Mock).mock.calls.map((c) => String(c[0]))),
    close() {
      host.uninstall();
      clock.uninstall();
      jest.restoreAllMocks();
      const failures = host.takeHostFailures();
      if (failures.length > 0) throw new Error(`host failures: ${failures.map(String).join('; ')}`);
    },
  };
  api.configure(options.config ?? DEMO_CONFIG);
  return api;
}

/** Status ids of the demo site, re-exported for the tests. */
export { STATUS, USER };

/**
 * A fresh events site for every test of the calling `describe`, closed after it; a test fails when any
 * invocation of the app failed. Returns a getter: `const site = useEventsSite(); … site().settle()`.
 */
export function useEventsSite(...args: Parameters<typeof startEventsSite>): () => EventsSite {
  let current: EventsSite | undefined;
  beforeEach(async () => {
    current = await startEventsSite(...args);
  });
  afterEach(() => {
    const site = current;
    current = undefined;
    if (!site) return;
    const failed = site.failedInvocations();
    site.close();
    expect(failed).toEqual([]);
  });
  return () => {
    if (!current) throw new Error('useEventsSite: the site exists only inside a test');
    return current;
  };
}
