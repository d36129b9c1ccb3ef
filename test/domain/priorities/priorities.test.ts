import { KINDS } from '../../../src/domain/kinds';
import { PRIORITIES, PRIORITY_CATALOGUE } from '../../../src/domain/priorities/priority-catalogue';
import { priorityMismatch } from '../../../src/domain/priorities/priority-mismatch';

describe('priority catalogue (guide §3.1)', () => {
  it.each([
    ['P1', 'systemAvailability', 'critical', ['nonSoftwareDefect']],
    ['P2', 'systemAvailability', 'critical', ['nonSoftwareDefect']],
    ['P3', 'softwareUsability', 'major', ['softwareDefect', 'nonSoftwareDefect']],
    ['P4', 'softwareUsability', 'minor', ['softwareDefect', 'nonSoftwareDefect']],
  ] as const)('%s: %s, %s, applies to %j', (p, category, severity, kinds) => {
    expect(PRIORITY_CATALOGUE[p]).toMatchObject({ category, severity: { en: severity }, kinds });
    expect(PRIORITY_CATALOGUE[p].meaning.de.length).toBeGreaterThan(20);
  });
});

describe('priorityMismatch', () => {
  it('flags exactly P1/P2 on a Software Defect', () => {
    const mismatches = KINDS.flatMap((kind) =>
      PRIORITIES.filter((p) => priorityMismatch(kind, p)).map((p) => `${kind}/${p}`),
    );
    expect(mismatches).toEqual(['softwareDefect/P1', 'softwareDefect/P2']);
  });

  it('never flags a missing priority or kind', () => {
    expect(priorityMismatch('softwareDefect', undefined)).toBe(false);
    expect(priorityMismatch(undefined, 'P1')).toBe(false);
  });
});
