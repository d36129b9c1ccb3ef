import { COMMERCIAL_CLASS, commercialClass } from '../../../src/domain/commercial';
import { defaultConfig } from '../../../src/domain/config';
import { KINDS } from '../../../src/domain/kinds';
import { nextEscalationLevel } from '../../../src/domain/service';

describe('escalation ladder (guide §4)', () => {
  it.each([
    [undefined, 'Personal support contact'],
    [1, 'Support team lead (International / DACH)'],
    [2, 'Head of Support'],
    [3, 'Head of Customer Services'],
    [4, 'Board'],
    [5, undefined],
  ])('after level %s comes %s', (current, label) => {
    expect(nextEscalationLevel(defaultConfig, current)?.label.en).toBe(label);
  });
});

describe('commercial class (PROCESS.md §8)', () => {
  it('classifies every kind', () => {
    expect(Object.fromEntries(KINDS.map((k) => [k, commercialClass(k)]))).toEqual({
      incident: 'undetermined',
      request: 'undetermined',
      softwareDefect: 'contract',
      nonSoftwareDefect: 'contract',
      consultingRequest: 'chargeable',
      supportRequest: 'contract',
      customisation: 'quoted',
      suggestion: 'contract',
      delivery: 'internal',
    });
    expect(Object.keys(COMMERCIAL_CLASS).sort()).toEqual([...KINDS].sort());
  });
});
