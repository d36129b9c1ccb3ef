import { resolverError } from '../../src/entry/resolver-error';
import { JiraHttpError, RateLimitedError, UpstreamError } from '../../src/app/ports/jira-errors';

describe('resolverError: what the UI learns about a failure', () => {
  it('tells a rate limit apart from a slow Jira, with Retry-After, so the UI can say so and retry', () => {
    expect(resolverError(new RateLimitedError('getIssue', 30, 'jira-burst-based'))).toEqual({
      code: 'RATE_LIMITED',
      message: 'Jira rate limit; retry in 30 s',
      retryAfterSeconds: 30,
    });
  });

  it('keeps other Jira failures as UPSTREAM', () => {
    expect(resolverError(new UpstreamError('getIssue', 'timeout')).code).toBe('UPSTREAM');
    expect(resolverError(new JiraHttpError('getIssue', 503, '')).code).toBe('UPSTREAM');
  });
});
