import { commercialClass } from '../../src/domain/commercial-class';
import { KINDS } from '../../src/domain/kinds';

describe('commercialClass (guide §3.1.1, §3.2; PROCESS.md §8)', () => {
  // Written by hand, independent of the code's table.
  const expected = {
    incident: 'covered',
    request: 'covered',
    softwareDefect: 'covered',
    nonSoftwareDefect: 'covered',
    supportRequest: 'covered',
    suggestion: 'covered',
    consultingRequest: 'chargeable',
    customisation: 'quoted',
    delivery: 'covered',
  } as const;
  it.each(KINDS.map((kind) => [kind, expected[kind]]))('%s is %s', (kind, billing) => {
    expect(commercialClass(kind)).toBe(billing);
  });
});
