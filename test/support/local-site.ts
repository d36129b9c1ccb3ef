/**
 * The one local site of the integration tests: the Jira simulator with the demo project SD, the Forge host running
 * the app's REAL exports of `src/index.ts` (the hourly sweep, the `issue-events` trigger with `ignoreSelf`, the
 * `process-work` queue consumer) on a simulated clock, and helpers to act as people on the site and to read what
 * the app wrote. Nothing of `@forge/*` is mocked. Two presets start it the way the event-rule tests
 * (`startEventsSite`: a working Monday, the demo site's saved settings) and the sweep tests (`startSweepSite`: only
 * project SD managed) need it; both return the same `LocalSite`.
 */
import type { SiteRequest } from '../../sandbox/contract';
import { createForgeHost, type ForgeHost } from '../../sandbox/forge/host';
import type { RunningTime } from '../../sandbox/forge/running-time';
import { SimClock } from '../../sandbox/clock';
import type { ActAs } from '../../sandbox/jira/act-as';
import { createJiraSite, type SimJiraSite } from '../../sandbox/jira/site';
import type { LimitConfig } from '../../sandbox/jira/limits';
import { seedDemoSite } from '../../sandbox/jira/seed/demo-site';
import { FIELD, ORG, STATUS, USER } from '../../sandbox/jira/seed/demo-ids';
import { DEMO_APP_CONFIG } from '../../sandbox/jira/seed/demo-config';
import { newIssue } from '../../sandbox/jira/model/new-issue';
import * as app from '../../src/index';
import { PROCESS_STATE_KEY } from '../../src/domain/process-state';
import { indexedInstant } from '../../src/domain/timers/indexed-instant';
import type { AuditEntry } from '../../src/app/shared/audit-log';
import { CONFIG_KEY } from '../../src/app/shared/config-repository';
import { coldProcess } from './cold-process';
import { guardRun } from './honest-run';
import { invokeThroughPage } from '../../sandbox/forge/page-view';

export const HOUR = 3_600_000;
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

/** Status ids and people of the demo site. */
export { STATUS, USER };

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

export interface LocalSite {
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
  /** Creates a ticket as a customer and moves it through `statuses` (names) as an agent, at the current clock. */
  ticket(issueType: string, statuses: string[], options?: { reporter?: string }): Promise<string>;
  /** Delivers every pending product event and queue item (advancing the clock to queue delays). */
  settle(): Promise<void>;
  /** Runs `act`, then settles, and reports what the APP spent on the events `act` caused. */
  measure(act: () => Promise<unknown>): Promise<Spent>;
  /** Advances the clock hour by hour (the host fires the hourly sweep and drains the queue on the way). */
  advance(ms: number): Promise<void>;
  /** Advances the clock to `iso` (must not be in the past), firing every hourly sweep on the way. */
  until(iso: string | Date): Promise<void>;
  /**
   * Moves the clock to `iso` without running the sweeps in between. Only for stretches where nothing is due:
   * it keeps month-long scenarios fast; boundaries are then crossed with `until`.
   */
  jump(iso: string | Date): void;
  /** The status name of `key` (`missing` for an issue that does not exist). */
  status(key: string): string;
  /** Epoch ms at which the site recorded the last status change of `key` (its changelog time). */
  statusChangedAt(key: string): number;
  typeName(key: string): string;
  state(key: string): Record<string, unknown> | undefined;
  comments(key: string): SeenComment[];
  appComments(key: string): SeenComment[];
  /** Plain text of the comments the app wrote on `key`, oldest first. */
  appCommentTexts(key: string): string[];
  /** When the app wrote its comments on `key` (epoch ms), oldest first. */
  appCommentTimes(key: string): number[];
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

interface LocalSiteOptions {
  /** The stored site configuration (as an admin would save it). */
  config?: Record<string, unknown>;
  duplicateRate?: number;
  reorder?: boolean;
  /** Duplicates of a product event or queue event run at the same time as the original, not one after the other. */
  concurrent?: boolean;
  seed?: number;
  limits?: LimitConfig;
  /** How long property writes take to reach JQL search (the site's default when absent). */
  searchIndexLagMs?: number;
  /** How long field changes take to reach JQL search (the site's default when absent). */
  searchFieldLagMs?: number;
  /** The app's workflow validators and conditions added to every transition (company-managed workflows). */
  workflowRules?: boolean;
  /** Comment events carry `jsdPublic` (undocumented for Forge events; left out by default). */
  commentEventVisibility?: 'absent' | 'jsdPublic';
  /** Update events carry `changelog.id` (Jira sends it; the Forge event reference documents only the items). */
  changelogIdInEvents?: 'present' | 'absent';
  /** Simulated time each Jira REST call takes (the host's default when absent). */
  restLatencyMs?: number;
  /** How invocations' running time is measured against their limits (real time when absent). */
  runningTime?: RunningTime;
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

/** The demo site with the app installed, the clock at `start`, the configuration `options.config` stored. */
async function startLocalSite(start: string, options: LocalSiteOptions): Promise<LocalSite> {
  // The app logs JSON lines on stdout (for `forge logs`); tests read the site instead.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const clock = new SimClock(start);
  // Jira's real limits: the clock moves with every REST call (the host's latency), so burst buckets refill.
  const site = createJiraSite({
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.searchIndexLagMs !== undefined ? { searchIndexLagMs: options.searchIndexLagMs } : {}),
    ...(options.searchFieldLagMs !== undefined ? { searchFieldLagMs: options.searchFieldLagMs } : {}),
    attachWorkflowRules: options.workflowRules ?? false,
    ...(options.commentEventVisibility ? { commentEventVisibility: options.commentEventVisibility } : {}),
    ...(options.changelogIdInEvents ? { changelogIdInEvents: options.changelogIdInEvents } : {}),
  });
  seedDemoSite(site);
  coldProcess();
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
    ...(options.restLatencyMs !== undefined ? { restLatencyMs: options.restLatencyMs } : {}),
    ...(options.runningTime ? { runningTime: options.runningTime } : {}),
  });
  host.install();
  guardRun(host, site);
  const api = siteApi(site, host, clock);
  api.configure(options.config ?? DEMO_CONFIG);
  return api;
}

function siteApi(site: SimJiraSite, host: ForgeHost, clock: SimClock): LocalSite {
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
  const appComments = (key: string) => issue(key).comments.filter((c) => c.authorAccountId === USER.app);
  const settle = () => host.drain({ advanceClock: true });
  return {
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
    async ticket(issueType, statuses, opts = {}) {
      const key = await site.actAs(opts.reporter ?? 'customer-acme-1').createIssue({
        project: 'SD',
        issueType,
        summary: `${issueType} for the sweep`,
      });
      const agent = site.actAs(USER.agentDach);
      for (const status of statuses) await agent.transition(key, { status });
      // Let the issue event handler see the changes at the moment they happened.
      await host.drain();
      return key;
    },
    settle,
    measure: (act) => measure(site, host, act, settle),
    advance: (ms) => host.advance(ms),
    until: (iso) => host.advance(new Date(iso).getTime() - Date.now()),
    jump: (iso) => clock.set(new Date(iso)),
    status(key) {
      const found = store.issue(key);
      return found ? (store.statuses.get(found.statusId)?.name ?? found.statusId) : 'missing';
    },
    statusChangedAt(key) {
      const changes = issue(key).histories.filter((h) => h.items.some((i) => i.fieldId === 'status'));
      const last = changes[changes.length - 1];
      if (!last) throw new Error(`${key} never changed status`);
      return Date.parse(last.created);
    },
    typeName: (key) => store.issueTypes.get(issue(key).issueTypeId)?.name ?? '',
    state: (key) => store.issue(key)?.properties[PROCESS_STATE_KEY] as Record<string, unknown> | undefined,
    comments,
    appComments: (key) => comments(key).filter((c) => c.author === USER.app),
    appCommentTexts: (key) => appComments(key).map((c) => plainText(c.body).trim()),
    appCommentTimes: (key) => appComments(key).map((c) => Date.parse(c.created)),
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
}

async function measure(
  site: SimJiraSite,
  host: ForgeHost,
  act: () => Promise<unknown>,
  settle: () => Promise<void>,
): Promise<Spent> {
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
    byOperation: Object.fromEntries(Object.entries(site.metrics.all()).map(([op, m]) => [op, m.requests])),
    events: ran.filter((r) => r.moduleKey === 'issue-events').length,
    work: ran.filter((r) => r.moduleKey === 'work-consumer').length,
  };
}

/** The demo site as the event-rule tests use it: a working Monday, the demo site's saved settings. */
export function startEventsSite(
  start = '2026-11-30T09:00:00Z',
  options: LocalSiteOptions = {},
): Promise<LocalSite> {
  return startLocalSite(start, options);
}

/** The demo site as the sweep tests use it: a Monday morning, only project SD managed, nothing else configured. */
export function startSweepSite(
  start = '2026-11-02T08:30:00Z',
  options: Omit<LocalSiteOptions, 'config'> = {},
): Promise<LocalSite> {
  return startLocalSite(start, { ...options, config: { projects: ['SD'] } });
}

/**
 * A fresh events site for every test of the calling `describe`, closed after it; a test fails when any
 * invocation of the app failed. Returns a getter: `const site = useEventsSite(); … site().settle()`.
 */
export function useEventsSite(...args: Parameters<typeof startEventsSite>): () => LocalSite {
  let current: LocalSite | undefined;
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

/**
 * For tests that each start their own site: after every test of the calling `describe`, closes the site `site()`
 * returns and fails the test when any invocation of the app failed.
 *
 * @example
 * let s: LocalSite;
 * closeSiteAfterEach(() => s);
 */
export function closeSiteAfterEach(site: () => LocalSite | undefined): void {
  afterEach(() => {
    const current = site();
    if (!current) return;
    const failed = current.failedInvocations();
    current.close();
    expect(failed).toEqual([]);
  });
}

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

/**
 * The state a customer reply in a timer status leaves: the timer restarts from the comment (new cycle, nothing
 * done yet). The event handler writes it; for a reply whose event the test did not deliver, it is written here.
 */
export async function resetByCustomerReply(s: LocalSite, key: string, at: Date): Promise<void> {
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

/**
 * `count` Support Requests entering Clarification a minute apart from the current clock; the clock then moves
 * on two hours (the issue events handled, the first sweeps run). Returns their keys, oldest first.
 */
export async function waitingInClarification(s: LocalSite, count: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    keys.push(await s.ticket('Support Request', ['Clarification required / On hold']));
    s.jump(new Date(Date.now() + 60_000));
  }
  await s.advance(2 * HOUR);
  return keys;
}

/** Calls an admin resolver of the admin page as the site's Jira administrator; its `data`, or an error thrown. */
export async function asAdmin<T>(s: LocalSite, functionKey: string, payload: unknown = {}): Promise<T> {
  // As the admin page calls it: the reads a resolver asks for are made as the admin.
  const result = await invokeThroughPage(s.host, s.site, {
    moduleKey: 'process-admin',
    functionKey,
    payload,
    accountId: USER.admin,
    extension: { type: 'jira:adminPage' },
  });
  if (!result.ok) throw new Error(result.error.message);
  const response = result.value as { data?: T; error?: { code: string } };
  if (response.data === undefined) throw new Error(`${functionKey}: ${response.error?.code ?? 'no data'}`);
  return response.data;
}

/**
 * Removes the state copy from a ticket's due-index entry, as overlapping writers leave it (or an installation that
 * ran before copies were kept).
 */
export function dropStateCopy(s: LocalSite, issueKey: string): void {
  const entry = s.host.kvs.get('entity:due-index', issueKey);
  if (!entry) throw new Error(`no index entry for ${issueKey}`);
  const { state: _copy, ...rest } = entry.value as Record<string, unknown>;
  s.host.kvs.put('entity:due-index', issueKey, { ...entry, value: rest });
}

/**
 * Runs `meanwhile` right after the site answered the first app request `matches` finds (given the reply's body),
 * before the app sees the answer: a change made while the app is between two of its calls.
 */
export function afterAnswer(
  s: LocalSite,
  matches: (request: SiteRequest, body: string) => boolean,
  meanwhile: () => Promise<void>,
): { fired: () => boolean } {
  const original = s.site.handle.bind(s.site);
  let fired = false;
  s.site.handle = async (request: SiteRequest) => {
    const reply = await original(request);
    if (!fired && request.principal.kind === 'app' && matches(request, reply.body)) {
      fired = true;
      await meanwhile();
    }
    return reply;
  };
  return { fired: () => fired };
}
