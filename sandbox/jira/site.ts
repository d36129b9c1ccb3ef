import { REPO_MANIFEST } from '../manifest-path';
import type { JiraSite, Principal, ProductEvent, SiteRequest, SiteResponse } from '../contract';
import { type ActAs, actAs } from './act-as';
import { FaultInjector, type FaultConfig, type FaultCounts } from './faults';
import { refuseDeniedFieldWrite } from './field-write-denial';
import type { OpContext } from './http/context';
import { HttpError, type Reply } from './http/reply';
import { type Handler, ROUTES } from './http/routes';
import { type LimitConfig, RateLimiter } from './limits';
import { embeddedObjects } from './limits/point-cost';
import { readExpressionModules } from './expressions/app-modules';
import { SiteMetrics } from './metrics';
import { DEFAULT_CLOUD_ID, OpsAlerts } from './ops-alerts/ops-alerts';
import { SiteStore } from './model/store';
import { IssueWriter } from './mutations/issue-writer';
import { actorAccountId } from './permissions';
import { registerPropertyIndexes } from './search/candidates';
import { readIndexedProperties, type IndexedProperty } from './search/indexed-properties';
import { SearchSessions } from './search/search-sessions';
import { seedDemoSite, type SeedOptions } from './seed/demo-site';
import { generateTickets } from './seed/generate-tickets';
import {
  type MatchedOperation,
  matchOperation,
  operationKey,
  SpecViolationError,
  validateRequest,
  validateResponse,
} from './spec';

export interface JiraSiteOptions {
  /** Seed the demo JSM project (and optionally generated tickets); omitted = an empty site. */
  seed?: SeedOptions;
  faults?: FaultConfig;
  limits?: LimitConfig;
  /** Cloud id in the JSM Operations API paths (`/jsm/ops/api/{cloudId}/…`); default `DEFAULT_CLOUD_ID`. */
  cloudId?: string;
  /**
   * Manifest whose `jira:entityProperty` modules define the JQL-indexed properties and whose expression modules
   * (workflow validators and conditions, action validators) the site evaluates (default: the repository's `manifest.yml`).
   */
  manifestPath?: string;
  /**
   * Add the app's workflow validators and conditions to every transition, as an admin would in the workflow
   * editor. Default false: a fresh installation has them in no workflow (and team-managed projects never).
   */
  attachWorkflowRules?: boolean;
  /**
   * Whether `avi:jira:commented:issue` carries the comment's `jsdPublic`. The Forge event reference does not
   * document it, so by default it is left out (the strictest reading); `'jsdPublic'` sends it.
   */
  commentEventVisibility?: 'absent' | 'jsdPublic';
  /**
   * Whether `avi:jira:updated:issue` carries `changelog.id`. Jira sends it with every change, but the Forge event
   * reference documents only the changelog's items; `'absent'` leaves it out, to prove the app names each change
   * without it.
   */
  changelogIdInEvents?: 'present' | 'absent';
  /**
   * How long a property write takes to become visible to JQL search (matching and returned properties), unless
   * the search reconciles the issue. Default `DEFAULT_SEARCH_INDEX_LAG_MS`; 0 = at once.
   */
  searchIndexLagMs?: number;
  /**
   * How long a change of an issue's fields (status, type, summary, links, comments, histories …) takes to become
   * visible to JQL search, matching and returned, unless the search reconciles the issue. Search "may return stale
   * or outdated data" after any write (Search and Reconcile), so by default the same as the property lag,
   * `DEFAULT_SEARCH_INDEX_LAG_MS`; 0 = at once (docs/decisions/0014).
   */
  searchFieldLagMs?: number;
  /**
   * Which histories `GET /issue/{key}?expand=changelog` embeds when the issue has more than 100: undocumented, so
   * by default the oldest (the current status's entry is then missing, the strictest reading for a reader that
   * needs it); `'newest'` embeds the most recent, as search does.
   */
  issueChangelogWindow?: 'newest' | 'oldest';
}

/** Search is eventually consistent; "the majority of modifications are shown within seconds". */
export const DEFAULT_SEARCH_INDEX_LAG_MS = 5_000;

/** The simulated Jira Cloud + JSM site: the `JiraSite` seam plus what tests and the local UI need. */
export interface SimJiraSite extends JiraSite {
  readonly store: SiteStore;
  readonly metrics: SiteMetrics;
  readonly limiter: RateLimiter;
  /** JSM Operations alerts created through `/jsm/ops/api/{cloudId}/v1/alerts`. */
  readonly opsAlerts: OpsAlerts;
  /**
   * Every request and response that broke the OpenAPI spec, as `operation request|response: errors`. A bad
   * request is answered 400 as Jira would, a bad response throws; both are kept here so a test fails on them
   * even when the app caught the error (`test/support/honest-run.ts`).
   */
  readonly specViolations: readonly string[];
  setFaults(faults: FaultConfig): void;
  /** Faults injected since the site was created, per class. */
  readonly faultCounts: Readonly<FaultCounts>;
  /** Act as a person (or the app) through the REST code paths, so events are emitted exactly as for REST. */
  actAs(who: string | Principal): ActAs;
}

/** Response header carrying the points the rate limiter charged for the request (0 for refused requests). */
export const POINTS_HEADER = 'x-sim-points';

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Turn a platform ErrorCollection into JSM's ErrorResponse for servicedeskapi operations. */
function forApi(op: MatchedOperation | undefined, reply: Reply): Reply {
  const body = reply.body as { errorMessages?: string[]; errors?: Record<string, string> } | undefined;
  if (op?.api !== 'servicedesk' || !body?.errorMessages) return reply;
  const message = body.errorMessages[0] ?? Object.values(body.errors ?? {})[0] ?? 'Error';
  return {
    ...reply,
    body: {
      errorMessage: message,
      i18nErrorMessage: { i18nKey: `sd.error.${reply.status}`, parameters: [] },
    },
  };
}

class Site implements SimJiraSite {
  readonly store = new SiteStore();
  readonly metrics = new SiteMetrics();
  readonly limiter: RateLimiter;
  readonly opsAlerts: OpsAlerts;
  readonly specViolations: string[] = [];
  private readonly faults: FaultInjector;
  private readonly writer: IssueWriter;
  private readonly sessions = new SearchSessions();
  private readonly listeners = new Set<(event: ProductEvent) => void>();
  private readonly indexed: IndexedProperty[];

  constructor(options: JiraSiteOptions) {
    this.limiter = new RateLimiter(options.limits);
    this.opsAlerts = new OpsAlerts(options.cloudId ?? DEFAULT_CLOUD_ID);
    this.faults = new FaultInjector(options.faults);
    this.store.searchLag.lagMs = options.searchIndexLagMs ?? DEFAULT_SEARCH_INDEX_LAG_MS;
    this.store.searchLag.fieldLagMs = options.searchFieldLagMs ?? DEFAULT_SEARCH_INDEX_LAG_MS;
    this.store.issueChangelogWindow = options.issueChangelogWindow ?? 'oldest';
    this.writer = new IssueWriter(this.store, {
      commentVisibility: options.commentEventVisibility === 'jsdPublic',
      changelogId: options.changelogIdInEvents !== 'absent',
    });
    const manifestPath = options.manifestPath ?? REPO_MANIFEST;
    this.indexed = readIndexedProperties(manifestPath);
    registerPropertyIndexes(this.store, this.indexed);
    this.store.appRules = readExpressionModules(manifestPath);
    if (options.attachWorkflowRules) {
      for (const module of [...this.store.appRules.validators, ...this.store.appRules.conditions])
        this.store.attachedWorkflowRules.add(module.key);
    }
  }

  setFaults(faults: FaultConfig): void {
    this.faults.configure(faults);
  }

  get faultCounts(): Readonly<FaultCounts> {
    return this.faults.counts;
  }

  subscribe(listener: (event: ProductEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  profileLocale(accountId: string): string | undefined {
    return this.store.users.get(accountId)?.locale;
  }

  actAs(who: string | Principal): ActAs {
    return actAs(this, typeof who === 'string' ? { kind: 'user', accountId: who } : who);
  }

  async handle(request: SiteRequest): Promise<SiteResponse> {
    if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs);
    if (OpsAlerts.owns(request.path)) return this.serveOps(request);
    const op = matchOperation(request.method, request.path);
    const { reply, points } = await this.serve(request, op);
    const final = forApi(op, reply);
    // Infrastructure answers (410 removed API, 429, 5xx faults) are not the operation's own responses.
    if (op && ![410, 429, 503, 504].includes(final.status)) {
      const check = validateResponse(op, final.status, final.body);
      if (!check.ok) {
        this.specViolations.push(`${op.operationId} response ${final.status}: ${check.errors.join('; ')}`);
        throw new SpecViolationError(check.errors);
      }
    }
    // Keyed by operationId, except where the JSM spec reuses one for two operations (see `operationKey`).
    this.metrics.record(op ? operationKey(op, request.method) : 'unknown', final.status, points);
    for (const event of this.writer.drain()) for (const listener of this.listeners) listener(event);
    return {
      status: final.status,
      headers: {
        ...(final.body === undefined ? {} : { 'content-type': 'application/json;charset=UTF-8' }),
        'x-aaccountid': actorAccountId(this.store, request.principal),
        ...final.headers,
        // Simulator-only: what the rate limiter charged (0 when refused); the Forge host logs it per invocation.
        [POINTS_HEADER]: String(points),
      },
      body: final.body === undefined ? '' : JSON.stringify(final.body),
    };
  }

  /** JSM Operations requests: outside the Jira specs and the Jira rate limits; counted as `jsmOps.<method>`. */
  private serveOps(request: SiteRequest): SiteResponse {
    const reply = this.opsAlerts.handle(request, actorAccountId(this.store, request.principal));
    this.metrics.record(`jsmOps.${request.method}`, reply.status, 0);
    return {
      status: reply.status,
      headers: { 'content-type': 'application/json', [POINTS_HEADER]: '0' },
      body: JSON.stringify(reply.body),
    };
  }

  private async serve(
    request: SiteRequest,
    op: MatchedOperation | undefined,
  ): Promise<{ reply: Reply; points: number }> {
    const handler = op ? ROUTES[`${request.method} ${op.pathTemplate}`] : undefined;
    if (!op || !handler) {
      const path = request.path.split('?')[0] ?? '';
      return { reply: errorReply(404, [`No resource found for ${request.method} ${path}`]), points: 0 };
    }
    const read = this.readBody(request, op);
    if (!read.ok) return { reply: read.reply, points: 0 };
    const fault = await this.injectedFault(request.method);
    if (fault.refusal) return { reply: fault.refusal, points: 0 };
    const denied = refuseDeniedFieldWrite(
      this.faults.deniedFieldWrites,
      `${request.method} ${op.pathTemplate}`,
      read.body,
      request.principal,
    );
    if (denied) return { reply: denied, points: 0 };

    const outcome = runHandler(handler, this.context(request, op, read.body));
    const charge = this.limiter.charge({
      operationId: op.operationId,
      method: request.method,
      ...(outcome.issueKey ? { issueKey: outcome.issueKey } : {}),
      objectsReturned: outcome.objects,
      accessObjects: outcome.accessObjects ?? 0,
      expandedObjects: embeddedObjects(outcome.reply?.body),
      at: new Date(),
    });
    if (!charge.allowed) {
      const message = `Rate limit exceeded (${charge.reason}).`;
      return { reply: errorReply(429, [message], charge.headers), points: 0 };
    }
    // Compute first, commit only when the limiter allowed the request: a 429 has changed nothing.
    const reply = outcome.commit ? outcome.commit() : (outcome.reply ?? { status: 204 });
    if (fault.appliedTimeoutMs !== undefined) {
      await sleep(fault.appliedTimeoutMs);
      return { reply: gatewayTimeout(), points: charge.points };
    }
    return { reply: { ...reply, headers: { ...charge.headers, ...reply.headers } }, points: charge.points };
  }

  /** The request's JSON body, checked against the operation's spec; a 400 when it is not JSON or not valid. */
  private readBody(
    request: SiteRequest,
    op: MatchedOperation,
  ): { ok: true; body: unknown } | { ok: false; reply: Reply } {
    let body: unknown;
    try {
      body = request.body === undefined || request.body === '' ? undefined : JSON.parse(request.body);
    } catch {
      return {
        ok: false,
        reply: errorReply(400, ['Unexpected character in the request body: not valid JSON.']),
      };
    }
    const valid = validateRequest(op, body);
    if (valid.ok) return { ok: true, body };
    this.specViolations.push(`${op.operationId} request: ${valid.errors.join('; ')}`);
    return { ok: false, reply: errorReply(400, valid.errors) };
  }

  /**
   * The injected fault for this request: a refusal (storm 429, 503, 504 before the write, 409), or a gateway
   * timeout after the write was applied (the strict reading of a 504 on a write), or nothing.
   */
  private async injectedFault(
    method: SiteRequest['method'],
  ): Promise<{ refusal?: Reply; appliedTimeoutMs?: number }> {
    const storm = this.faults.storm(Date.now());
    if (storm) {
      const headers = { 'Retry-After': String(storm.retryAfterSeconds) };
      return { refusal: errorReply(429, ['Rate limit exceeded (injected storm).'], headers) };
    }
    const fault = this.faults.decide(method !== 'GET');
    if (fault.kind === 'serverError')
      return { refusal: errorReply(503, ['Service unavailable (injected fault).']) };
    if (fault.kind === 'timeout') {
      if (method !== 'GET' && this.faults.timeoutsApplyWrites) return { appliedTimeoutMs: fault.ms };
      await sleep(fault.ms);
      return { refusal: gatewayTimeout() };
    }
    if (fault.kind === 'conflict')
      return { refusal: errorReply(409, ['Conflicting update (injected fault).']) };
    return {};
  }

  private context(request: SiteRequest, op: MatchedOperation, body: unknown): OpContext {
    return {
      store: this.store,
      writer: this.writer,
      sessions: this.sessions,
      indexed: this.indexed,
      principal: request.principal,
      actor: actorAccountId(this.store, request.principal),
      op,
      body,
      headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])),
    };
  }
}

/** A Jira error body: `{ errorMessages, errors: {} }`. */
function errorReply(status: number, errorMessages: string[], headers?: Record<string, string>): Reply {
  return { status, ...(headers ? { headers } : {}), body: { errorMessages, errors: {} } };
}

const gatewayTimeout = (): Reply => errorReply(504, ['Gateway timeout (injected fault).']);

/** The handler's outcome; an `HttpError` it throws becomes its reply. */
function runHandler(handler: Handler, ctx: OpContext): ReturnType<Handler> {
  try {
    return handler(ctx);
  } catch (error) {
    if (error instanceof HttpError) return { reply: error.reply, objects: 0 };
    throw error;
  }
}

/**
 * Create a simulated site. With `seed`, it holds the demo Support Desk of PROCESS.md (and `seed.tickets`
 * generated tickets).
 *
 * @example
 * const site = createJiraSite({ seed: { seed: 42, tickets: 500 } });
 * const res = await site.handle({ method: 'GET', path: '/rest/api/3/myself', headers: {}, principal: { kind: 'app' } });
 */
export function createJiraSite(options: JiraSiteOptions = {}): SimJiraSite {
  const site = new Site(options);
  if (options.seed) {
    seedDemoSite(site, options.seed);
    if (options.seed.tickets)
      generateTickets(site, { count: options.seed.tickets, seed: options.seed.seed, now: new Date() });
  }
  return site;
}
