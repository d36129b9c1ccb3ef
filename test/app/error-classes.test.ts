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
  // Each failure is made inside its test, so its constructor runs there.
  it.each<[string, () => Error, string]>([
    ['JiraHttpError', () => new JiraHttpError('getIssue', 404, '{}'), 'getIssue answered 404: {}'],
    [
      'RateLimitedError',
      () => new RateLimitedError('searchJql', 120, 'jira-burst-based', 'endpoint'),
      'searchJql rate limited (jira-burst-based); retry after 120s',
    ],
    [
      'RateLimitedError',
      () => new RateLimitedError('editIssue', 30, undefined),
      'editIssue rate limited (unknown); retry after 30s',
    ],
    ['UpstreamError', () => new UpstreamError('editIssue', 'timeout'), 'editIssue failed upstream: timeout'],
    [
      'UnexpectedResponseError',
      () => new UnexpectedResponseError('getIssue', 'fields: Required'),
      'getIssue returned an unexpected body: fields: Required',
    ],
    ['StorageError', () => new StorageError('set', 'ECONNRESET'), 'storage set failed: ECONNRESET'],
    ['QueueError', () => new QueueError('partial push'), 'queue push failed: partial push'],
    [
      'InvalidPayloadError',
      () => new InvalidPayloadError(['issueKey: Required', 'language: Invalid enum value']),
      'invalid payload: issueKey: Required; language: Invalid enum value',
    ],
    ['NotAgentError', () => new NotAgentError(), 'only agents of the project may open the process panel'],
    [
      'TicketNotFoundError',
      () => new TicketNotFoundError('SUP-12'),
      'ticket SUP-12 not found or not visible to the user',
    ],
    [
      'NotVisibleToUserError',
      () => new NotVisibleToUserError(),
      'the request is not visible to the user in the portal',
    ],
  ])('%s is named by its class and says what failed', (name, make, message) => {
    const error = make();
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
