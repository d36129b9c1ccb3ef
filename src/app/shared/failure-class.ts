import { ZodError } from 'zod';
import type { FailureClass } from '../../domain/parking';
import { MessageRenderError } from '../../domain/texts';
import {
  JiraHttpError,
  RateLimitedError,
  UnexpectedResponseError,
  UpstreamError,
} from '../ports/jira-errors';
import { QueueError, StorageError } from '../ports/platform-errors';

/** A failure as the parking rules see it: its class and a short code (operation and status, never data). */
export interface ClassifiedFailure {
  readonly failure: FailureClass;
  readonly code: string;
}

/**
 * Sorts what a work item threw into the classes of `src/domain/parking.ts`. A 409 that outlived the client's
 * retries is a conflict chain, as transient as a 5xx; every other definite Jira answer, an unreadable answer, a
 * rule the item's data breaks and any defect belong to the item.
 */
export function classifyFailure(error: unknown): ClassifiedFailure {
  if (error instanceof RateLimitedError)
    return { failure: 'rateLimited', code: `${error.operation}: rate limited` };
  if (error instanceof UpstreamError)
    return { failure: 'transient', code: `${error.operation}: ${error.problem}` };
  if (error instanceof JiraHttpError)
    return {
      failure: error.isConflict ? 'transient' : 'definite',
      code: `${error.operation}: HTTP ${error.status}`,
    };
  if (error instanceof StorageError) return { failure: 'storage', code: `storage ${error.operation}` };
  if (error instanceof QueueError) return { failure: 'storage', code: 'queue push' };
  if (error instanceof UnexpectedResponseError)
    return { failure: 'definite', code: `${error.operation}: unreadable answer` };
  return { failure: 'definite', code: error instanceof Error ? error.name : 'unknown' };
}

/**
 * Failures that belong to one ticket or work item, which therefore never stop the others: Jira's answers about
 * it, an answer of a shape the app cannot read, its data breaking a rule (a text that does not render, a value
 * of the wrong type), and storage or queue calls made for it. Anything else is a defect of the app.
 */
export function isItemFailure(error: unknown): boolean {
  return (
    error instanceof JiraHttpError ||
    error instanceof UnexpectedResponseError ||
    error instanceof UpstreamError ||
    error instanceof StorageError ||
    error instanceof QueueError ||
    error instanceof MessageRenderError ||
    error instanceof ZodError ||
    error instanceof TypeError ||
    error instanceof RangeError
  );
}
