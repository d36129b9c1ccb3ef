import { decideReclassification } from '../../../src/domain/events/reclassification-rule';
import type { IssueChangeEvent } from '../../../src/domain/events/issue-change';
import type { Kind } from '../../../src/domain/kinds';
import { initialState, type ProcessState } from '../../../src/domain/process-state';
import type { StatusKey } from '../../../src/domain/statuses';
import type { Ticket } from '../../../src/domain/ticket';
import { event, input, NOW, ticket, withChangeItem } from './rule-fixtures';

const TYPES: Record<string, [string, string]> = {
  incident: ['t-inc', 'Incident'],
  request: ['t-req', 'Request'],
  softwareDefect: ['t-sd', 'Software Defect'],
  supportRequest: ['t-sr', 'Support Request'],
  suggestion: ['t-sug', 'Suggestion'],
  delivery: ['t-del', 'Delivery'],
};
const STATUS_NAMES: Partial<Record<StatusKey, string>> = {
  open: 'Open',
  inProgress: 'In Progress',
  resolved: 'Resolved',
};

/** A ticket now of `kind` in `status`. */
const retypedTicket = (kind: Kind, status: StatusKey, extra: Partial<Ticket> = {}) =>
  ticket({
    kind,
    typeId: TYPES[kind]![0],
    typeName: TYPES[kind]![1],
    status,
    statusId: `s-${status}`,
    statusName: STATUS_NAMES[status] ?? status,
    ...extra,
  });

/** The type change `from` → `to` as Jira's changelog names it. */
const retyped = (from: Kind, to: Kind, extra: Partial<IssueChangeEvent> = {}) =>
  event({
    items: [
      {
        field: 'issuetype',
        fieldId: 'issuetype',
        from: TYPES[from]![0],
        fromString: TYPES[from]![1],
        to: TYPES[to]![0],
        toString: TYPES[to]![1],
      },
    ],
    ...extra,
  });

const flagged: ProcessState = { ...initialState(NOW, 's-open'), flags: ['illegalReclassification'] };
const decide = (t: Ticket, e: IssueChangeEvent, state = flagged) =>
  decideReclassification(input(t, e), state);

const NOT_A_RULE = {
  en: 'This type change is not part of the reclassification rules.',
  de: 'Dieser Typwechsel ist in den Regeln zur Umklassifizierung nicht vorgesehen.',
};
const AFTER_RESOLUTION = {
  en: 'A ticket can only change its type before it is resolved.',
  de: 'Der Tickettyp kann nur vor der Lösung geändert werden.',
};

describe('decideReclassification', () => {
  it('sets a forbidden type change back with an internal note naming the rule', () => {
    expect(decide(retypedTicket('suggestion', 'open'), retyped('incident', 'suggestion'))).toEqual({
      state: flagged,
      actions: [
        {
          type: 'revertType',
          toTypeId: 't-inc',
          flag: 'illegalReclassification',
          idempotencyKey: '10001:revertType:h1',
          comment: {
            messageKey: 'reclassificationRefused',
            visibility: 'internal',
            params: { ticketKey: 'SD-1', fromType: 'Incident', toType: 'Suggestion', reason: NOT_A_RULE },
          },
        },
      ],
    });
  });

  it('names the old type as the change names it, not as configured', () => {
    const e = retyped('incident', 'suggestion');
    const lowerCase = withChangeItem(e, { fromString: 'incident' });
    const [revert] = decide(retypedTicket('suggestion', 'open'), lowerCase).actions;
    expect(revert).toMatchObject({ comment: { params: { fromType: 'incident' } } });
  });

  it('an allowed change clears the flag', () => {
    expect(decide(retypedTicket('softwareDefect', 'open'), retyped('incident', 'softwareDefect'))).toEqual({
      state: { ...flagged, flags: [] },
      actions: [],
    });
  });

  it.each([
    ['judged in the status at the event: re-typed in Open, resolved since', 'open', []],
    ['judged in the status at the event: re-typed after resolving', 'resolved', ['revertType']],
  ] as const)('%s', (_, statusThen, types) => {
    const t = retypedTicket('supportRequest', 'resolved');
    const e = retyped('softwareDefect', 'supportRequest', {
      statusAtEvent: { id: `s-${statusThen}`, name: STATUS_NAMES[statusThen]! },
    });
    expect(decide(t, e).actions.map((a) => a.type)).toEqual(types);
  });

  it('without a status at the event, judges the status the ticket has now', () => {
    const [revert] = decide(
      retypedTicket('supportRequest', 'resolved'),
      retyped('softwareDefect', 'supportRequest'),
    ).actions;
    expect(revert).toMatchObject({ comment: { params: { reason: AFTER_RESOLUTION } } });
  });

  it.each([
    ['still in a status the old type has: no transition flag', 'open', ['illegalReclassification']],
    [
      'moved since to a status the old type lacks: flagged as outside its workflow',
      'inProgress',
      ['illegalReclassification', 'illegalTransition'],
    ],
  ] as const)('%s', (_, status, flags) => {
    // Incident → Software Defect read late: the Incident workflow has Open but no In Progress.
    const t = retypedTicket('softwareDefect', status);
    const e = retyped('request', 'softwareDefect');
    const result = decide({ ...t, kind: 'softwareDefect' }, e);
    expect(result.actions.map((a) => a.type)).toEqual(['revertType']);
    expect(result.state.flags).toEqual(flags);
  });

  const current = retypedTicket('suggestion', 'open');
  const forbidden = retyped('incident', 'suggestion');
  it.each([
    ['no type change in the event', current, event({ items: [] })],
    ['the type has changed again since', retypedTicket('supportRequest', 'open'), forbidden],
    ['a type the app does not manage', { ...current, kind: undefined }, forbidden],
    ['a status outside the process', { ...current, status: undefined }, forbidden],
    [
      'a change from a type the app does not manage',
      current,
      withChangeItem(forbidden, { fromString: 'Task' }),
    ],
    ['a change without the id of the type it came from', current, withChangeItem(forbidden, { from: null })],
  ])('%s: no action, the state as it was', (_, t, e) => {
    expect(decide(t, e)).toEqual({ state: flagged, actions: [] });
  });

  it('a change no changelog id names is audited, not reverted', () => {
    const { changelogId: _, ...unnamed } = forbidden;
    expect(decide(current, unnamed)).toEqual({
      state: flagged,
      actions: [
        {
          type: 'audit',
          entry: { action: 'reclassificationReverted', outcome: 'skipped', detail: 'changeNotNamed' },
        },
      ],
    });
  });
});
