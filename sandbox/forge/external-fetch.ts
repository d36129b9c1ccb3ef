import { EgressFilteringService } from '@forge/egress';
import { ExternalEndpointNotAllowedError } from '@forge/api';
import { Agent } from 'undici';
import { runInThisContext } from 'node:vm';

import type { InvocationRunner } from './invocation';

/** Answers the app functions' requests to one declared origin on the local site (no real network). */
export type ExternalReceiver = (request: Request) => Response | Promise<Response>;

/**
 * How a refused fetch fails. Atlassian documents that the invocation fails (runtime egress permissions) and
 * that plain HTTP is refused with a 400 (ECO-876), not what the fetch call sees: `reject` (the default, the
 * strictest) makes `fetch` reject, with `ExternalEndpointNotAllowedError` from `@forge/api` as the cause for an
 * undeclared host; `response` answers 403 (undeclared host) or 400 (plain HTTP) without throwing.
 */
export type EgressRefusal = 'reject' | 'response';

/** The part of undici's dispatch options the egress checks read. */
interface DispatchOptions {
  origin?: string | URL;
  path: string;
  method: string;
  headers?: unknown;
  body?: unknown;
}

/** undici's handler callbacks as Node's `fetch` passes them (the callback style of Node 20 to 24). */
interface DispatchHandler {
  onConnect?(abort: (reason?: unknown) => void): void;
  onResponseStarted?(): void;
  onHeaders?(status: number, raw: Buffer[], resume: () => void, statusText: string): boolean;
  onData?(chunk: Buffer): boolean;
  onComplete?(trailers: Buffer[]): void;
  onError?(error: unknown): void;
}

interface Dispatcher {
  dispatch(options: DispatchOptions, handler: DispatchHandler): boolean;
}

/** The key under which Node's `fetch` (its bundled undici) looks up the dispatcher of every request. */
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/**
 * The global object of Node's main realm: Node's `fetch` reads its dispatcher there even when called from a
 * Jest test, whose own global object is a different one.
 */
const mainRealm = runInThisContext('globalThis') as Record<symbol, unknown>;

/** Request headers as undici hands them over: a flat [name, value, …] list, or a record. */
function headersOf(raw: unknown): Headers {
  const headers = new Headers();
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) headers.append(String(raw[i]), String(raw[i + 1]));
  } else if (raw && typeof raw === 'object') {
    for (const [name, value] of Object.entries(raw)) headers.append(name, String(value));
  }
  return headers;
}

async function bodyOf(body: unknown): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return new Uint8Array(Buffer.from(body));
  if (typeof body === 'object' && Symbol.asyncIterator in body) {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
    return new Uint8Array(Buffer.concat(chunks));
  }
  return undefined;
}

/** Hands `response` to undici's handler as if it had come over the network. */
async function respond(handler: DispatchHandler, response: Response): Promise<void> {
  let aborted = false;
  handler.onConnect?.(() => {
    aborted = true;
  });
  if (aborted) return;
  handler.onResponseStarted?.();
  const raw: Buffer[] = [];
  response.headers.forEach((value, name) => raw.push(Buffer.from(name), Buffer.from(value)));
  handler.onHeaders?.(response.status, raw, () => undefined, response.statusText);
  const body = Buffer.from(await response.arrayBuffer());
  if (aborted) return;
  if (body.length > 0) handler.onData?.(body);
  handler.onComplete?.([]);
}

/**
 * The Forge runtime's network for the app's functions: what `fetch` from `@forge/api` (which is Node's global
 * `fetch`, taken when the module loads) reaches during an invocation. Only HTTPS to the hosts the manifest
 * declares under `permissions.external.fetch.backend` (matched by Forge's own `@forge/egress` rules) gets
 * through, to a receiver registered with {@link serve}; everything else fails as {@link EgressRefusal} says.
 * Requests made outside an invocation (tests, the local site's own server) pass through untouched.
 *
 * It sits where every `fetch` of the process ends up, undici's global dispatcher of Node's main realm, so it
 * holds however early the app's modules captured `fetch`.
 */
export class ExternalFetch {
  private readonly filter: EgressFilteringService;
  private readonly receivers = new Map<string, ExternalReceiver>();
  private readonly dispatcher: Dispatcher = {
    dispatch: (options, handler) => this.dispatch(options, handler),
  };
  private previous: Dispatcher | undefined;
  private fallback: Agent | undefined;
  private installed = false;
  /** Refused requests so far: `url` and why (`http` or `undeclared`). */
  readonly refused: { url: string; reason: 'http' | 'undeclared' }[] = [];

  constructor(
    backendEgress: readonly string[],
    private readonly runner: InvocationRunner,
    private readonly refusal: EgressRefusal = 'reject',
  ) {
    this.filter = new EgressFilteringService([...backendEgress]);
  }

  /** Answers requests to `origin` (e.g. `https://oncall.example.com`) with `receiver`. */
  serve(origin: string, receiver: ExternalReceiver): void {
    this.receivers.set(new URL(origin).origin, receiver);
  }

  install(): void {
    if (this.installed) return;
    this.previous = mainRealm[GLOBAL_DISPATCHER] as Dispatcher | undefined;
    mainRealm[GLOBAL_DISPATCHER] = this.dispatcher;
    this.installed = true;
  }

  uninstall(): void {
    if (!this.installed) return;
    // Another host installed after this one keeps its dispatcher; this one then only passes requests on.
    if (mainRealm[GLOBAL_DISPATCHER] === this.dispatcher) mainRealm[GLOBAL_DISPATCHER] = this.previous;
    this.installed = false;
  }

  private passOn(options: DispatchOptions, handler: DispatchHandler): boolean {
    if (this.previous) return this.previous.dispatch(options, handler);
    this.fallback ??= new Agent();
    return (this.fallback as unknown as Dispatcher).dispatch(options, handler);
  }

  private dispatch(options: DispatchOptions, handler: DispatchHandler): boolean {
    if (!this.installed || !this.runner.current()) return this.passOn(options, handler);
    const url = new URL(options.path, options.origin);
    const fail = (error: unknown) => handler.onError?.(error);
    void this.answer(url, options)
      .then((response) => respond(handler, response), fail)
      .catch(fail);
    return true;
  }

  /** The response for an app function's request; a rejection fails the `fetch`. */
  private async answer(url: URL, options: DispatchOptions): Promise<Response> {
    if (url.protocol !== 'https:') {
      this.refused.push({ url: url.href, reason: 'http' });
      const message = `Forge functions fetch over HTTPS only: ${url.origin}`;
      if (this.refusal === 'reject') throw new TypeError(message);
      return new Response(message, { status: 400, statusText: 'Bad Request' });
    }
    if (!this.filter.isValidUrl(url.href)) {
      this.refused.push({ url: url.href, reason: 'undeclared' });
      const error = new ExternalEndpointNotAllowedError(url.origin);
      if (this.refusal === 'reject') throw error;
      return new Response(error.message, { status: 403, statusText: 'Forbidden' });
    }
    const receiver = this.receivers.get(url.origin);
    if (!receiver)
      throw new TypeError(`getaddrinfo ENOTFOUND ${url.hostname}: nothing answers on the local site`);
    const body = await bodyOf(options.body);
    return receiver(
      new Request(url, {
        method: options.method,
        headers: headersOf(options.headers),
        ...(body && options.method !== 'GET' && options.method !== 'HEAD' ? { body } : {}),
      }),
    );
  }
}
