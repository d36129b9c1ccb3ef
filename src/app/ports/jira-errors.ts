import type { RateLimitScope } from '../../domain/rate-limit-hold';

/**
 * Typed failures of the Jira port: the adapter throws them, use cases decide about them, and the entry handlers
 * map what is left to outcomes:
 * - RateLimitedError → defer through the Forge queue with `InvocationError({ retryAfter })`;
 * - UpstreamError    → retried with backoff inside the client, then surfaced for a queue retry;
 * - JiraHttpError    → a definite answer (400/403/404/409…) that the use case decides about.
 */
export class JiraHttpError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${operation} answered ${status}: ${summariseBody(body)}`);
    this.name = 'JiraHttpError';
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/**
 * 429 whose `Retry-After` is longer than the client may wait inside this invocation. `scope` says what the 429
 * holds back (`src/domain/rate-limit-hold.ts`): every call of the installation, one endpoint, or one issue's
 * writes; a caller may go on with calls outside it.
 */
export class RateLimitedError extends Error {
  constructor(
    readonly operation: string,
    readonly retryAfterSeconds: number,
    readonly reason: string | undefined,
    readonly scope: RateLimitScope = 'installation',
  ) {
    super(`${operation} rate limited (${reason ?? 'unknown'}); retry after ${retryAfterSeconds}s`);
    this.name = 'RateLimitedError';
  }
}

/** 5xx, network failure or timeout that persisted through the client's retries. */
export class UpstreamError extends Error {
  constructor(
    readonly operation: string,
    readonly problem: string,
  ) {
    super(`${operation} failed upstream: ${problem}`);
    this.name = 'UpstreamError';
  }
}

/** A response body that does not have the shape the app relies on. */
export class UnexpectedResponseError extends Error {
  constructor(
    readonly operation: string,
    readonly problem: string,
  ) {
    super(`${operation} returned an unexpected body: ${problem}`);
    this.name = 'UnexpectedResponseError';
  }
}

/** Jira error bodies never contain more than error texts; still, keep logs short. */
function summariseBody(body: string): string {
  return body.length > 300 ? `${body.slice(0, 300)}…` : body;
}
