import {
  JiraHttpError,
  RateLimitedError,
  UnexpectedResponseError,
  UpstreamError,
} from '../app/ports/jira-errors';
import { NotJiraAdminError } from '../app/admin/admin-access';
import { InvalidPayloadError } from '../app/admin/invalid-payload-error';
import { NotAgentError } from '../app/panel/not-agent-error';
import { TicketNotFoundError } from '../app/panel/ticket-not-found-error';
import type { ResolverError } from '../contract/resolvers';

/**
 * Maps the app's typed failures to the contract's `{ error }` (Forge turns a thrown error into an opaque
 * rejection). Messages carry codes and keys only, never personal data.
 */
export function resolverError(error: unknown): ResolverError {
  if (error instanceof NotJiraAdminError || error instanceof NotAgentError)
    return { code: 'FORBIDDEN', message: error.message };
  if (error instanceof InvalidPayloadError) return { code: 'INVALID', message: error.message };
  if (error instanceof TicketNotFoundError) return { code: 'NOT_FOUND', message: error.message };
  if (error instanceof RateLimitedError)
    return {
      code: 'RATE_LIMITED',
      message: `Jira rate limit; retry in ${error.retryAfterSeconds} s`,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  if (error instanceof UpstreamError || error instanceof UnexpectedResponseError) {
    return { code: 'UPSTREAM', message: `Jira did not answer ${error.operation} properly` };
  }
  if (error instanceof JiraHttpError)
    return { code: 'UPSTREAM', message: `Jira answered ${error.status} to ${error.operation}` };
  return { code: 'INTERNAL', message: 'unexpected error; see the app logs' };
}
