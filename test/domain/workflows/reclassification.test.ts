import { KINDS, type Kind } from '../../../src/domain/kinds';
import { checkReclassification } from '../../../src/domain/workflows';

/** Allowed type changes from Open (guide §2.2.1, §3), written out by hand. */
const FROM_OPEN: Record<Kind, Kind[]> = {
  incident: ['softwareDefect', 'nonSoftwareDefect'],
  request: ['consultingRequest', 'supportRequest', 'customisation', 'suggestion'],
  softwareDefect: ['nonSoftwareDefect', 'consultingRequest', 'supportRequest', 'customisation', 'suggestion'],
  nonSoftwareDefect: [],
  consultingRequest: [],
  supportRequest: [],
  customisation: [],
  suggestion: [],
  delivery: [],
};

describe('checkReclassification', () => {
  it.each(KINDS)('from %s in Open', (from) => {
    const allowed = KINDS.filter((to) => to !== from && checkReclassification(from, to, 'open').allowed);
    expect(allowed).toEqual(FROM_OPEN[from]);
  });

  it('keeping the type is no change', () => {
    expect(checkReclassification('suggestion', 'suggestion', 'resolved')).toEqual({ allowed: true });
  });

  it.each([
    ['incident', 'delivery'],
    ['delivery', 'request'],
    ['softwareDefect', 'delivery'],
  ] as const)('never converts %s to %s', (from, to) => {
    expect(checkReclassification(from, to, 'open')).toMatchObject({
      allowed: false,
      reason: { en: expect.stringContaining('Delivery tickets') },
    });
  });

  it('re-types a Software Defect in Progress only while the status exists in the new type', () => {
    expect(checkReclassification('softwareDefect', 'nonSoftwareDefect', 'inProgress').allowed).toBe(true);
    expect(checkReclassification('softwareDefect', 'supportRequest', 'inProgress').allowed).toBe(false);
    expect(checkReclassification('softwareDefect', 'supportRequest', 'clarification').allowed).toBe(true);
    expect(checkReclassification('softwareDefect', 'suggestion', 'clarification').allowed).toBe(false);
  });

  it.each(['resolved', 'closed'] as const)('refuses a Software Defect that is already %s', (status) => {
    expect(checkReclassification('softwareDefect', 'nonSoftwareDefect', status)).toMatchObject({
      allowed: false,
      reason: { en: 'A ticket can only change its type before it is resolved.' },
    });
  });

  it('refuses sending a classified ticket back to a portal type', () => {
    expect(checkReclassification('softwareDefect', 'incident', 'open').allowed).toBe(false);
  });
});
