import { errorCode } from '../../../src/app/events/error-code';
import { JiraHttpError } from '../../../src/app/ports/jira-errors';

describe('error code: a short log code that never carries the error message', () => {
  it('names the HTTP status of a Jira answer, not the body it returned', () => {
    expect(errorCode(new JiraHttpError('edit issue', 404, 'Issue SUP-1 "secret summary" not found'))).toBe(
      'HTTP 404',
    );
  });

  it('names the class of any other error, not its message', () => {
    expect(errorCode(new TypeError('cannot read summary of ticket'))).toBe('TypeError');
  });

  it.each([['a thrown string'], [null], [{ message: 'looks like an error' }]])(
    'calls a thrown non-error (%p) unknown',
    (thrown) => {
      expect(errorCode(thrown)).toBe('unknown');
    },
  );
});
