import { matchOperation, validateRequest, validateResponse } from '../../../../sandbox/jira/spec';

// Jest gives each test file a fresh module registry, so this is a cold start: reading the spec, registering its
// components and compiling one operation's schemas. Its duration is measured by `npm run bench` (setup section).
it('validates the first request and response of a fresh process', () => {
  const op = matchOperation('POST', '/rest/api/3/search/jql');
  expect(op).toBeDefined();
  if (!op) return;
  expect(validateRequest(op, { jql: 'project = SD' })).toEqual({ ok: true });
  expect(validateResponse(op, 200, { issues: [], isLast: true })).toEqual({ ok: true });
  expect(validateRequest(op, { jql: 42 }).ok).toBe(false);
});
