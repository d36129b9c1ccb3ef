import { KINDS, type Kind } from '../../../src/domain/kinds';
import { STATUSES } from '../../../src/domain/statuses';
import { allowedTargets, checkStatusChange } from '../../../src/domain/workflows';
import { WORKFLOWS } from '../../../src/domain/workflows/workflow-table';

/** The guide's table (§3), written out by hand: every allowed change between two different statuses. */
const EXPECTED: Record<Kind, string[]> = {
  incident: ['open>clarification', 'clarification>open', 'clarification>closed'],
  request: ['open>clarification', 'clarification>open', 'clarification>closed'],
  softwareDefect: [
    'open>inProgress',
    'inProgress>deliveryPending',
    'deliveryPending>resolved',
    'open>resolved',
    'inProgress>resolved',
    'resolved>closed',
    'open>clarification',
    'inProgress>clarification',
    'deliveryPending>clarification',
    'clarification>open',
    'clarification>inProgress',
    'clarification>deliveryPending',
    'clarification>closed',
  ],
  nonSoftwareDefect: [
    'open>inProgress',
    'inProgress>resolved',
    'open>resolved',
    'resolved>closed',
    'open>clarification',
    'inProgress>clarification',
    'clarification>open',
    'clarification>inProgress',
    'clarification>closed',
  ],
  consultingRequest: [
    'open>inProgress',
    'inProgress>deliveryPending',
    'deliveryPending>resolved',
    'open>resolved',
    'inProgress>resolved',
    'resolved>closed',
    'open>clarification',
    'inProgress>clarification',
    'deliveryPending>clarification',
    'clarification>open',
    'clarification>inProgress',
    'clarification>deliveryPending',
    'clarification>closed',
  ],
  supportRequest: [
    'open>resolved',
    'resolved>closed',
    'open>clarification',
    'clarification>open',
    'clarification>closed',
  ],
  customisation: [
    'open>estimationInProgress',
    'estimationInProgress>estimationAvailable',
    'estimationAvailable>ordered',
    'ordered>inProgress',
    'inProgress>deliveryPending',
    'deliveryPending>closed',
    'estimationAvailable>closed',
    'open>clarification',
    'estimationInProgress>clarification',
    'estimationAvailable>clarification',
    'ordered>clarification',
    'inProgress>clarification',
    'deliveryPending>clarification',
    'clarification>open',
    'clarification>estimationInProgress',
    'clarification>estimationAvailable',
    'clarification>ordered',
    'clarification>inProgress',
    'clarification>deliveryPending',
    'clarification>closed',
  ],
  suggestion: ['open>resolved', 'resolved>closed'],
  delivery: [
    'planned>delivered',
    'planned>stageInstallationCompleted',
    'stageInstallationCompleted>installationCompleted',
    'planned>installationCompleted',
  ],
};

describe('checkStatusChange: every kind × from × to against the guide table', () => {
  it.each(KINDS)('%s', (kind) => {
    const allowed: string[] = [];
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        if (from !== to && checkStatusChange(kind, from, to).allowed) allowed.push(`${from}>${to}`);
      }
    }
    expect(allowed.sort()).toEqual([...EXPECTED[kind]].sort());
  });

  it.each(KINDS)('%s: staying in a status is allowed exactly for its own statuses', (kind) => {
    const statuses: readonly string[] = WORKFLOWS[kind].statuses;
    for (const status of STATUSES) {
      expect(checkStatusChange(kind, status, status).allowed).toBe(statuses.includes(status));
    }
  });
});

describe('checkStatusChange with context', () => {
  it('returns from Clarification to the status it came from', () => {
    const ctx = { previousWorkingStatus: 'estimationAvailable' as const };
    expect(checkStatusChange('customisation', 'clarification', 'estimationAvailable', ctx).allowed).toBe(
      true,
    );
  });

  it('returns from Clarification to In Progress whatever it came from', () => {
    expect(
      checkStatusChange('customisation', 'clarification', 'inProgress', { previousWorkingStatus: 'ordered' })
        .allowed,
    ).toBe(true);
  });

  it('refuses a return from Clarification to a third working status, with a reason in both languages', () => {
    const verdict = checkStatusChange('customisation', 'clarification', 'deliveryPending', {
      previousWorkingStatus: 'ordered',
    });
    expect(verdict).toEqual({
      allowed: false,
      reason: {
        en: 'After Clarification the ticket returns to the status it came from or to In Progress.',
        de: 'Nach einer Rückfrage kehrt das Ticket in seinen vorherigen Status oder nach In Progress zurück.',
      },
    });
  });

  it('lets Clarification of a Support Request (no In Progress) return only to Open', () => {
    expect(allowedTargets('supportRequest', 'clarification', { previousWorkingStatus: 'open' })).toEqual([
      'open',
      'closed',
    ]);
  });

  it('lets the customer close a ticket that waits for them, and nothing else', () => {
    const byCustomer = { byCustomer: true };
    // Every kind × from × to a customer may move, written out by hand: closes from the waiting statuses.
    const expected = new Set([
      'softwareDefect resolved closed',
      'softwareDefect clarification closed',
      'nonSoftwareDefect resolved closed',
      'nonSoftwareDefect clarification closed',
      'consultingRequest resolved closed',
      'consultingRequest clarification closed',
      'supportRequest resolved closed',
      'supportRequest clarification closed',
      'customisation clarification closed',
      'customisation estimationAvailable closed',
      'suggestion resolved closed',
      'incident clarification closed',
      'request clarification closed',
    ]);
    const allowed = KINDS.flatMap((kind) =>
      STATUSES.flatMap((from) =>
        STATUSES.filter((to) => to !== from && checkStatusChange(kind, from, to, byCustomer).allowed).map(
          (to) => `${kind} ${from} ${to}`,
        ),
      ),
    );
    expect(new Set(allowed)).toEqual(expected);
    expect(checkStatusChange('softwareDefect', 'open', 'resolved', byCustomer)).toMatchObject({
      allowed: false,
      reason: { en: expect.stringContaining('Customers can only close a ticket that waits for them') },
    });
    // An agent's move is judged by the workflow alone: Open → Resolved is a step of the defect's path.
    expect(checkStatusChange('softwareDefect', 'open', 'resolved').allowed).toBe(true);
  });

  it('refuses statuses a kind does not have', () => {
    expect(checkStatusChange('delivery', 'open', 'planned')).toMatchObject({ allowed: false });
    expect(checkStatusChange('suggestion', 'open', 'clarification')).toMatchObject({
      allowed: false,
      reason: { en: 'This ticket type has no such status.' },
    });
  });
});

describe('checkStatusChange: the reason of every refusal, in both languages', () => {
  it.each([
    {
      change: ['suggestion', 'open', 'clarification', {}] as const,
      en: 'This ticket type has no such status.',
      de: 'Dieser Tickettyp hat keinen solchen Status.',
    },
    {
      change: ['softwareDefect', 'resolved', 'clarification', {}] as const,
      en: 'Clarification can only be entered from a working status.',
      de: 'Eine Rückfrage ist nur aus einem Bearbeitungsstatus möglich.',
    },
    {
      change: ['softwareDefect', 'open', 'deliveryPending', {}] as const,
      en: 'This step is not part of the workflow of this ticket type.',
      de: 'Dieser Schritt ist im Workflow dieses Tickettyps nicht vorgesehen.',
    },
    {
      change: ['softwareDefect', 'inProgress', 'closed', { byCustomer: true }] as const,
      en: 'Customers can only close a ticket that waits for them (resolved, in clarification, estimate available).',
      de: 'Kunden können nur ein Ticket schließen, das auf sie wartet (gelöst, in Rückfrage, Schätzung liegt vor).',
    },
  ])('$change.0: $change.1 → $change.2', ({ change: [kind, from, to, ctx], en, de }) => {
    expect(checkStatusChange(kind, from, to, ctx)).toEqual({ allowed: false, reason: { en, de } });
  });
});

describe('checkStatusChange: an origin the kind does not have counts as unknown', () => {
  it.each([
    // Re-typed while in Clarification: the origin In Progress is no working status of a Support Request.
    ['supportRequest', 'inProgress', 'open', true],
    ['nonSoftwareDefect', 'ordered', 'open', true],
    ['nonSoftwareDefect', 'ordered', 'inProgress', true],
    // A known origin of the kind: only back there or to In Progress.
    ['nonSoftwareDefect', 'inProgress', 'open', false],
    ['customisation', 'ordered', 'estimationInProgress', false],
  ] as const)('%s from Clarification (came from %s) to %s: allowed %s', (kind, origin, to, allowed) => {
    expect(checkStatusChange(kind, 'clarification', to, { previousWorkingStatus: origin }).allowed).toBe(
      allowed,
    );
  });
});

describe('allowedTargets', () => {
  it.each([
    ['suggestion', 'open', ['resolved']],
    ['customisation', 'estimationAvailable', ['clarification', 'ordered', 'closed']],
    ['delivery', 'planned', ['delivered', 'stageInstallationCompleted', 'installationCompleted']],
    ['delivery', 'installationCompleted', []],
    ['softwareDefect', 'closed', []],
  ] as const)('%s from %s', (kind, from, targets) => {
    expect(allowedTargets(kind, from)).toEqual(targets);
  });
});
