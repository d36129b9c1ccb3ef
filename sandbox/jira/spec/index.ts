/**
 * OpenAPI contract checks for the local Jira site: every request the app makes and every response the simulator
 * gives is checked against Atlassian's official specs (`sandbox/specs`, source and sha256 in its README), so the app cannot rely on
 * behaviour real Jira would reject.
 *
 * Usage (simulator core):
 * ```ts
 * const op = matchOperation(req.method, req.path);          // undefined → 404 (no such endpoint)
 * const check = validateRequest(op, parsedBody);            // {ok:false} → 400 with the errors
 * const out = validateResponse(op, status, responseBody);   // {ok:false} → simulator bug: throw SpecViolationError
 * ```
 * Specs are read once per process; each operation's schemas are compiled by ajv on first use and cached.
 */
export { matchOperation, type MatchedOperation } from './path-matcher';
export { validateRequest, validateResponse } from './validate';
export { specFile, specsDir, type ApiName } from './spec-files';
export { operationKey } from './operation-key';

/** The simulator produced (or was asked for) something the official spec does not allow. */
export class SpecViolationError extends Error {
  readonly errors: string[];

  /** Accepts one message or the `errors` of a failed validation. */
  constructor(messageOrErrors: string | string[]) {
    const errors = Array.isArray(messageOrErrors) ? messageOrErrors : [messageOrErrors];
    super(errors.join('; '));
    this.name = 'SpecViolationError';
    this.errors = errors;
  }
}
