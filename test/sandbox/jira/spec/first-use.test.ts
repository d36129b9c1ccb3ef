import { matchOperation, validateRequest, validateResponse } from '../../../../sandbox/jira/spec';

// Jest gives each test file a fresh module registry, so this measures a cold start: reading the 2.4 MB spec,
// registering its components and compiling one operation's schemas.
it('validates the first request and response of a process well under 2 s', () => {
  const started = performance.now();
  const op = matchOperation('POST', '/rest/api/3/search/jql');
  expect(op).toBeDefined();
  if (!op) return;
  expect(validateRequest(op, { jql: 'project = SD' })).toEqual({ ok: true });
  expect(validateResponse(op, 200, { issues: [], isLast: true })).toEqual({ ok: true });
  expect(performance.now() - started).toBeLessThan(2_000);
});
