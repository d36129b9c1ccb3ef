import { matchOperation } from '../../../../sandbox/jira/spec';

describe('matchOperation', () => {
  it.each([
    ['GET', '/rest/api/3/issue/SD-1', 'getIssue', '/rest/api/3/issue/{issueIdOrKey}'],
    ['POST', '/rest/api/3/issue/bulkfetch', 'bulkFetchIssues', '/rest/api/3/issue/bulkfetch'],
    ['PUT', '/rest/api/3/issue/SD-1', 'editIssue', '/rest/api/3/issue/{issueIdOrKey}'],
    [
      'POST',
      '/rest/api/3/issue/SD-1/transitions',
      'doTransition',
      '/rest/api/3/issue/{issueIdOrKey}/transitions',
    ],
    [
      'GET',
      '/rest/api/3/search/jql?jql=project%3DSD',
      'searchAndReconsileIssuesUsingJql',
      '/rest/api/3/search/jql',
    ],
    ['POST', '/rest/api/3/search/jql', 'searchAndReconsileIssuesUsingJqlPost', '/rest/api/3/search/jql'],
    [
      'PUT',
      '/rest/api/3/issue/SD-1/properties/jsm-process-state',
      'setIssueProperty',
      '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    ],
    // Literal `properties` in the second-to-last segment beats `{issueIdOrKey}`.
    [
      'PUT',
      '/rest/api/3/issue/properties/some.key',
      'bulkSetIssueProperty',
      '/rest/api/3/issue/properties/{propertyKey}',
    ],
    [
      'POST',
      '/rest/servicedeskapi/request/SD-1/comment',
      'createRequestComment',
      '/rest/servicedeskapi/request/{issueIdOrKey}/comment',
    ],
  ])('%s %s → %s', (method, path, operationId, pathTemplate) => {
    expect(matchOperation(method, path)).toMatchObject({ operationId, pathTemplate });
  });

  it('reports the API, decoded path parameters and the parsed query', () => {
    expect(
      matchOperation('get', '/rest/api/3/issue/SD%2D7?fields=summary&fields=status&expand=names'),
    ).toEqual({
      operationId: 'getIssue',
      api: 'platform',
      pathTemplate: '/rest/api/3/issue/{issueIdOrKey}',
      pathParams: { issueIdOrKey: 'SD-7' },
      query: { fields: ['summary', 'status'], expand: 'names' },
    });
    expect(matchOperation('POST', '/rest/servicedeskapi/request/SD-1/comment')?.api).toBe('servicedesk');
  });

  it('returns undefined for unknown paths and methods', () => {
    expect(matchOperation('GET', '/rest/api/3/nothing/here')).toBeUndefined();
    expect(matchOperation('PATCH', '/rest/api/3/issue/SD-1')).toBeUndefined();
  });
});
