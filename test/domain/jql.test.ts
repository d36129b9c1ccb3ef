import { customFieldClause, EMAIL_CHANNEL_CLAUSE, jqlString } from '../../src/domain/jql';

describe('JQL building blocks', () => {
  it.each([
    { value: 'ACME', literal: '"ACME"' },
    { value: 'Say "Hi"', literal: '"Say \\"Hi\\""' },
    { value: 'a\\b', literal: '"a\\\\b"' },
    { value: 'a\\b\\c', literal: '"a\\\\b\\\\c"' },
    { value: 'say "a" or "b"', literal: '"say \\"a\\" or \\"b\\""' },
    { value: '\\"', literal: '"\\\\\\""' },
    { value: 'x\\"y\\"', literal: '"x\\\\\\"y\\\\\\""' },
    { value: '', literal: '""' },
  ])('$value is the JQL string $literal', ({ value, literal }) => {
    expect(jqlString(value)).toBe(literal);
  });

  it.each([
    { fieldId: 'customfield_10002', clause: 'cf[10002]' },
    { fieldId: 'organizations', clause: undefined },
    { fieldId: 'customfield_', clause: undefined },
    { fieldId: 'customfield_10002x', clause: undefined },
    { fieldId: 'x_customfield_10002', clause: undefined },
  ])('custom field $fieldId is named in JQL as $clause', ({ fieldId, clause }) => {
    expect(customFieldClause(fieldId)).toBe(clause);
  });

  it("names JSM's e-mail channel clause", () => {
    expect(EMAIL_CHANNEL_CLAUSE).toBe('"request-channel-type" = email');
  });
});
