import { z } from 'zod';
import {
  JiraHttpError,
  RateLimitedError,
  UnexpectedResponseError,
  UpstreamError,
} from '../../../src/app/ports/jira-errors';
import { QueueError, StorageError } from '../../../src/app/ports/platform-errors';
import { classifyFailure, isItemFailure } from '../../../src/app/shared/failure-class';
import { MessageRenderError } from '../../../src/domain/texts';

const zodError = z.string().safeParse(1).error as z.ZodError;

describe('failure classes: what a work item threw, as the parking rules see it', () => {
  it.each<[string, unknown, { failure: string; code: string }, boolean]>([
    [
      'a 429 longer than the client waits',
      new RateLimitedError('search', 90, 'budget'),
      { failure: 'rateLimited', code: 'search: rate limited' },
      false,
    ],
    [
      'an outage after the retries',
      new UpstreamError('editIssue', 'HTTP 503'),
      { failure: 'transient', code: 'editIssue: HTTP 503' },
      true,
    ],
    [
      'a 409 that outlived the retries',
      new JiraHttpError('doTransition', 409, '{}'),
      { failure: 'transient', code: 'doTransition: HTTP 409' },
      true,
    ],
    [
      'another definite answer',
      new JiraHttpError('getIssue', 403, '{}'),
      { failure: 'definite', code: 'getIssue: HTTP 403' },
      true,
    ],
    [
      'a storage failure',
      new StorageError('set', 'refused'),
      { failure: 'storage', code: 'storage set' },
      true,
    ],
    ['a queue failure', new QueueError('refused'), { failure: 'storage', code: 'queue push' }, true],
    [
      'an unreadable answer',
      new UnexpectedResponseError('getIssue', 'no fields'),
      { failure: 'definite', code: 'getIssue: unreadable answer' },
      true,
    ],
    [
      'a text that does not render',
      new MessageRenderError('clarificationReminder', ['x'], 'unknownPlaceholder'),
      { failure: 'definite', code: 'MessageRenderError' },
      true,
    ],
    ['data breaking a schema', zodError, { failure: 'definite', code: 'ZodError' }, true],
    ['a value of the wrong type', new TypeError('x'), { failure: 'definite', code: 'TypeError' }, true],
    ['a value out of range', new RangeError('x'), { failure: 'definite', code: 'RangeError' }, true],
    ['a defect', new Error('x'), { failure: 'definite', code: 'Error' }, false],
    ['something thrown that is no error', 'boom', { failure: 'definite', code: 'unknown' }, false],
  ])('%s', (_, error, classified, itemFailure) => {
    expect(classifyFailure(error)).toEqual(classified);
    expect(isItemFailure(error)).toBe(itemFailure);
  });
});
