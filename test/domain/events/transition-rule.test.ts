import { decideTransition } from '../../../src/domain/events/transition-rule';
import type { IssueChangeEvent } from '../../../src/domain/events/issue-change';
import type { RuleInput } from '../../../src/domain/events/rule-input';
import { initialState, type ProcessState } from '../../../src/domain/process-state';
import type { StatusKey } from '../../../src/domain/statuses';
import type { Ticket } from '../../../src/domain/ticket';
import { event, input, NOW, ticket, withChangeItem } from './rule-fixtures';

const IDS: Partial<Record<StatusKey, [string, string]>> = {
  open: ['s-open', 'Open'],
  clarification: ['s-clar', 'Clarification required / On hold'],
  inProgress: ['s-prog', 'In Progress'],
  estimationAvailable: ['s-est', 'Estimation available'],
  ordered: ['s-ord', 'Ordered'],
  deliveryPending: ['s-pend', 'Delivery Pending'],
  resolved: ['s-res', 'Resolved'],
  closed: ['s-closed', 'Closed'],
  planned: ['s-plan', 'Planned'],
  installationCompleted: ['s-inst', 'Installation completed'],
};
const idOf = (status: StatusKey): [string, string] => IDS[status] ?? [`s-${status}`, status];

/** A ticket of `kind` (type name `typeName`) that now rests in `status`. */
const ticketIn = (kind: Ticket['kind'], typeName: string, status: StatusKey, extra: Partial<Ticket> = {}) =>
  ticket({ kind, typeName, statusId: idOf(status)[0], statusName: idOf(status)[1], status, ...extra });

/** The status change `from` → `to` as Jira's changelog names it. */
const moved = (from: StatusKey, to: StatusKey, extra: Partial<IssueChangeEvent> = {}) =>
  event({
    items: [
      {
        field: 'status',
        fieldId: 'status',
        from: idOf(from)[0],
        fromString: idOf(from)[1],
        to: idOf(to)[0],
        toString: idOf(to)[1],
      },
    ],
    ...extra,
  });

const flagged: ProcessState = { ...initialState(NOW, 's-open'), flags: ['illegalTransition'] };
const decide = (t: Ticket, e: IssueChangeEvent, extra: Partial<RuleInput> = {}, state = flagged) =>
  decideTransition(input(t, e, extra), state);

const NO_SUCH_STATUS = 'This ticket type has no such status.';
const NO_SUCH_STATUS_DE = 'Dieser Tickettyp hat keinen solchen Status.';
const NOT_IN_WORKFLOW = 'This step is not part of the workflow of this ticket type.';
const NOT_IN_WORKFLOW_DE = 'Dieser Schritt ist im Workflow dieses Tickettyps nicht vorgesehen.';
const CLARIFICATION_RETURN =
  'After Clarification the ticket returns to the status it came from or to In Progress.';
const CUSTOMER_CLOSE =
  'Customers can only close a ticket that waits for them (resolved, in clarification, estimate available).';

describe('decideTransition: the revert and the note that names the allowed statuses', () => {
  it.each([
    [
      'a Support Request moved into a status its workflow lacks',
      ticketIn('supportRequest', 'Support Request', 'inProgress'),
      moved('open', 'inProgress'),
      {
        en: `${NO_SUCH_STATUS} Allowed from here: "Clarification required / On hold", "Resolved".`,
        de: `${NO_SUCH_STATUS_DE} Von hier erlaubt: "Clarification required / On hold", "Resolved".`,
      },
    ],
    [
      'a Non-Software Defect skipping a step of its workflow',
      ticketIn('nonSoftwareDefect', 'Non-Software Defect', 'closed'),
      moved('open', 'closed'),
      {
        en: `${NOT_IN_WORKFLOW} Allowed from here: "Clarification required / On hold", "In Progress", "Resolved".`,
        de: `${NOT_IN_WORKFLOW_DE} Von hier erlaubt: "Clarification required / On hold", "In Progress", "Resolved".`,
      },
    ],
    [
      'a Delivery moved back from its last status (nothing is allowed from there: no list)',
      ticketIn('delivery', 'Delivery', 'planned'),
      moved('installationCompleted', 'planned'),
      { en: NOT_IN_WORKFLOW, de: NOT_IN_WORKFLOW_DE },
    ],
  ])('%s', (_, t, e, reason) => {
    const from = e.items[0]!;
    expect(decide(t, e)).toEqual({
      state: flagged,
      actions: [
        {
          type: 'revertStatus',
          toStatusId: from.from,
          toStatusName: from.fromString,
          flag: 'illegalTransition',
          idempotencyKey: '10001:revertStatus:h1',
          comment: {
            messageKey: 'transitionRefused',
            visibility: 'internal',
            params: { ticketKey: 'SD-1', from: from.fromString, to: t.statusName, reason },
          },
        },
      ],
    });
  });

  it('names the status the ticket came from as the change names it, not as configured', () => {
    const e = moved('open', 'inProgress');
    const lowerCase = withChangeItem(e, { fromString: 'open' });
    const [revert] = decide(ticketIn('supportRequest', 'Support Request', 'inProgress'), lowerCase).actions;
    expect(revert).toMatchObject({ toStatusName: 'open', comment: { params: { from: 'open' } } });
  });

  it('clears the flag on an allowed move', () => {
    const { state, actions } = decide(
      ticketIn('supportRequest', 'Support Request', 'resolved'),
      moved('open', 'resolved'),
    );
    expect(actions).toEqual([]);
    expect(state.flags).toEqual([]);
  });
});

describe('decideTransition: events it leaves alone', () => {
  const inProgress = ticketIn('supportRequest', 'Support Request', 'inProgress');
  const forbidden = moved('open', 'inProgress');
  it.each([
    ['no status change in the event', inProgress, event({ items: [] })],
    ['the ticket has moved on since (the event is history)', inProgress, moved('open', 'resolved')],
    ['a type the app does not manage', { ...inProgress, kind: undefined }, forbidden],
    ['a status outside the process', { ...inProgress, status: undefined }, forbidden],
    [
      'a change from a status outside the process',
      inProgress,
      withChangeItem(forbidden, { fromString: 'Waiting for support' }),
    ],
    [
      'a change without the id of the status it came from',
      inProgress,
      withChangeItem(forbidden, { from: null }),
    ],
  ])('%s: no action, the state as it was', (_, t, e) => {
    expect(decide(t, e)).toEqual({ state: flagged, actions: [] });
  });
});

describe('decideTransition: a move out of a status the kind does not have', () => {
  it('back into the workflow is accepted and the flag goes', () => {
    const result = decide(ticketIn('supportRequest', 'Support Request', 'open'), moved('inProgress', 'open'));
    expect(result).toEqual({ state: { ...flagged, flags: [] }, actions: [] });
  });

  it('into another status the kind lacks keeps the flag and notes it once per change', () => {
    const t = ticketIn('supportRequest', 'Support Request', 'deliveryPending');
    const result = decide(t, moved('inProgress', 'deliveryPending'), {}, initialState(NOW, 's-open'));
    expect(result).toEqual({
      state: { ...initialState(NOW, 's-open'), flags: ['illegalTransition'] },
      actions: [
        {
          type: 'comment',
          visibility: 'internal',
          messageKey: 'transitionRefused',
          params: {
            ticketKey: 'SD-1',
            from: 'In Progress',
            to: 'Delivery Pending',
            reason: {
              en: NO_SUCH_STATUS,
              de: NO_SUCH_STATUS_DE,
            },
          },
          idempotencyKey: '10001:outsideWorkflow:hh1',
        },
      ],
    });
  });
});

describe('decideTransition: the return from Clarification (PROCESS.md §3)', () => {
  const customisation = (status: StatusKey, state?: ProcessState) =>
    ticketIn('customisation', 'Customisation', status, state ? { state } : {});
  const cameFromOrdered: ProcessState = {
    ...initialState(NOW, 's-clar'),
    timer: 'clarification',
    returnStatus: 'ordered',
    returnStatusId: 's-ord',
  };
  const outcome = (t: Ticket, extra: Partial<RuleInput> = {}) =>
    decide(t, moved('clarification', t.status ?? 'open'), extra).actions.map((a) => a.type);

  it.each([
    ['back where it came from (stored)', 'ordered', cameFromOrdered, {}, []],
    ['to In Progress (stored origin elsewhere)', 'inProgress', cameFromOrdered, {}, []],
    ['elsewhere (stored origin)', 'estimationAvailable', cameFromOrdered, {}, ['revertStatus']],
    ['elsewhere, origin unknown: any working status', 'estimationAvailable', undefined, {}, []],
    [
      'elsewhere, origin read from the changelog',
      'estimationAvailable',
      undefined,
      { clarificationOrigin: { statusId: 's-ord', status: 'ordered' as const } },
      ['revertStatus'],
    ],
    [
      'the stored origin wins over the changelog',
      'ordered',
      cameFromOrdered,
      { clarificationOrigin: { statusId: 's-est', status: 'estimationAvailable' as const } },
      [],
    ],
  ] as const)('%s', (_, to, state, extra, types) => {
    expect(outcome(customisation(to, state), extra)).toEqual(types);
  });

  it('the note names where the ticket may go instead', () => {
    const [revert] = decide(
      customisation('estimationAvailable', cameFromOrdered),
      moved('clarification', 'estimationAvailable'),
    ).actions;
    expect(revert).toMatchObject({
      comment: {
        params: {
          reason: { en: `${CLARIFICATION_RETURN} Allowed from here: "In Progress", "Ordered", "Closed".` },
        },
      },
    });
  });

  it('a stored origin of an earlier stay (another status id) is not used', () => {
    const earlier = { ...cameFromOrdered, statusId: 's-other' };
    expect(outcome(customisation('estimationAvailable', earlier))).toEqual([]);
  });
});

describe('decideTransition: who moved it', () => {
  it.each([
    ['an agent resolves an open Support Request', false, 'resolved', []],
    ['the customer resolves an open Support Request', true, 'resolved', ['revertStatus']],
    ['the customer closes a resolved one', true, 'closed', []],
  ] as const)('%s', (_, byCustomer, to, types) => {
    const from = to === 'closed' ? 'resolved' : 'open';
    const result = decide(ticketIn('supportRequest', 'Support Request', to), moved(from, to), { byCustomer });
    expect(result.actions.map((a) => a.type)).toEqual(types);
  });

  it("the customer's refusal note says what customers may do", () => {
    const t = ticketIn('supportRequest', 'Support Request', 'resolved');
    const [revert] = decide(t, moved('open', 'resolved'), { byCustomer: true }).actions;
    expect(revert).toMatchObject({
      comment: { params: { reason: { en: CUSTOMER_CLOSE } } },
    });
  });
});
