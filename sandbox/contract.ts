/**
 * The seam between the two halves of the local site:
 * - `sandbox/jira/`  — the Jira Cloud + JSM simulator (HTTP semantics, data, permissions, rate limits, events);
 * - `sandbox/forge/` — the Forge host (global.__forge_fetch__, KVS, queue, triggers, resolvers, manifest).
 * Neither half imports the other's internals; both import only this file (and `sandbox/clock.ts`).
 * Nothing in `src/` imports anything under `sandbox/`.
 */

/** Who makes a request. `app` = `asApp()`; `user` = `asUser()` or a person acting in the local UI. */
export type Principal = { kind: 'app' } | { kind: 'user'; accountId: string };

export interface SiteRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Path with query string, exactly as `route` produced it, e.g. `/rest/api/3/issue/SD-1?fields=summary`. */
  path: string;
  headers: Record<string, string>;
  /** Raw request body (JSON text) or undefined. */
  body?: string;
  principal: Principal;
}

export interface SiteResponse {
  status: number;
  headers: Record<string, string>;
  /** Raw body text ('' for 204). */
  body: string;
}

/**
 * A Forge product event as the platform would deliver it to a `trigger` module, plus who caused it
 * (so the host can honour `filter.ignoreSelf`: events caused by `{kind:'app'}` are self-generated).
 */
export interface ProductEvent {
  eventType:
    | 'avi:jira:created:issue'
    | 'avi:jira:updated:issue'
    | 'avi:jira:commented:issue'
    | 'avi:jira:created:issuelink'
    | 'avi:jira:deleted:issuelink'
    | 'avi:jira:deleted:issue'
    | 'avi:jira:assigned:issue'
    | 'avi:forge:installed:app'
    | 'avi:forge:upgraded:app';
  /** The documented payload (without `context`): issue/changelog/comment/atlassianId/associatedUsers… */
  payload: Record<string, unknown>;
  causedBy: Principal;
  /** ISO time the change happened on the site clock. */
  at: string;
}

/** What the Forge host needs from the Jira side. */
export interface JiraSite {
  /** Serve one REST request (validated against sandbox/specs, counted, rate-limited). */
  handle(request: SiteRequest): Promise<SiteResponse>;
  /** Product events, emitted synchronously after each change commits. Returns an unsubscribe function. */
  subscribe(listener: (event: ProductEvent) => void): () => void;
  /** The locale of a user's Jira profile (`de_DE`), for the Forge context of their resolver calls. */
  profileLocale?(accountId: string): string | undefined;
}
