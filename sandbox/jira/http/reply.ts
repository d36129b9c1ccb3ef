/** A response before serialisation: status, JSON body (undefined = empty), extra headers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * What an operation handler returns. Reads carry their reply; writes carry a `commit` that applies the change,
 * emits its events and produces the reply. The site charges the rate limiter between the two, so a request
 * refused with 429 has changed nothing.
 */
export interface Outcome {
  reply?: Reply;
  commit?: () => Reply;
  /** Objects returned (issues, comments, …) for the points-based rate limit. */
  objects: number;
  /** Identity and access objects returned or evaluated (users, permission grants per project), 2 points each. */
  accessObjects?: number;
  /** The issue written to, for the per-issue write limit. */
  issueKey?: string;
}

/** Thrown by handlers for any non-2xx answer; the site turns it into the reply. */
export class HttpError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

/** Platform `ErrorCollection`: `{"errorMessages":[…],"errors":{…}}`. */
export function platformError(
  status: number,
  errorMessages: string[],
  errors: Record<string, string> = {},
): HttpError {
  return new HttpError({ status, body: { errorMessages, errors } });
}

/** JSM `ErrorResponse`: `{"errorMessage":"…","i18nErrorMessage":{"i18nKey":"…","parameters":[]}}`. */
export function serviceDeskError(status: number, errorMessage: string, i18nKey: string): HttpError {
  return new HttpError({ status, body: { errorMessage, i18nErrorMessage: { i18nKey, parameters: [] } } });
}

/** Jira answers 404 both for a missing issue and for one the caller may not browse (no existence leak). */
export function issueNotFound(): HttpError {
  return platformError(404, ['Issue does not exist or you do not have permission to see it.']);
}
