import { performance } from 'node:perf_hooks';

import type { SimClock } from '../clock';
import type { JiraSite, Principal, SiteRequest } from '../contract';
import type { InvocationRunner, InvocationScope } from './invocation';
import type { KillSwitch } from './kill-switch';
import type { KvsApi } from './kvs-api';
import type { AsyncEventQueue } from './queue';

/** The first argument of `global.__forge_fetch__` as the SDKs build it (see forge-transport.md). */
interface FetchTarget {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

export type ForgeFetch = (target: FetchTarget, path: string, init?: RequestInit) => Promise<Response>;

/** Response header in which the site may report the points a request cost (recorded per invocation). */
export const POINTS_HEADER = 'x-sim-points';

export interface TransportDeps {
  site: JiraSite;
  kvs: KvsApi;
  queue: AsyncEventQueue;
  runner: InvocationRunner;
  clock: SimClock;
  /** Simulated milliseconds each Jira REST call takes; the clock moves by this much when it answers. */
  restLatencyMs: number;
  /** Crash injection after successful writes (optional). */
  kills?: KillSwitch;
}

const METHODS = new Set<SiteRequest['method']>(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

function bodyText(body: RequestInit['body']): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body))
    return Buffer.from(body as ArrayBuffer).toString('utf8');
  throw new TypeError('The local Forge host accepts string, URLSearchParams or binary request bodies only');
}

/** A WHATWG Response; 204/304 must not carry a body. */
function respond(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 || status === 304 ? null : body, { status, headers });
}

const json = (status: number, body: unknown): Response =>
  respond(status, body === undefined || body === null ? '' : JSON.stringify(body), {
    'content-type': 'application/json',
  });

/**
 * `global.__forge_fetch__`: routes the SDKs' platform calls. Product calls (`fpp` + `jira`) go to the site with
 * principal app (`asApp()`, bare `requestJira`) or user (`asUser()` = the invocation's user, `asUser(id)` = id);
 * `kvs` calls go to the KVS; `stargate` `/webhook/queue/*` calls go to the queue. A timed-out invocation's calls
 * are refused, as its Lambda would be frozen.
 */
export function createForgeFetch(deps: TransportDeps): ForgeFetch {
  return async (target, path, init = {}) => {
    const scope = deps.runner.current();
    if (scope?.expired) throw timedOut(scope);
    if (target.type === 'kvs') {
      const [status, body] = kvsReply(deps.kvs, path, init);
      if (deps.kills?.afterCall(scope, 'kvs', 'POST', path, status)) throw killed(scope);
      return json(status, body);
    }
    if (target.type === 'fpp' && target.remote === 'stargate' && path.startsWith('/webhook/queue/')) {
      const reply = deps.queue.handle(path, bodyText(init.body));
      return json(reply.status, reply.body);
    }
    if (target.type === 'fpp' && target.remote === 'jira')
      return requestJira(deps, scope, target, path, init);
    throw new Error(`The local Forge host does not serve ${target.type}/${target.remote ?? '-'} ${path}`);
  };
}

function kvsReply(kvs: KvsApi, path: string, init: RequestInit): [number, unknown] {
  const reply = kvs.handle(path, bodyText(init.body));
  return [reply.status, reply.body];
}

async function requestJira(
  deps: TransportDeps,
  scope: InvocationScope | undefined,
  target: FetchTarget,
  path: string,
  init: RequestInit,
): Promise<Response> {
  let principal: Principal = { kind: 'app' };
  if (target.provider === 'user') {
    const accountId = target.accountId ?? scope?.accountId;
    // asUser() outside a user-led invocation has no user token: the proxy answers NEEDS_AUTHENTICATION_ERR,
    // which @forge/api turns into NeedsAuthenticationError.
    if (accountId === undefined) return respond(401, '', { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' });
    principal = { kind: 'user', accountId };
  }
  const method = (init.method ?? 'GET').toUpperCase() as SiteRequest['method'];
  if (!METHODS.has(method)) throw new Error(`Unsupported HTTP method ${method}`);
  const body = bodyText(init.body);
  const started = performance.now();
  const reply = await deps.site.handle({
    method,
    path,
    headers: headerRecord(init.headers),
    principal,
    ...(body !== undefined ? { body } : {}),
  });
  // The answer arrives one round trip after the request was served; the invocation waited that long, and the
  // wait counts towards its time limit (an invocation that runs out of time meanwhile never sees the answer).
  if (deps.restLatencyMs > 0) {
    deps.clock.advance(deps.restLatencyMs);
    scope?.spend(deps.restLatencyMs);
  }
  const points = Number(
    Object.entries(reply.headers).find(([name]) => name.toLowerCase() === POINTS_HEADER)?.[1],
  );
  scope?.record.requests.push({
    method,
    path,
    status: reply.status,
    principal,
    durationMs: Math.round(performance.now() - started),
    ...(Number.isFinite(points) ? { points } : {}),
  });
  if (scope?.expired) throw timedOut(scope);
  if (deps.kills?.afterCall(scope, 'jira', method, path, reply.status)) throw killed(scope);
  return respond(reply.status, reply.body, reply.headers);
}

/** What the pending call of an invocation that ran out of time sees (nobody: it has already ended). */
function timedOut(scope: InvocationScope): Error {
  return new Error(`Invocation ${scope.record.id} has timed out; the platform no longer serves its requests`);
}

/** What the dead invocation's pending call sees (nobody: the invocation has already ended). */
function killed(scope: InvocationScope | undefined): Error {
  return new Error(`Invocation ${scope?.record.id ?? '-'} was killed`);
}
