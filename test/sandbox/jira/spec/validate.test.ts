import {
  matchOperation,
  SpecViolationError,
  validateRequest,
  validateResponse,
  type MatchedOperation,
} from '../../../../sandbox/jira/spec';

function op(method: string, path: string): MatchedOperation {
  const matched = matchOperation(method, path);
  if (!matched) throw new Error(`no operation for ${method} ${path}`);
  return matched;
}

const errorsOf = (r: { ok: true } | { ok: false; errors: string[] }): string[] => (r.ok ? [] : r.errors);

describe('validateRequest', () => {
  it('accepts a valid search/jql GET with coerced query parameters', () => {
    const search = op(
      'GET',
      '/rest/api/3/search/jql?jql=project%3DSD&maxResults=100&fields=summary,status&reconcileIssues=10001,10002&fieldsByKeys=true',
    );
    expect(validateRequest(search, undefined)).toEqual({ ok: true });
  });

  it('rejects a non-numeric maxResults and a non-numeric reconcile id', () => {
    const search = op('GET', '/rest/api/3/search/jql?jql=x&maxResults=many&reconcileIssues=10001,abc');
    expect(errorsOf(validateRequest(search, undefined))).toEqual([
      'searchAndReconsileIssuesUsingJql query parameter maxResults: must be integer (schema #/parameters/2/schema/type)',
      'searchAndReconsileIssuesUsingJql query parameter reconcileIssues: /1 must be integer (schema #/parameters/8/schema/items/type)',
    ]);
  });

  it('validates the POST search body', () => {
    const search = op('POST', '/rest/api/3/search/jql');
    expect(validateRequest(search, { jql: 'project = SD', fields: ['summary'], maxResults: 50 })).toEqual({
      ok: true,
    });
    expect(errorsOf(validateRequest(search, { jql: 'project = SD', fields: 'summary' }))).toEqual([
      'searchAndReconsileIssuesUsingJqlPost request body: /fields must be array (schema #/components/schemas/SearchAndReconcileRequestBean/properties/fields/type)',
    ]);
  });

  it('checks doTransition bodies down to the transition id type', () => {
    const transition = op('POST', '/rest/api/3/issue/SD-1/transitions');
    expect(
      validateRequest(transition, { transition: { id: '31' }, properties: [{ key: 'k', value: { a: 1 } }] }),
    ).toEqual({ ok: true });
    expect(errorsOf(validateRequest(transition, { transition: { id: 31 } }))).toEqual([
      'doTransition request body: /transition/id must be string (schema #/components/schemas/IssueTransition/properties/id/type)',
    ]);
    expect(errorsOf(validateRequest(transition, undefined))).toEqual([
      'doTransition request body: required but missing',
    ]);
  });

  it('checks editIssue bodies and boolean query parameters', () => {
    expect(
      validateRequest(op('PUT', '/rest/api/3/issue/SD-1?notifyUsers=false'), { fields: { summary: 'x' } }),
    ).toEqual({
      ok: true,
    });
    const errors = errorsOf(
      validateRequest(op('PUT', '/rest/api/3/issue/SD-1?notifyUsers=maybe'), { update: { labels: 'x' } }),
    );
    expect(errors[0]).toBe(
      'editIssue query parameter notifyUsers: must be boolean (schema #/parameters/1/schema/type)',
    );
    expect(errors[1]).toMatch(
      /^editIssue request body: \/update\/labels must be array \(schema #\/components\/schemas\/IssueUpdateDetails\//,
    );
  });

  it('checks addComment visibility against its enum', () => {
    const add = op('POST', '/rest/api/3/issue/SD-1/comment');
    const body = { type: 'doc', version: 1, content: [] };
    expect(validateRequest(add, { body, visibility: { type: 'role', value: 'Service Desk Team' } })).toEqual({
      ok: true,
    });
    expect(errorsOf(validateRequest(add, { body, visibility: { type: 'team', value: 'x' } }))).toEqual([
      'addComment request body: /visibility/type must be equal to one of the allowed values ["group","role"] (schema #/components/schemas/Visibility/properties/type/enum)',
    ]);
  });

  it('enforces additionalProperties: false on the JSM createRequestComment body', () => {
    const create = op('POST', '/rest/servicedeskapi/request/SD-1/comment');
    expect(validateRequest(create, { body: 'Hello', public: true })).toEqual({ ok: true });
    expect(errorsOf(validateRequest(create, { body: 'Hello', public: 'yes', internal: true }))).toEqual([
      "createRequestComment request body: must NOT have additional properties 'internal' (schema #/components/schemas/CommentCreateDTO/additionalProperties)",
      'createRequestComment request body: /public must be boolean (schema #/components/schemas/CommentCreateDTO/properties/public/type)',
    ]);
  });
});

describe('validateResponse', () => {
  const search = () => op('POST', '/rest/api/3/search/jql');

  it('accepts a search page with Jira-style timestamps and nullable fields', () => {
    const page = {
      issues: [
        { id: '10001', key: 'SD-1', fields: { created: '2026-11-27T10:00:00.000+0000', resolution: null } },
      ],
      isLast: true,
    };
    expect(validateResponse(search(), 200, page)).toEqual({ ok: true });
  });

  it('rejects a search page with a numeric issue id or a missing body', () => {
    expect(errorsOf(validateResponse(search(), 200, { issues: [{ id: 10001 }], isLast: true }))).toEqual([
      'searchAndReconsileIssuesUsingJqlPost response 200: /issues/0/id must be string (schema #/components/schemas/IssueBean/properties/id/type)',
    ]);
    expect(errorsOf(validateResponse(search(), 200, undefined))).toEqual([
      'searchAndReconsileIssuesUsingJqlPost response 200: JSON body missing',
    ]);
  });

  it('knows which statuses an operation documents', () => {
    const transition = op('POST', '/rest/api/3/issue/SD-1/transitions');
    expect(validateResponse(transition, 204, undefined)).toEqual({ ok: true });
    expect(errorsOf(validateResponse(transition, 201, {}))[0]).toMatch(
      /^doTransition response: status 201 is not documented \(204, 400/,
    );
    expect(validateResponse(transition, 429, undefined)).toEqual({ ok: true });
  });

  it('validates JSM comment responses strictly', () => {
    const create = op('POST', '/rest/servicedeskapi/request/SD-1/comment');
    expect(validateResponse(create, 201, { id: '1000', body: 'Hello', public: true })).toEqual({ ok: true });
    expect(errorsOf(validateResponse(create, 201, { id: 1000, body: 'Hello', public: true }))).toEqual([
      'createRequestComment response 201: /id must be string (schema #/components/schemas/CommentDTO/properties/id/type)',
    ]);
  });
});

describe('validateResponse: own properties only', () => {
  it('a changelog item whose cleared side is left out is valid (not judged by Object.prototype.toString)', () => {
    const search = op('POST', '/rest/api/3/search/jql');
    const item = {
      field: 'resolution',
      fieldtype: 'jira',
      fieldId: 'resolution',
      from: '10000',
      fromString: 'Done',
    };
    const issue = { id: '10001', key: 'SD-1', changelog: { histories: [{ id: '1', items: [item] }] } };
    expect(validateResponse(search, 200, { issues: [issue], isLast: true })).toEqual({ ok: true });
    const wrong = { ...issue, changelog: { histories: [{ id: '1', items: [{ ...item, toString: 42 }] }] } };
    expect(validateResponse(search, 200, { issues: [wrong], isLast: true }).ok).toBe(false);
  });
});

describe('SpecViolationError', () => {
  it('keeps the individual errors', () => {
    const error = new SpecViolationError(['a', 'b']);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('a; b');
    expect(error.errors).toEqual(['a', 'b']);
  });
});
