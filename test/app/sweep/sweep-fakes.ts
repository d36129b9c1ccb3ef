import type { AppDeps } from '../../../src/app/deps';
import type { WorkItem } from '../../../src/app/ports';
import type {
  ChangelogHistory,
  CommentFacts,
  IssueBean,
  JiraGateway,
  SearchRequest,
} from '../../../src/app/ports/jira';
import { ActionLedger } from '../../../src/app/shared/action-ledger';
import { AuditLog } from '../../../src/app/shared/audit-log';
import { CONFIG_KEY, ConfigRepository } from '../../../src/app/shared/config-repository';
import { ParkingLot } from '../../../src/app/shared/parking-lot';
import { WorkflowTransitions } from '../../../src/app/shared/workflow-transitions';
import type { SweepContext } from '../../../src/app/sweep/sweep-context';
import type { SweepTicket } from '../../../src/app/sweep/sweep-ticket';
import { configForProject } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { PROCESS_STATE_KEY, type ProcessState } from '../../../src/domain/process-state';
import { startTimer } from '../../../src/domain/timers';
import { ExpiringStore, MemoryDueIndex, type MemoryStore } from '../../support/memory-store';

export const DAY = 86_400_000;
export const cfg = configForProject(defaultConfig, 'SUP');
export const now = new Date('2026-11-27T10:00:00Z');
export const ORGANIZATIONS_FIELD = 'customfield_10002';
export const APP = 'app-account';
/** The transition to Closed that the fake workflow offers, with the resolution on its screen. */
export const CLOSE_TRANSITION = '31';

const STATUSES = {
  clarification: { statusId: '3', statusName: 'Clarification required / On hold' },
  resolved: { statusId: '5', statusName: 'Resolved' },
} as const;

/** A Clarification cycle that began `days` before now, as the sweep's search returned it. */
export function clarificationTicket(days: number, overrides: Partial<SweepTicket> = {}): SweepTicket {
  return timerTicket('clarification', days, overrides);
}

/** A ticket whose `status` timer began `days` before now, as the sweep's search returned it. */
export function timerTicket(
  status: keyof typeof STATUSES,
  days: number,
  overrides: Partial<SweepTicket> = {},
): SweepTicket {
  const { statusId, statusName } = STATUSES[status];
  const state = startTimer('supportRequest', status, new Date(now.getTime() - days * DAY), { statusId }, cfg);
  return {
    id: '10001',
    key: 'SUP-1',
    statusId,
    statusName,
    status,
    typeId: '7',
    typeName: 'Support Request',
    kind: 'supportRequest',
    state,
    updatedMs: Date.parse(state.updatedAt),
    created: state.enteredAt,
    organizations: [],
    reporterId: 'customer-1',
    statusChanges: [],
    ...overrides,
  };
}

/** Jira writes its times with a `+0000` offset. */
export const jiraTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

/** A comment on the ticket; public unless said otherwise. */
export function comment(
  id: string,
  authorId: string | undefined,
  created: string | undefined,
  isPublic = true,
): CommentFacts {
  return { id, authorId, created, isPublic };
}

export interface Site {
  /** Comments, oldest first. */
  readonly comments?: CommentFacts[];
  readonly participants?: readonly string[];
  /** Organization id → its members. */
  readonly members?: Record<string, readonly string[]>;
  /** The organizations the ticket is shared with, as the Organizations field holds them. */
  readonly shared?: unknown;
  /** The site's Organizations field; absent when JSM has none. */
  readonly hasOrganizationsField?: boolean;
  /** The state property as Jira holds it. */
  readonly property?: ProcessState;
  /** Runs after each page of comments is read, with the page's start (comments deleted or added meanwhile). */
  readonly afterCommentsPage?: (startAt: number) => void;
  /**
   * Errors the next writes (edit, transition) throw, in order: a bare error changes nothing; `applied` is an
   * ambiguous failure (timeout, 5xx) after Jira applied the write.
   */
  readonly failWrites?: (Error | { readonly error: Error; readonly applied: true })[];
  /** Runs inside each successful write, before it returns: what happens on the site meanwhile. */
  readonly duringWrite?: () => Promise<void>;
  /** Whether the workflow offers a way to Closed from the ticket's status. */
  readonly closable?: boolean;
  /** The ticket as `GET /issue` returns it when asked for its status (a re-read); absent: unreadable. */
  readonly issue?: IssueBean;
  /** The ticket's whole changelog, oldest first, as the changelog endpoint pages it. */
  readonly changelog?: ChangelogHistory[];
}

/** Jira and JSM reduced to what the sweep reads and writes for one ticket; records every request. */
export function fakeSite(site: Site = {}) {
  const calls: string[] = [];
  const writes: { kind: 'edit' | 'transition' | 'property'; body: unknown }[] = [];
  /** The options of each edit and property write (the ticket view its state was decided from), in order. */
  const writeOptions: unknown[] = [];
  let property: unknown = site.property;
  const failures = [...(site.failWrites ?? [])];
  const write = async (
    kind: 'edit' | 'transition',
    body: { properties?: { key: string; value: unknown }[] },
  ) => {
    const failure = failures.shift();
    if (failure instanceof Error) throw failure;
    writes.push({ kind, body });
    const state = body.properties?.find((p) => p.key === PROCESS_STATE_KEY)?.value;
    if (state) property = state;
    if (failure) throw failure.error;
    await site.duringWrite?.();
  };
  const jira = {
    async newestComments(key: string, startAt: number, maxResults: number) {
      calls.push(`comments ${key} ${startAt}+${maxResults}`);
      const page = [...(site.comments ?? [])].reverse().slice(startAt, startAt + maxResults);
      site.afterCommentsPage?.(startAt);
      return page;
    },
    async myAccountId() {
      calls.push('myself');
      return APP;
    },
    async getFields() {
      calls.push('fields');
      return site.hasOrganizationsField === false
        ? []
        : [
            {
              id: ORGANIZATIONS_FIELD,
              schema: { custom: 'com.atlassian.servicedesk:sd-customer-organizations' },
            },
          ];
    },
    async getIssue(key: string, options: { fields: string[]; properties?: string[]; expand?: string }) {
      calls.push(`issue ${key} ${options.fields.join(',')}`);
      if (site.issue && options.fields.includes('status')) {
        // Jira returns only the properties asked for, and the changelog only when expanded.
        const { properties, changelog, ...issue } = structuredClone(site.issue);
        const asked = (options.properties ?? []).filter((k) => properties?.[k] !== undefined);
        return {
          ...issue,
          properties: Object.fromEntries(asked.map((k) => [k, properties?.[k]])),
          ...(options.expand === 'changelog' && changelog ? { changelog } : {}),
        };
      }
      return { id: '10001', key, fields: { [ORGANIZATIONS_FIELD]: site.shared ?? [] } };
    },
    async getIssueProperty(key: string, propertyKey: string) {
      calls.push(`getProperty ${key} ${propertyKey}`);
      return structuredClone(property);
    },
    async setIssueProperty(key: string, propertyKey: string, value: unknown, options?: unknown) {
      calls.push(`setProperty ${key} ${propertyKey}`);
      writeOptions.push(options);
      writes.push({ kind: 'property', body: value });
      property = value;
    },
    async editIssue(
      key: string,
      edit: { properties?: { key: string; value: unknown }[] },
      options?: unknown,
    ) {
      calls.push(`edit ${key}`);
      writeOptions.push(options);
      await write('edit', edit);
    },
    async doTransition(key: string, transition: { properties?: { key: string; value: unknown }[] }) {
      calls.push(`transition ${key}`);
      await write('transition', transition);
    },
    async changelogPage(key: string, startAt: number, maxResults: number) {
      calls.push(`changelog ${key} ${startAt}+${maxResults}`);
      const histories = site.changelog ?? [];
      return { total: histories.length, histories: histories.slice(startAt, startAt + maxResults) };
    },
    async getTransitions(key: string) {
      calls.push(`transitions ${key}`);
      return site.closable === false
        ? []
        : [
            {
              id: CLOSE_TRANSITION,
              name: 'Close',
              to: { id: '6', name: 'Closed' },
              fields: { resolution: {} },
            },
          ];
    },
  } as unknown as JiraGateway;
  const links = {
    async isParticipant(_key: string, accountId: string) {
      calls.push(`participant? ${accountId}`);
      return site.participants?.includes(accountId) ?? false;
    },
    async isOrganizationMember(organizationId: string, accountId: string) {
      calls.push(`member? ${organizationId} ${accountId}`);
      return site.members?.[organizationId]?.includes(accountId) ?? false;
    },
  };
  return { jira, links, calls, writes, writeOptions, property: () => property as ProcessState | undefined };
}

export type FakeSite = ReturnType<typeof fakeSite>;

/** A sweep context over `store` and the fake site; `dryRun` and the known Organizations field as given. */
export function sweepContext(
  store: MemoryStore,
  site: FakeSite,
  options: { dryRun?: boolean; organizationsFieldId?: string } = {},
): SweepContext {
  const deps = {
    jira: site.jira,
    links: site.links,
    store,
    audit: new AuditLog(store),
    ledger: new ActionLedger(store),
    log: { warn: () => undefined, error: () => undefined, info: () => undefined },
  } as unknown as AppDeps;
  return {
    deps,
    cfg,
    now,
    dryRun: options.dryRun ?? false,
    transitions: new WorkflowTransitions(site.jira, store),
    organizationsFieldId: options.organizationsFieldId,
  };
}

/** One search's answer in {@link sweepAppDeps}, and the points it costs (by default 1 plus 1 per issue). */
type SearchAnswer = { issues?: IssueBean[]; nextPageToken?: string; points?: number } | Error;

export interface SweepAppOptions {
  /** The stored site configuration (besides `projects`). */
  readonly settings?: Record<string, unknown>;
  readonly projects?: readonly string[];
  /** What the searches answer, in order; a search beyond the list finds nothing. */
  readonly searches?: SearchAnswer[];
  /** Milliseconds the invocation has left, read before every page. */
  readonly remainingMs?: () => number;
  /** Errors the queue's pushes throw, in order (`undefined`: that push is taken). */
  readonly pushFailures?: (Error | undefined)[];
  /** The ticket site behind the sweep (see `fakeSite`). */
  readonly site?: Site;
}

/**
 * Use-case dependencies of the whole sweep over an in-memory store (settings of configuration version 4), a
 * scripted Jira search, the fake ticket site and a recording queue and log. Every Jira call but the search costs
 * a point, as the client would count it.
 */
export async function sweepAppDeps(options: SweepAppOptions = {}) {
  const store = new ExpiringStore();
  await store.set(CONFIG_KEY, {
    version: 4,
    input: { projects: options.projects ?? ['SUP'], ...options.settings },
    savedAt: new Date(now.getTime() - 30 * DAY).toISOString(),
  });
  const site = fakeSite(options.site);
  const searches: SearchRequest[] = [];
  const answers = [...(options.searches ?? [])];
  const stats = {
    totalCalls: 0,
    totalPoints: 0,
    record: () => undefined,
    recordRateLimitHeaders: () => undefined,
    rateLimitHeaders: () => ({}),
  };
  const base: Record<string, unknown> = {
    ...(site.jira as unknown as Record<string, unknown>),
    async getFields() {
      return [];
    },
    async search(request: SearchRequest) {
      searches.push(request);
      const answer = answers.shift() ?? {};
      if (answer instanceof Error) throw answer;
      const issues = answer.issues ?? [];
      stats.totalPoints += answer.points ?? 1 + issues.length;
      return {
        issues,
        ...(answer.nextPageToken ? { nextPageToken: answer.nextPageToken, isLast: false } : { isLast: true }),
      };
    },
  };
  const jira = Object.fromEntries(
    Object.entries(base).map(([name, call]) => [
      name,
      async (...args: unknown[]) => {
        if (name !== 'search') stats.totalPoints += 1;
        return (call as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  ) as unknown as JiraGateway;
  const pushes: WorkItem[][] = [];
  const pushFailures = [...(options.pushFailures ?? [])];
  const logs: {
    level: 'info' | 'warn' | 'error';
    event: string;
    data: Record<string, unknown> | undefined;
  }[] = [];
  const logger = (level: 'info' | 'warn' | 'error') => (event: string, data?: Record<string, unknown>) => {
    logs.push({ level, event, data });
  };
  const deps: AppDeps = {
    jira,
    links: site.links as unknown as AppDeps['links'],
    store,
    dueIndex: new MemoryDueIndex(),
    queue: {
      async push(items) {
        const failure = pushFailures.shift();
        if (failure) throw failure;
        // Forge carries a queue item's body as JSON.
        pushes.push(JSON.parse(JSON.stringify(items)) as WorkItem[]);
      },
    },
    clock: { now: () => now },
    time: { remainingMs: options.remainingMs ?? (() => 600_000) },
    log: { info: logger('info'), warn: logger('warn'), error: logger('error') },
    audit: new AuditLog(store),
    ledger: new ActionLedger(store),
    parking: new ParkingLot(store),
    config: new ConfigRepository(store),
    stats,
  };
  const logged = (event: string) => logs.filter((l) => l.event === event);
  return { deps, store, site, searches, pushes, logs, logged, stats };
}

export type SweepApp = Awaited<ReturnType<typeof sweepAppDeps>>;

/** A Clarification ticket of project SUP `days` into its cycle, as a search returns it. */
export function searchedTicket(days: number, key = 'SUP-1'): { bean: IssueBean; state: ProcessState } {
  const ticket = clarificationTicket(days, { key });
  const state = ticket.state as ProcessState;
  return {
    state,
    bean: {
      id: ticket.id,
      key,
      fields: {
        status: { id: ticket.statusId, name: ticket.statusName },
        issuetype: { id: ticket.typeId, name: ticket.typeName },
        updated: jiraTime(Date.parse(state.updatedAt)),
        created: ticket.created,
        reporter: { accountId: ticket.reporterId },
      },
      properties: { [PROCESS_STATE_KEY]: state },
    },
  };
}
