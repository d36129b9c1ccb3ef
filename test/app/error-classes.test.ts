import { InvalidPayloadError, issueLines } from '../../src/app/admin/invalid-payload-error';
import { NotAgentError } from '../../src/app/panel/not-agent-error';
import { TicketNotFoundError } from '../../src/app/panel/ticket-not-found-error';
import { NotVisibleToUserError } from '../../src/app/portal/not-visible-error';
import {
  JiraHttpError,
  RateLimitedError,
  UnexpectedResponseError,
  UpstreamError,
} from '../../src/app/ports/jira-errors';
import { QueueError, StorageError } from '../../src/app/ports/platform-errors';

/**
 * The app's typed failures. Their `name` is the code that logs, audit entries and parked items carry (never the
 * message, which may hold a Jira answer), and their message is what a log line says of the failure.
 */
describe('typed failures', () => {
  it.each<[Error, string, string]>([
    [new JiraHttpError('getIssue', 404, '{}'), 'JiraHttpError', 'getIssue answered 404: {}'],
    [
      new RateLimitedError('searchJql', 120, 'jira-burst-based', 'endpoint'),
      'RateLimitedError',
      'searchJql rate limited (jira-burst-based); retry after 120s',
    ],
    [
      new RateLimitedError('editIssue', 30, undefined),
      'RateLimitedError',
      'editIssue rate limited (unknown); retry after 30s',
    ],
    [new UpstreamError('editIssue', 'timeout'), 'UpstreamError', 'editIssue failed upstream: timeout'],
    [
      new UnexpectedResponseError('getIssue', 'fields: Required'),
      'UnexpectedResponseError',
      'getIssue returned an unexpected body: fields: Required',
    ],
    [new StorageError('set', 'ECONNRESET'), 'StorageError', 'storage set failed: ECONNRESET'],
    [new QueueError('partial push'), 'QueueError', 'queue push failed: partial push'],
    [
      new InvalidPayloadError(['issueKey: Required', 'language: Invalid enum value']),
      'InvalidPayloadError',
      'invalid payload: issueKey: Required; language: Invalid enum value',
    ],
    [new NotAgentError(), 'NotAgentError', 'only agents of the project may open the process panel'],
    [
      new TicketNotFoundError('SUP-12'),
      'TicketNotFoundError',
      'ticket SUP-12 not found or not visible to the user',
    ],
    [
      new NotVisibleToUserError(),
      'NotVisibleToUserError',
      'the request is not visible to the user in the portal',
    ],
  ])('%s is named by its class and says what failed', (error, name, message) => {
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.message).toBe(message);
  });

  it('a rate limit holds back every call of the installation unless told otherwise', () => {
    expect(new RateLimitedError('getIssue', 5, undefined).scope).toBe('installation');
    expect(new RateLimitedError('editIssue', 5, 'jira-per-issue-on-write', 'issue').scope).toBe('issue');
  });
});

describe('JiraHttpError', () => {
  it.each([
    [409, true, false],
    [404, false, true],
    [400, false, false],
    [403, false, false],
  ])('answer %i: conflict %s, not found %s', (status, conflict, notFound) => {
    const error = new JiraHttpError('editIssue', status, '{}');
    expect(error.isConflict).toBe(conflict);
    expect(error.isNotFound).toBe(notFound);
  });

  it('keeps the whole body for the use case and at most 300 characters of it in the message', () => {
    const exact = 'x'.repeat(300);
    expect(new JiraHttpError('op', 400, exact).message).toBe(`op answered 400: ${exact}`);
    const long = `${'y'.repeat(300)}z`;
    const error = new JiraHttpError('op', 400, long);
    expect(error.message).toBe(`op answered 400: ${'y'.repeat(300)}…`);
    expect(error.body).toBe(long);
  });
});

describe('issueLines', () => {
  it('names each problem by its payload path, and the payload itself for a problem of the whole', () => {
    expect(
      issueLines([
        { path: ['rows', 2, 'name'], message: 'Required' },
        { path: [], message: 'Expected object, received string' },
      ]),
    ).toEqual(['rows.2.name: Required', '(payload): Expected object, received string']);
  });
});
