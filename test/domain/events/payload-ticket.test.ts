import type { ChangeItem, IssueChangeEvent } from '../../../src/domain/events/issue-change';
import {
  needsTicketFields,
  ticketFromPayload,
  type StateCopy,
} from '../../../src/domain/events/payload-ticket';
import type { EventAction } from '../../../src/domain/events/event-actions';
import { initialState, type ProcessState } from '../../../src/domain/process-state';
import { timerFor } from '../../../src/domain/timers';
import { event, input, projectConfig } from './rule-fixtures';
import { decideIssueChange } from '../../../src/domain/events/decide-issue-change';
import { KINDS } from '../../../src/domain/kinds';
import { STATUSES, type StatusKey } from '../../../src/domain/statuses';
import type { Ticket } from '../../../src/domain/ticket';

const cfg = projectConfig();
const ids = { confidential: 'cf-conf', deliveryVersion: 'cf-ver' };
const NOW = new Date('2026-11-30T09:00:00Z');
/** Status ids of the fixtures: 1 Open, 2 In Progress, 3 Delivery Pending, 4 Closed, 5 Clarification. */
const STATUS: Record<string, string> = {
  '1': 'Open',
  '2': 'In Progress',
  '3': 'Delivery Pending',
  '4': 'Closed',
  '5': 'Clarification required / On hold',
};

const move = (from: string, to: string): ChangeItem => ({
  field: 'status',
  fieldId: 'status',
  from,
  to,
  fromString: STATUS[from] ?? null,
  toString: STATUS[to] ?? null,
});

const item = (field: string, fieldId?: string): ChangeItem =>
  fieldId === undefined ? { field, toString: null } : { field, fieldId, toString: null };

function snapshotEvent(type: string, statusId: string, overrides: Partial<IssueChangeEvent> = {}) {
  return event({
    actorId: 'agent',
    snapshot: {
      summary: 'Printer',
      typeId: '100',
      typeName: type,
      statusId,
      statusName: STATUS[statusId] ?? 'Unknown',
      projectKey: 'SD',
      created: '2026-11-30T08:00:00.000+0000',
      updated: EVENT_AT,
      reporterId: 'customer',
    },
    ...overrides,
  });
}

/** When the events of the table happened (Jira's `updated` in their payload). */
const EVENT_AT = '2026-11-30T08:30:00.000+0000';
/** The ticket view the stored states of the table were decided from, unless a row says another: before the event. */
const DECIDED_FROM = '2026-11-30T08:20:00.000Z';

const stored = (
  statusId: string,
  timer: ProcessState['timer'] = 'none',
  basis = DECIDED_FROM,
): StateCopy => ({ state: { ...initialState(NOW, statusId), timer }, basis });

/** A copy saying the ticket has no state yet, taken at the ticket view `basis`. */
const noState = (basis = DECIDED_FROM): StateCopy => ({ state: undefined, basis });

// Written by hand from the rules: which events the payload and the state copy decide, and why the others read.
const TABLE: [string, IssueChangeEvent, StateCopy | undefined, string][] = [
  [
    'a move continuing the stored status',
    snapshotEvent('Incident', '2', { items: [move('1', '2')] }),
    stored('1'),
    'payload',
  ],
  ['a created event', snapshotEvent('Incident', '1', { kind: 'created' }), stored('1'), 'created'],
  ['no snapshot in the payload', event({ items: [move('1', '2')] }), stored('1'), 'noSnapshot'],
  ['no state copy', snapshotEvent('Incident', '2', { items: [move('1', '2')] }), undefined, 'noStateCopy'],
  [
    'an event from the instant the state was decided from (another change of that instant may follow it)',
    snapshotEvent('Incident', '2', { items: [move('1', '2')] }),
    stored('1', 'none', '2026-11-30T08:30:00.000Z'),
    'olderThanState',
  ],
  [
    'a comment handled after the state was decided from a later view (a re-typing and its revert since)',
    snapshotEvent('Incident', '5', {
      kind: 'commented',
      comment: { id: 'c1', authorId: 'customer', isPublic: true },
    }),
    stored('5', 'clarification', '2026-11-30T08:31:00.000Z'),
    'olderThanState',
  ],
  [
    'a move the state continues but a later view has seen undone (handled after the move back)',
    snapshotEvent('Incident', '2', { items: [move('1', '2')] }),
    stored('1', 'none', '2026-11-30T09:00:00.000Z'),
    'olderThanState',
  ],
  [
    'an unmanaged type',
    snapshotEvent('Epic', '2', { items: [move('1', '2')] }),
    stored('1'),
    'kindNeedsTicket',
  ],
  ['a Delivery', snapshotEvent('Delivery', '2', { items: [move('1', '2')] }), stored('1'), 'kindNeedsTicket'],
  [
    'a re-typing',
    snapshotEvent('Incident', '1', { items: [item('issuetype', 'issuetype')] }),
    stored('1'),
    'fieldNotInPayload',
  ],
  [
    'a priority change that does not name the new priority',
    snapshotEvent('Software Defect', '1', { items: [item('priority', 'priority')] }),
    stored('1'),
    'fieldNotInPayload',
  ],
  [
    'a priority change naming the new priority',
    snapshotEvent('Software Defect', '1', {
      items: [
        { field: 'priority', fieldId: 'priority', from: '3', to: '1', fromString: 'P3', toString: 'P1' },
      ],
    }),
    stored('1'),
    'payload',
  ],
  [
    'Confidential by id',
    snapshotEvent('Incident', '1', { items: [item('Vertraulich', 'cf-conf')] }),
    stored('1'),
    'fieldNotInPayload',
  ],
  [
    'Confidential by name',
    snapshotEvent('Incident', '1', { items: [item(cfg.names.fields.confidential)] }),
    stored('1'),
    'fieldNotInPayload',
  ],
  [
    'the Delivery version',
    snapshotEvent('Software Defect', '1', { items: [item('Version', 'cf-ver')] }),
    stored('1'),
    'fieldNotInPayload',
  ],
  [
    'a move from a status other than the stored one (read late or lost)',
    snapshotEvent('Incident', '2', { items: [move('5', '2')] }),
    stored('1'),
    'stateNotContinued',
  ],
  [
    'a move the ticket has made again since (a duplicate)',
    snapshotEvent('Incident', '2', { items: [move('1', '2')] }),
    stored('2'),
    'stateNotContinued',
  ],
  [
    'a snapshot in another status than the move names',
    snapshotEvent('Incident', '5', { items: [move('1', '2')] }),
    stored('1'),
    'stateNotContinued',
  ],
  [
    'an assignment in the stored status',
    snapshotEvent('Incident', '1', { items: [item('assignee', 'assignee')] }),
    stored('1'),
    'payload',
  ],
  [
    'an assignment in another status than the stored one',
    snapshotEvent('Incident', '2', { items: [item('assignee', 'assignee')] }),
    stored('1'),
    'stateNotContinued',
  ],
  [
    'a shipped kind entering Delivery Pending',
    snapshotEvent('Software Defect', '3', { items: [move('2', '3')] }),
    stored('2'),
    'deliveryPending',
  ],
  [
    'a shipped kind leaving Delivery Pending',
    snapshotEvent('Software Defect', '2', { items: [move('3', '2')] }),
    stored('3'),
    'deliveryPending',
  ],
  [
    'a shipped kind moving between working statuses',
    snapshotEvent('Software Defect', '2', { items: [move('1', '2')] }),
    stored('1'),
    'payload',
  ],
  [
    'a close by an agent (the customer check needs the organizations)',
    snapshotEvent('Incident', '4', { items: [move('2', '4')] }),
    stored('2'),
    'customerCheck',
  ],
  [
    'a close by the reporter',
    snapshotEvent('Incident', '4', { actorId: 'customer', items: [move('2', '4')] }),
    stored('2'),
    'payload',
  ],
  [
    "the reporter's public comment while a reply timer runs",
    snapshotEvent('Incident', '5', {
      kind: 'commented',
      comment: { id: 'c1', authorId: 'customer', isPublic: true },
    }),
    stored('5', 'clarification'),
    'payload',
  ],
  [
    "another person's public comment while a reply timer runs",
    snapshotEvent('Incident', '5', {
      kind: 'commented',
      comment: { id: 'c1', authorId: 'agent', isPublic: true },
    }),
    stored('5', 'clarification'),
    'customerCheck',
  ],
  [
    "another person's comment while no reply timer runs",
    snapshotEvent('Incident', '2', {
      kind: 'commented',
      comment: { id: 'c1', authorId: 'agent', isPublic: true },
    }),
    stored('2'),
    'payload',
  ],
  [
    'a move on a ticket with no state yet',
    snapshotEvent('Incident', '2', { items: [move('1', '2')] }),
    noState(),
    'payload',
  ],
  [
    'a move on a ticket with no state yet, from a status no state names',
    snapshotEvent('Incident', '2', { items: [move('5', '2')] }),
    noState(),
    'payload',
  ],
  [
    'a move on a ticket with no state yet, made before the view the copy was taken at',
    snapshotEvent('Incident', '2', { items: [move('1', '2')] }),
    noState('2026-11-30T08:40:00.000Z'),
    'olderThanState',
  ],
  [
    'a snapshot in another status than the move names, no state yet',
    snapshotEvent('Incident', '5', { items: [move('1', '2')] }),
    noState(),
    'stateNotContinued',
  ],
  [
    'an assignment on a ticket with no state yet',
    snapshotEvent('Incident', '2', { items: [item('assignee', 'assignee')] }),
    noState(),
    'payload',
  ],
  [
    'a re-typing of a ticket with no state yet',
    snapshotEvent('Incident', '1', { items: [item('issuetype', 'issuetype')] }),
    noState(),
    'fieldNotInPayload',
  ],
  [
    'a shipped kind with no state yet entering Delivery Pending',
    snapshotEvent('Software Defect', '3', { items: [move('2', '3')] }),
    noState(),
    'deliveryPending',
  ],
  [
    'a close by an agent, no state yet',
    snapshotEvent('Incident', '4', { items: [move('2', '4')] }),
    noState(),
    'customerCheck',
  ],
  [
    "another person's comment on a ticket with no state yet (no reply timer runs)",
    snapshotEvent('Incident', '5', {
      kind: 'commented',
      comment: { id: 'c1', authorId: 'agent', isPublic: true },
    }),
    noState(),
    'payload',
  ],
];

describe('ticketFromPayload: the events the payload and the state copy decide', () => {
  it.each(TABLE)('%s', (_name, e, state, expected) => {
    const result = ticketFromPayload(e, state, cfg, ids);
    expect('ticket' in result ? 'payload' : result.reason).toBe(expected);
  });

  it('builds the ticket from the snapshot and the copy, leaving what the payload lacks empty', () => {
    const copy = stored('1');
    const result = ticketFromPayload(
      snapshotEvent('Incident', '2', { items: [move('1', '2')] }),
      copy,
      cfg,
      ids,
    );
    expect(result).toEqual({
      ticket: {
        id: '10001',
        key: 'SD-1',
        projectKey: 'SD',
        summary: 'Printer',
        typeId: '100',
        typeName: 'Incident',
        kind: 'incident',
        statusId: '2',
        statusName: 'In Progress',
        status: 'inProgress',
        created: '2026-11-30T08:00:00.000+0000',
        updated: EVENT_AT,
        reporterId: 'customer',
        organizations: [],
        links: [],
        state: copy.state,
      },
    });
  });
});

describe('a ticket with no state yet: the payload decides as a read of the unchanged ticket would', () => {
  // Every move between two statuses of the process, an assignment and a comment, for every managed kind: where
  // the payload decides, its decision is the one taken on the ticket as read (the fields the payload lacks filled
  // in), or it says the decision needs the ticket read (`needsTicketFields`).
  const kinds = KINDS.filter((k) => k !== 'delivery');
  const statusName = (key: StatusKey) => cfg.names.statuses[key];
  const cases = kinds.flatMap((kind) => [
    ...STATUSES.flatMap((from) =>
      STATUSES.filter((to) => to !== from).map((to) => ({
        kind,
        status: to,
        items: [
          {
            field: 'status',
            fieldId: 'status',
            from,
            to,
            fromString: statusName(from),
            toString: statusName(to),
          },
        ],
      })),
    ),
    ...STATUSES.map((status) => ({ kind, status, items: [item('assignee', 'assignee')] })),
    // Every re-typing from another managed kind, in every status.
    ...KINDS.filter((from) => from !== kind).flatMap((from) =>
      STATUSES.map((status) => ({
        kind,
        status,
        items: [
          {
            field: 'issuetype',
            fieldId: 'issuetype',
            from: `t-${from}`,
            to: `t-${kind}`,
            fromString: cfg.names.kinds[from],
            toString: cfg.names.kinds[kind],
          },
        ],
      })),
    ),
  ]);
  const eventOf = (c: (typeof cases)[number]) =>
    event({
      actorId: 'customer',
      items: c.items,
      snapshot: {
        summary: 'Printer',
        typeId: `t-${c.kind}`,
        typeName: cfg.names.kinds[c.kind],
        statusId: c.status,
        statusName: statusName(c.status),
        projectKey: 'SD',
        created: '2026-11-30T08:00:00.000+0000',
        updated: EVENT_AT,
        reporterId: 'customer',
      },
    });
  it('decides most of them from the payload (the table below is not empty)', () => {
    const decided = cases.filter((c) => {
      const result = ticketFromPayload(eventOf(c), noState(), cfg, ids);
      return (
        'ticket' in result && !needsTicketFields(decideIssueChange(input(result.ticket, eventOf(c))).actions)
      );
    });
    expect(decided.length).toBeGreaterThan(cases.length / 3);
  });
  const nameOf = (c: (typeof cases)[number]) =>
    `${c.kind} ${c.items[0]?.field} ${c.items[0]?.fromString ?? ''} into ${c.status}`;
  it.each(cases.map((c) => [nameOf(c), c]))('%s', (_name, c) => {
    const e = eventOf(c);
    const result = ticketFromPayload(e, noState(), cfg, ids);
    if (!('ticket' in result)) return;
    expect(result.ticket.state).toBeUndefined();
    const read: Ticket = {
      ...result.ticket,
      priority: 'P3',
      priorityName: 'P3',
      organizations: [{ id: '1', name: 'ACME' }],
      securityLevel: { id: '10100', name: 'Support Graz' },
      requestTypeName: 'Get IT help',
    };
    const fromPayload = decideIssueChange({ ...input(result.ticket, e), now: NOW });
    if (needsTicketFields(fromPayload.actions)) return;
    expect(fromPayload).toEqual(decideIssueChange({ ...input(read, e), now: NOW }));
  });
});

describe('a re-typing with a stored state: the payload decides as a read of the unchanged ticket would', () => {
  // The state the old kind runs in the status (its timer, as a read at the event would find it stored).
  const kinds = KINDS.filter((k) => k !== 'delivery');
  const cases = kinds.flatMap((to) =>
    kinds.filter((from) => from !== to).flatMap((from) => STATUSES.map((status) => ({ from, to, status }))),
  );
  it.each(cases.map((c) => [`${c.from} → ${c.to} in ${c.status}`, c]))('%s', (_name, c) => {
    const statusName = cfg.names.statuses[c.status];
    const e = event({
      actorId: 'agent',
      changelogId: '9001',
      items: [
        {
          field: 'issuetype',
          fieldId: 'issuetype',
          from: `t-${c.from}`,
          to: `t-${c.to}`,
          fromString: cfg.names.kinds[c.from],
          toString: cfg.names.kinds[c.to],
        },
      ],
      snapshot: {
        summary: 'Printer',
        typeId: `t-${c.to}`,
        typeName: cfg.names.kinds[c.to],
        statusId: c.status,
        statusName,
        projectKey: 'SD',
        created: '2026-11-30T08:00:00.000+0000',
        updated: EVENT_AT,
        reporterId: 'customer',
      },
    });
    const state = { ...initialState(new Date(DECIDED_FROM), c.status), timer: timerFor(c.from, c.status) };
    const result = ticketFromPayload(e, { state, basis: DECIDED_FROM }, cfg, ids);
    if (!('ticket' in result)) {
      expect(c.to === 'softwareDefect').toBe(true);
      return;
    }
    const read: Ticket = {
      ...result.ticket,
      priority: 'P1',
      priorityName: 'P1',
      organizations: [{ id: '1', name: 'ACME' }],
      securityLevel: { id: '10100', name: 'Support Graz' },
      requestTypeName: 'Get IT help',
    };
    const fromPayload = decideIssueChange({ ...input(result.ticket, e), now: NOW });
    if (needsTicketFields(fromPayload.actions)) return;
    expect(fromPayload).toEqual(decideIssueChange({ ...input(read, e), now: NOW }));
  });
});

describe('needsTicketFields: decisions taken again on the ticket read', () => {
  const comment = (visibility: 'public' | 'internal') => ({
    type: 'comment' as const,
    messageKey: 'clarificationClose' as const,
    visibility,
    params: {},
    idempotencyKey: 'k',
  });
  it.each([
    ['nothing', [], false],
    ['an internal note', [comment('internal')], false],
    ['an audit entry', [{ type: 'audit' as const, entry: { action: 'x', outcome: 'done' as const } }], false],
    ['a public comment', [comment('public')], true],
    [
      'a status revert',
      [
        {
          type: 'revertStatus' as const,
          toStatusId: '1',
          toStatusName: 'Open',
          comment: comment('internal'),
          flag: 'f',
          idempotencyKey: 'k',
        },
      ],
      true,
    ],
    ['a security level', [{ type: 'setSecurityLevel' as const, level: null, idempotencyKey: 'k' }], true],
    ['a type', [{ type: 'setType' as const, typeName: 'Incident', idempotencyKey: 'k' }], true],
  ] as const)('%s → %s', (_name, actions, expected) => {
    expect(needsTicketFields(actions as readonly EventAction[])).toBe(expected);
  });
});

describe('ticketFromPayload: the fields, statuses and people the payload leaves out', () => {
  /** `e` with its snapshot in the status named `statusName` (6 Resolved, 9 a status outside the configuration). */
  const named = (e: IssueChangeEvent, statusName: string): IssueChangeEvent =>
    e.snapshot === undefined ? e : { ...e, snapshot: { ...e.snapshot, statusName } };
  const rows: [string, IssueChangeEvent, StateCopy, typeof ids | Record<string, never>, string][] = [
    [
      'a change of the security level',
      snapshotEvent('Incident', '1', { items: [item('Security Level', 'security')] }),
      stored('1'),
      ids,
      'fieldNotInPayload',
    ],
    [
      'the Delivery version by name',
      snapshotEvent('Software Defect', '1', { items: [item(cfg.names.fields.deliveryVersion)] }),
      stored('1'),
      ids,
      'fieldNotInPayload',
    ],
    [
      'a field without id on a site that has neither Confidential nor the Delivery version',
      snapshotEvent('Incident', '1', { items: [item('labels')] }),
      stored('1'),
      {},
      'payload',
    ],
    [
      'a shipped kind moving out of a status outside the configuration',
      snapshotEvent('Software Defect', '2', { items: [move('9', '2')] }),
      stored('9'),
      ids,
      'deliveryPending',
    ],
    [
      'a shipped kind moving into a status outside the configuration',
      named(snapshotEvent('Software Defect', '9', { items: [move('2', '9')] }), 'Waiting for vendor'),
      stored('2'),
      ids,
      'deliveryPending',
    ],
    [
      'a kind that ships nothing moving into a status outside the configuration',
      named(snapshotEvent('Incident', '9', { items: [move('1', '9')] }), 'Waiting for vendor'),
      stored('1'),
      ids,
      'payload',
    ],
    [
      "an agent's internal note while a reply timer runs (no customer to check)",
      snapshotEvent('Incident', '5', {
        kind: 'commented',
        comment: { id: 'c1', authorId: 'agent', isPublic: false },
      }),
      stored('5', 'clarification'),
      ids,
      'payload',
    ],
    [
      "another person's comment of unknown visibility while a reply timer runs",
      snapshotEvent('Incident', '5', { kind: 'commented', comment: { id: 'c1', authorId: 'agent' } }),
      stored('5', 'clarification'),
      ids,
      'customerCheck',
    ],
    [
      "another person's public comment while the Resolved timer runs",
      named(
        snapshotEvent('Software Defect', '6', {
          kind: 'commented',
          comment: { id: 'c1', authorId: 'agent', isPublic: true },
        }),
        'Resolved',
      ),
      stored('6', 'resolved'),
      ids,
      'customerCheck',
    ],
    [
      'a comment event whose payload names no comment while a reply timer runs (no one to check)',
      snapshotEvent('Incident', '5', { kind: 'commented' }),
      stored('5', 'clarification'),
      ids,
      'payload',
    ],
    [
      'an assignment by an agent on a closed ticket (no close in this event)',
      snapshotEvent('Incident', '4', { items: [item('assignee', 'assignee')] }),
      stored('4'),
      ids,
      'payload',
    ],
  ];
  it.each(rows)('%s', (_name, e, copy, fieldIds, expected) => {
    const result = ticketFromPayload(e, copy, cfg, fieldIds);
    expect('ticket' in result ? 'payload' : result.reason).toBe(expected);
  });

  /** The fields every ticket built from an Incident's snapshot has, whatever else it shows. */
  const SNAPSHOT_TICKET = {
    id: '10001',
    key: 'SD-1',
    projectKey: 'SD',
    summary: 'Printer',
    typeId: '100',
    typeName: 'Incident',
    kind: 'incident',
    created: '2026-11-30T08:00:00.000+0000',
    updated: EVENT_AT,
    organizations: [],
    links: [],
  };

  it('leaves out what the snapshot and the copy do not hold: no status, reporter or state', () => {
    const e = event({
      actorId: 'agent',
      items: [item('assignee', 'assignee')],
      snapshot: {
        summary: 'Printer',
        typeId: '100',
        typeName: 'Incident',
        statusId: '9',
        statusName: 'Waiting for vendor',
        projectKey: 'SD',
        created: '2026-11-30T08:00:00.000+0000',
        updated: EVENT_AT,
        assigneeId: 'agent',
      },
    });
    expect(ticketFromPayload(e, noState(), cfg, ids)).toStrictEqual({
      ticket: {
        ...SNAPSHOT_TICKET,
        statusId: '9',
        statusName: 'Waiting for vendor',
        assigneeId: 'agent',
      },
    });
  });

  it('keeps the reporter and the state, and adds no assignee the snapshot lacks', () => {
    const copy = stored('1');
    const result = ticketFromPayload(
      snapshotEvent('Incident', '1', { items: [item('summary', 'summary')] }),
      copy,
      cfg,
      ids,
    );
    expect(result).toStrictEqual({
      ticket: {
        ...SNAPSHOT_TICKET,
        statusId: '1',
        statusName: 'Open',
        status: 'open',
        reporterId: 'customer',
        state: copy.state,
      },
    });
  });
});

describe('needsTicketFields: a type revert and an on-call alert', () => {
  const note = {
    type: 'comment' as const,
    messageKey: 'clarificationClose' as const,
    visibility: 'internal' as const,
    params: {},
    idempotencyKey: 'k',
  };
  it.each<[string, EventAction]>([
    ['a type revert', { type: 'revertType', toTypeId: '100', comment: note, flag: 'f', idempotencyKey: 'k' }],
    ['an on-call alert', { type: 'alertOnCall', mode: 'webhook', target: 'https://x', idempotencyKey: 'k' }],
  ])('%s → true', (_name, action) => {
    expect(needsTicketFields([note, action])).toBe(true);
  });
});

describe('ticketFromPayload: a priority change decides as the ticket read would', () => {
  const priorityChange = (type: string, to: string) =>
    snapshotEvent(type, '2', {
      changelogId: '7001',
      items: [{ field: 'priority', fieldId: 'priority', from: '3', to: '9', fromString: 'P3', toString: to }],
    });
  it.each([
    ['Software Defect', 'P1', 1],
    ['Software Defect', 'P2', 1],
    ['Software Defect', 'P4', 0],
    ['Incident', 'P1', 0],
  ])('%s set to %s: %i note(s), the same decision as on the ticket read', (type, to, notes) => {
    const e = priorityChange(type, to);
    const result = ticketFromPayload(e, stored('2'), cfg, ids);
    if (!('ticket' in result)) throw new Error(result.reason);
    expect(result.ticket).toMatchObject({ priority: to, priorityName: to });
    const read: Ticket = {
      ...result.ticket,
      organizations: [{ id: '1', name: 'ACME' }],
      securityLevel: { id: '10100', name: 'Support Graz' },
      requestTypeName: 'Get IT help',
    };
    const fromPayload = decideIssueChange({ ...input(result.ticket, e), now: NOW });
    expect(needsTicketFields(fromPayload.actions)).toBe(false);
    expect(fromPayload.actions.filter((a) => a.type === 'comment')).toHaveLength(notes);
    expect(fromPayload).toEqual(decideIssueChange({ ...input(read, e), now: NOW }));
  });
});
