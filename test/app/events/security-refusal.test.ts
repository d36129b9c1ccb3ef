import { isSecurityRefusal } from '../../../src/app/events/security-refusal';
import { JiraHttpError } from '../../../src/app/ports/jira-errors';

const refusal = (status: number, body: unknown) =>
  new JiraHttpError('editIssue', status, typeof body === 'string' ? body : JSON.stringify(body));

describe('security refusal: Jira refused to let the app set the security level', () => {
  const rows: [string, unknown, boolean][] = [
    ['403 from the permission scheme', refusal(403, ''), true],
    [
      '400 with an errors.security entry',
      refusal(400, { errors: { security: 'Field cannot be set.' } }),
      true,
    ],
    ['400 naming another field', refusal(400, { errors: { summary: 'required' } }), false],
    ['400 without errors', refusal(400, { errorMessages: ['bad'] }), false],
    ['400 whose security entry is no text', refusal(400, { errors: { security: { reason: 'x' } } }), false],
    ['400 whose body is no JSON', refusal(400, '<html>Bad Request</html>'), false],
    ['400 whose body is JSON null', refusal(400, 'null'), false],
    ['500 with an errors.security entry', refusal(500, { errors: { security: 'x' } }), false],
    ['401', refusal(401, { errors: { security: 'x' } }), false],
    ['another error with status 403', Object.assign(new Error('forbidden'), { status: 403 }), false],
    ['no error at all', undefined, false],
  ];
  it.each(rows)('%s: %s', (_name, error, expected) => {
    expect(isSecurityRefusal(error)).toBe(expected);
  });
});
