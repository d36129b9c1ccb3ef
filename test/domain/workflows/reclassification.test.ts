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

describe('checkReclassification: the reason given, in both languages', () => {
  it.each([
    [
      'delivery',
      'incident',
      'open',
      'Delivery tickets are created by support and never converted from or to a customer ticket.',
      'Delivery-Tickets werden vom Support angelegt und nie aus Kundentickets umgewandelt oder in solche.',
    ],
    [
      'incident',
      'supportRequest',
      'open',
      'This type change is not part of the reclassification rules.',
      'Dieser Typwechsel ist in den Regeln zur Umklassifizierung nicht vorgesehen.',
    ],
    [
      'softwareDefect',
      'nonSoftwareDefect',
      'closed',
      'A ticket can only change its type before it is resolved.',
      'Der Tickettyp kann nur vor der Lösung geändert werden.',
    ],
    [
      'softwareDefect',
      'supportRequest',
      'deliveryPending',
      'The new ticket type has no such status; move the ticket to a status both types share first.',
      'Der neue Tickettyp kennt diesen Status nicht; setzen Sie das Ticket zuerst in einen Status, den beide Typen kennen.',
    ],
  ] as const)('%s → %s in %s', (from, to, status, en, de) => {
    expect(checkReclassification(from, to, status)).toEqual({ allowed: false, reason: { en, de } });
  });
});
