import { decideIssueChange } from '../../../src/domain/events/decide-issue-change';
import { initialState, type ProcessState } from '../../../src/domain/process-state';
import type { ChangeItem } from '../../../src/domain/events/issue-change';
import { statusOfName } from '../../../src/domain/names';
import type { Ticket } from '../../../src/domain/ticket';
import { event, input, NOW, projectConfig, ticket } from './rule-fixtures';

type IssueChangeEventOf = ReturnType<typeof event>;

const statusChange = (from: [string, string], to: [string, string]) =>
  event({
    items: [
      { field: 'status', fieldId: 'status', from: from[0], fromString: from[1], to: to[0], toString: to[1] },
    ],
  });

describe('decideIssueChange', () => {
  it('reverts a status change the kind does not allow, naming the rule', () => {
    const t = ticket({ statusId: 's-prog', statusName: 'In Progress', status: 'inProgress' });
    const { actions } = decideIssueChange(
      input(t, statusChange(['s-open', 'Open'], ['s-prog', 'In Progress'])),
    );
    expect(actions).toEqual([
      expect.objectContaining({
        type: 'revertStatus',
        toStatusId: 's-open',
        idempotencyKey: '10001:revertStatus:h1',
      }),
    ]);
    expect(actions[0]).toMatchObject({
      comment: { visibility: 'internal', messageKey: 'transitionRefused' },
    });
  });

  it('judges a status change by the type the ticket had when it was made, not by a later re-typing', () => {
    const t = ticket({
      typeName: 'Non-Software Defect',
      kind: 'nonSoftwareDefect',
      statusId: 's-res',
      statusName: 'Resolved',
      status: 'resolved',
    });
    const moved = statusChange(['s-open', 'Open'], ['s-res', 'Resolved']);
    expect(decideIssueChange(input(t, moved)).actions).toEqual([]);
    expect(decideIssueChange(input(t, { ...moved, typeAtEvent: 'Incident' })).actions).toEqual([
      expect.objectContaining({ type: 'revertStatus', toStatusId: 's-open' }),
    ]);
  });

  it('ignores a status event when the ticket has changed again meanwhile', () => {
    const t = ticket({ statusId: 's-res', statusName: 'Resolved', status: 'resolved' });
    const { actions, state } = decideIssueChange(
      input(t, statusChange(['s-open', 'Open'], ['s-prog', 'In Progress'])),
    );
    expect(actions).toEqual([]);
    expect(state.timer).toBe('resolved');
  });

  it('starts the clarification timer on an allowed change', () => {
    const t = ticket({
      statusId: 's-clar',
      statusName: 'Clarification required / On hold',
      status: 'clarification',
    });
    const { state, actions } = decideIssueChange(input(t, statusChange(['s-open', 'Open'], ['s-clar', 'x'])));
    expect(actions).toEqual([]);
    expect(state).toMatchObject({
      timer: 'clarification',
      statusId: 's-clar',
      nextDueAt: '2026-12-07T10:00:00Z',
    });
    expect(state).not.toHaveProperty('acceptedAt');
  });

  describe('a ticket without a state starts from the status the move left', () => {
    const inClarification = ticket({
      statusId: 's-clar',
      statusName: 'Clarification required / On hold',
      status: 'clarification',
    });
    it.each<[string, IssueChangeEventOf, Partial<ProcessState>]>([
      [
        'a move into Clarification records where it came from, as a status entered',
        statusChange(['s-open', 'Open'], ['s-clar', 'x']),
        {
          returnStatus: 'open',
          returnStatusId: 's-open',
          lastReset: { at: NOW.toISOString(), reason: 'statusEntered' },
        },
      ],
      [
        'a move this event does not end in the ticket status names no origin',
        statusChange(['s-open', 'Open'], ['s-prog', 'In Progress']),
        { lastReset: { at: NOW.toISOString(), reason: 'reclassified' } },
      ],
      [
        'an event without a move starts from the ticket status',
        event({
          items: [
            { field: 'summary', fieldId: 'summary', from: null, fromString: 'a', to: null, toString: 'b' },
          ],
        }),
        { lastReset: { at: NOW.toISOString(), reason: 'reclassified' } },
      ],
    ])('%s', (_name, e, expected) => {
      const { state } = decideIssueChange(input(inClarification, e));
      expect(state).toMatchObject({ timer: 'clarification', statusId: 's-clar', cycle: 1, ...expected });
      if (expected.returnStatus === undefined) expect(state.returnStatus).toBeUndefined();
    });
  });

  it.each<[string, [string, string], Partial<ProcessState> | 'nothing', boolean]>([
    [
      'out of Resolved, where the kind runs a timer: that timer stops, recorded after the fact',
      ['s-res', 'Resolved'],
      { cycle: 1, lastReset: { at: NOW.toISOString(), reason: 'installBackfill' } },
      true,
    ],
    [
      'out of In Progress, where no timer runs: nothing to record',
      ['s-prog', 'In Progress'],
      'nothing',
      false,
    ],
    ['out of a status the process does not know: nothing to record', ['s-x', 'Waiting'], 'nothing', false],
  ])('a ticket without a state moved %s', (_name, from, expected, stopped) => {
    const closed = ticket({ statusId: 's-closed', statusName: 'Closed', status: 'closed' });
    const { state, actions } = decideIssueChange(input(closed, statusChange(from, ['s-closed', 'Closed'])));
    expect(state).toMatchObject({ timer: 'none', statusId: 's-closed', nextDueAt: undefined });
    if (expected === 'nothing') expect([state.cycle, state.resets]).toEqual([0, undefined]);
    else expect(state).toMatchObject(expected);
    expect(actions.some((a) => a.type === 'audit' && a.entry.action === 'timerStopped')).toBe(stopped);
  });

  it.each<[string, Partial<Ticket>, [string, string]]>([
    ['out of In Progress, where no timer runs', {}, ['s-prog', 'In Progress']],
    ['out of a status the process does not know', {}, ['s-x', 'Waiting']],
    ['of a kind the app does not manage, out of Resolved', { kind: undefined }, ['s-res', 'Resolved']],
  ])(
    'a ticket without a state moved %s is decided as one whose state is that status’s first',
    (_name, overrides, from) => {
      const closed = ticket({ statusId: 's-closed', statusName: 'Closed', status: 'closed', ...overrides });
      const move = statusChange(from, ['s-closed', 'Closed']);
      const stored = { ...closed, state: initialState(NOW, from[0]) };
      expect(decideIssueChange(input(closed, move))).toEqual(decideIssueChange(input(stored, move)));
    },
  );

  it('a duplicated event does not start a second cycle', () => {
    const t = ticket({
      statusId: 's-clar',
      statusName: 'Clarification required / On hold',
      status: 'clarification',
    });
    const first = decideIssueChange(input(t, statusChange(['s-open', 'Open'], ['s-clar', 'x']))).state;
    const later = new Date(NOW.getTime() + 60_000);
    const again = decideIssueChange({
      ...input({ ...t, state: first }, statusChange(['s-open', 'Open'], ['s-clar', 'x'])),
      now: later,
    });
    expect(again.state).toBe(first);
  });

  it('a customer closing a Resolved ticket stops its timer, once per cycle, and the audit names the customer', () => {
    const stored = {
      ...initialState(new Date('2026-11-10T10:00:00Z'), 's-res'),
      timer: 'resolved' as const,
      cycle: 3,
      nextDueAt: '2026-12-30T10:00:00.000Z',
    };
    const t = ticket({ statusId: 's-closed', statusName: 'Closed', status: 'closed', state: stored });
    const closed = statusChange(['s-res', 'Resolved'], ['s-closed', 'Closed']);
    const { state, actions } = decideIssueChange(input(t, closed, { byCustomer: true }));
    expect(state).toMatchObject({ timer: 'none', statusId: 's-closed', nextDueAt: undefined });
    expect(actions).toEqual([
      {
        type: 'audit',
        entry: {
          action: 'timerStopped',
          outcome: 'done',
          detail: 'resolved:closed:byCustomer',
          idempotencyKey: '10001:timerStopped:resolved:3',
        },
      },
    ]);
    expect(decideIssueChange(input({ ...t, state }, closed, { byCustomer: true })).actions).toEqual([]);
  });

  it('a customer comment restarts the clarification cycle once per comment', () => {
    const stored = {
      ...initialState(new Date('2026-11-10T10:00:00Z'), 's-clar'),
      timer: 'clarification' as const,
      cycle: 1,
      stepsDone: 1,
    };
    const t = ticket({
      statusId: 's-clar',
      statusName: 'Clarification required / On hold',
      status: 'clarification',
      state: stored,
    });
    const commented = event({
      kind: 'commented',
      items: [],
      comment: { id: 'c1', authorId: 'cust-1', isPublic: true },
    });
    const { state } = decideIssueChange(input(t, commented, { byCustomer: true }));
    expect(state).toMatchObject({ cycle: 2, stepsDone: 0, cycleStartedAt: NOW.toISOString() });
    expect(state.done).toContain('10001:customerComment:c1');
    const replay = decideIssueChange(input({ ...t, state }, commented, { byCustomer: true }));
    expect(replay.state.cycle).toBe(2);
    const agent = decideIssueChange(input(t, commented, { byCustomer: false }));
    expect(agent.state.cycle).toBe(1);
  });

  it('reverts a forbidden reclassification', () => {
    const t = ticket({ typeId: 't-sug', typeName: 'Suggestion', kind: 'suggestion' });
    const e = event({
      items: [
        {
          field: 'issuetype',
          fieldId: 'issuetype',
          from: 't-inc',
          fromString: 'Incident',
          to: 't-sug',
          toString: 'Suggestion',
        },
      ],
    });
    expect(decideIssueChange(input(t, e)).actions).toEqual([
      expect.objectContaining({ type: 'revertType', toTypeId: 't-inc' }),
    ]);
  });

  it('sets a forbidden type back and flags the ticket when it has since moved to a status the old type lacks', () => {
    // Read out of order: the move to In Progress (allowed for a Software Defect) before the re-typing.
    const t = ticket({
      typeId: 't-sd',
      typeName: 'Software Defect',
      kind: 'softwareDefect',
      statusId: 's-prog',
      statusName: 'In Progress',
      status: 'inProgress',
    });
    const e = event({
      items: [
        {
          field: 'issuetype',
          fieldId: 'issuetype',
          from: 't-sr',
          fromString: 'Support Request',
          to: 't-sd',
          toString: 'Software Defect',
        },
      ],
    });
    const { actions, state } = decideIssueChange(
      input(t, { ...e, statusAtEvent: { id: 's-open', name: 'Open' } }),
    );
    expect(actions).toEqual([
      expect.objectContaining({
        type: 'revertType',
        toTypeId: 't-sr',
        idempotencyKey: '10001:revertType:h1',
      }),
    ]);
    expect(state.flags).toEqual(['illegalTransition']);
    // Re-typed while still in a status both types have: set back, no flag.
    const inOpen = { ...t, statusId: 's-open', statusName: 'Open', status: 'open' as const };
    expect(decideIssueChange(input(inOpen, e)).state.flags).toEqual([]);
  });

  it('a type set back together with a move into Clarification: the Clarification timer runs, no outside-workflow flag', () => {
    // One edit moved a Software Defect from In Progress to Clarification and re-typed it to Suggestion, which has
    // no Clarification. The type is set back; as a Software Defect the ticket is in its workflow, timed.
    const stored = {
      ...initialState(new Date('2026-11-20T10:00:00Z'), 's-prog'),
    };
    const t = ticket({
      typeId: 't-sug',
      typeName: 'Suggestion',
      kind: 'suggestion',
      statusId: 's-clar',
      statusName: 'Clarification required / On hold',
      status: 'clarification',
      state: stored,
    });
    const e = event({
      items: [
        ...statusChange(['s-prog', 'In Progress'], ['s-clar', 'Clarification required / On hold']).items,
        {
          field: 'issuetype',
          fieldId: 'issuetype',
          from: 't-sd',
          fromString: 'Software Defect',
          to: 't-sug',
          toString: 'Suggestion',
        },
      ],
    });
    const { actions, state } = decideIssueChange(input(t, e));
    expect(actions).toContainEqual(expect.objectContaining({ type: 'revertType', toTypeId: 't-sd' }));
    expect(state).toMatchObject({
      timer: 'clarification',
      statusId: 's-clar',
      returnStatus: 'inProgress',
      flags: [],
    });
  });

  describe('a type set back with a move in the same change: the flag stays unless the type set back allows the move', () => {
    const status = (id: string, name: string) => ({ id, name });
    const CLAR = status('s-clar', 'Clarification required / On hold');
    const PROG = status('s-prog', 'In Progress');
    const DP = status('s-dp', 'Delivery Pending');
    const retyping = (from: string, fromName: string, to: string, toName: string) => ({
      field: 'issuetype',
      fieldId: 'issuetype',
      from,
      fromString: fromName,
      to,
      toString: toName,
    });
    const toSuggestion = retyping('t-sd', 'Software Defect', 't-sug', 'Suggestion');
    // [case, type now, status now, the event's move (from, to), re-typing, stored status id, flags after]
    it.each<
      [
        string,
        [string, string, Ticket['kind']],
        { id: string; name: string },
        [{ id: string; name: string }, string],
        ChangeItem,
        string,
        string[],
      ]
    >([
      [
        'the move allowed for a Software Defect: no flag',
        ['t-sug', 'Suggestion', 'suggestion'],
        CLAR,
        [PROG, 's-clar'],
        toSuggestion,
        's-prog',
        [],
      ],
      [
        'the event names a move to another status: the flag stays',
        ['t-sug', 'Suggestion', 'suggestion'],
        CLAR,
        [PROG, 's-res'],
        toSuggestion,
        's-clar',
        ['illegalTransition'],
      ],
      [
        'a move from a status outside the process: the flag stays',
        ['t-sug', 'Suggestion', 'suggestion'],
        CLAR,
        [status('s-x', 'Waiting for vendor'), 's-clar'],
        toSuggestion,
        's-x',
        ['illegalTransition'],
      ],
      [
        'a move from a status the Software Defect lacks: the flag stays',
        ['t-sug', 'Suggestion', 'suggestion'],
        CLAR,
        [status('s-eip', 'Estimation in progress'), 's-clar'],
        toSuggestion,
        's-eip',
        ['illegalTransition'],
      ],
      [
        'a move the Software Defect forbids too (Delivery Pending back to In Progress): the flag stays',
        ['t-sug', 'Suggestion', 'suggestion'],
        PROG,
        [DP, 's-prog'],
        toSuggestion,
        's-dp',
        ['illegalTransition'],
      ],
      [
        'the status set back as well: the flag stays',
        ['t-sd', 'Software Defect', 'softwareDefect'],
        status('s-closed', 'Closed'),
        [DP, 's-closed'],
        retyping('t-cus', 'Customisation', 't-sd', 'Software Defect'),
        's-dp',
        ['illegalTransition'],
      ],
    ])('%s', (_case, [typeId, typeName, kind], now, [from, to], retyped, storedStatusId, flags) => {
      const stored = {
        ...initialState(new Date('2026-11-20T10:00:00Z'), storedStatusId),
        flags: ['illegalTransition'],
      };
      const t = ticket({
        typeId,
        typeName,
        kind,
        statusId: now.id,
        statusName: now.name,
        status: statusOfName(projectConfig(), now.name),
        state: stored,
      });
      const e = event({
        items: [
          { field: 'status', fieldId: 'status', from: from.id, fromString: from.name, to, toString: 'x' },
          retyped,
        ],
      });
      const { actions, state } = decideIssueChange(input(t, e));
      expect(actions).toContainEqual(expect.objectContaining({ type: 'revertType' }));
      expect(state.flags).toEqual(flags);
      // The same change made by the customer: a customer may only close a ticket that waits for them, so no
      // move of the table is allowed for them, and the flag stays.
      expect(decideIssueChange(input(t, e, { byCustomer: true })).state.flags).toEqual(['illegalTransition']);
    });
  });

  it('a type set back keeps the flag of an earlier forbidden move Jira had no way back from', () => {
    // Moved into Clarification outside its workflow earlier (flagged, no way back); now re-typed to Suggestion,
    // which is set back. The re-typing names no move of its own: the flag stays, although the type set back has
    // the status.
    const stored = {
      ...initialState(new Date('2026-11-20T10:00:00Z'), 's-clar'),
      flags: ['illegalTransition'],
    };
    const t = ticket({
      typeId: 't-sug',
      typeName: 'Suggestion',
      kind: 'suggestion',
      statusId: 's-clar',
      statusName: 'Clarification required / On hold',
      status: 'clarification',
      state: stored,
    });
    const e = event({
      items: [
        {
          field: 'issuetype',
          fieldId: 'issuetype',
          from: 't-sd',
          fromString: 'Software Defect',
          to: 't-sug',
          toString: 'Suggestion',
        },
      ],
    });
    const { actions, state } = decideIssueChange(input(t, e));
    expect(actions).toContainEqual(expect.objectContaining({ type: 'revertType', toTypeId: 't-sd' }));
    expect(state.flags).toEqual(['illegalTransition']);
  });

  it('a type set back describes the type it returns to, also after an event read late timed the forbidden one', () => {
    // A Consulting Request resolved, then re-typed to Incident (not allowed once resolved); an edit made before the
    // re-typing and read after it reconciled the state for an Incident, which has no Resolved timer.
    const t = ticket({
      typeId: 't-inc',
      typeName: 'Incident',
      kind: 'incident',
      statusId: 's-res',
      statusName: 'Resolved',
      status: 'resolved',
      state: { ...initialState(NOW, 's-res'), timer: 'none' },
    });
    const e = event({
      items: [
        {
          field: 'issuetype',
          fieldId: 'issuetype',
          from: 't-cr',
          fromString: 'Consulting Request',
          to: 't-inc',
          toString: 'Incident',
        },
      ],
    });
    const { actions, state } = decideIssueChange(input(t, e));
    expect(actions).toEqual([expect.objectContaining({ type: 'revertType', toTypeId: 't-cr' })]);
    expect(state).toMatchObject({
      timer: 'resolved',
      statusId: 's-res',
      lastReset: { reason: 'reclassified' },
    });
    expect(state.nextDueAt).toBeDefined();
    // A state already right for the type the ticket returns to stays as it was.
    const timed = decideIssueChange(input({ ...t, state }, e)).state;
    expect(timed).toEqual(state);
  });

  describe('a status set back describes the status it returns to (stateAfterRevert)', () => {
    // A Support Request moved from Resolved back to Open, which its workflow does not allow.
    const reopened = statusChange(['s-res', 'Resolved'], ['s-open', 'Open']);
    const resolvedState: ProcessState = {
      ...initialState(new Date('2026-11-20T10:00:00Z'), 's-res'),
      timer: 'resolved' as const,
      cycle: 1,
      nextDueAt: '2026-12-11T10:00:00.000Z',
    };
    const inOpen = (state: ProcessState) =>
      ticket({ statusId: 's-open', statusName: 'Open', status: 'open', state });

    it('an event read late that stamped the forbidden status: the Resolved timer runs again', () => {
      const stamped = { ...resolvedState, timer: 'none' as const, statusId: 's-open', nextDueAt: undefined };
      const { actions, state } = decideIssueChange(input(inOpen(stamped), reopened));
      expect(actions).toEqual([expect.objectContaining({ type: 'revertStatus', toStatusId: 's-res' })]);
      expect(state).toMatchObject({
        timer: 'resolved',
        statusId: 's-res',
        cycle: 2,
        enteredAt: NOW.toISOString(),
        lastReset: { reason: 'statusEntered' },
      });
      expect(state.nextDueAt).toBeDefined();
    });

    it('a status set back keeps the flag of an earlier move Jira had no way back from', () => {
      const flagged = { ...resolvedState, flags: ['illegalTransition'] };
      const { state } = decideIssueChange(input(inOpen(flagged), reopened));
      expect(state.flags).toEqual(['illegalTransition']);
    });

    // The move ended the stay the stored timer counts; the ticket is back in Resolved only from the revert on.
    it('a state that still describes Resolved starts a new cycle at the revert, due a full stay later', () => {
      const { actions, state } = decideIssueChange(input(inOpen(resolvedState), reopened));
      expect(actions).toEqual([expect.objectContaining({ type: 'revertStatus', toStatusId: 's-res' })]);
      expect(state).toMatchObject({
        timer: 'resolved',
        statusId: 's-res',
        cycle: 2,
        enteredAt: NOW.toISOString(),
        cycleStartedAt: NOW.toISOString(),
        stepsDone: 0,
        lastReset: { at: NOW.toISOString(), reason: 'statusEntered' },
      });
      const days = projectConfig().timers.resolved.closeAfterDays;
      expect(Date.parse(state.nextDueAt ?? '')).toBe(NOW.getTime() + days * 86_400_000);
    });

    it('a Clarification stay set back starts a new cycle and keeps the status it returns to', () => {
      const clarState: ProcessState = {
        ...initialState(new Date('2026-11-10T10:00:00Z'), 's-clar'),
        timer: 'clarification',
        cycle: 3,
        stepsDone: 1,
        returnStatusId: 's-open',
        returnStatus: 'open',
        nextDueAt: '2026-11-30T10:00:00.000Z',
      };
      const inResolved = ticket({
        statusId: 's-res',
        statusName: 'Resolved',
        status: 'resolved',
        state: clarState,
      });
      const moved = statusChange(['s-clar', 'Clarification required / On hold'], ['s-res', 'Resolved']);
      const { actions, state } = decideIssueChange(input(inResolved, moved));
      expect(actions).toEqual([expect.objectContaining({ type: 'revertStatus', toStatusId: 's-clar' })]);
      expect(state).toMatchObject({
        timer: 'clarification',
        statusId: 's-clar',
        cycle: 4,
        cycleStartedAt: NOW.toISOString(),
        stepsDone: 0,
        returnStatusId: 's-open',
        returnStatus: 'open',
      });
    });

    it('a state without a running timer is kept exactly as stored', () => {
      const openState = { ...initialState(new Date('2026-11-20T10:00:00Z'), 's-open'), cycle: 1 };
      const inProgress = ticket({
        statusId: 's-prog',
        statusName: 'In Progress',
        status: 'inProgress',
        state: openState,
      });
      const moved = statusChange(['s-open', 'Open'], ['s-prog', 'In Progress']);
      const { actions, state } = decideIssueChange(input(inProgress, moved));
      expect(actions).toEqual([expect.objectContaining({ type: 'revertStatus', toStatusId: 's-open' })]);
      expect(state).toEqual(openState);
    });
  });

  describe('a revert names the one change it reverts (docs/decisions/0012)', () => {
    const inProgress = ticket({ statusId: 's-prog', statusName: 'In Progress', status: 'inProgress' });
    const moved = (changelogId?: string) => {
      const { changelogId: _, ...rest } = statusChange(['s-open', 'Open'], ['s-prog', 'In Progress']);
      return changelogId === undefined ? rest : { ...rest, changelogId };
    };
    const retyped = (changelogId?: string) => {
      const { changelogId: _, ...rest } = event({
        items: [
          {
            field: 'issuetype',
            fieldId: 'issuetype',
            from: 't-inc',
            fromString: 'Incident',
            to: 't-sug',
            toString: 'Suggestion',
          },
        ],
      });
      return changelogId === undefined ? rest : { ...rest, changelogId };
    };
    const suggestion = ticket({ typeId: 't-sug', typeName: 'Suggestion', kind: 'suggestion' });
    const keyOf = (t: typeof inProgress, e: ReturnType<typeof moved>) =>
      decideIssueChange(input(t, e)).actions.map((a) => ('idempotencyKey' in a ? a.idempotencyKey : a.type));

    it.each([
      ['status', inProgress, moved],
      ['type', suggestion, retyped],
    ] as const)(
      '%s: two identical forbidden changes get two keys, two deliveries of one get one',
      (_, t, make) => {
        const first = keyOf(t, make('301'));
        expect(first).toHaveLength(1);
        expect(keyOf(t, make('302'))).not.toEqual(first);
        expect(keyOf(t, make('301'))).toEqual(first);
      },
    );

    it.each([
      ['status', inProgress, moved, 'transitionReverted'],
      ['type', suggestion, retyped, 'reclassificationReverted'],
    ] as const)(
      '%s: a change no changelog id names is not reverted under a shared key',
      (_, t, make, action) => {
        expect(decideIssueChange(input(t, make())).actions).toEqual([
          { type: 'audit', entry: { action, outcome: 'skipped', detail: 'changeNotNamed' } },
        ]);
      },
    );
  });

  it('notes that P1 does not fit a Software Defect', () => {
    const t = ticket({
      typeName: 'Software Defect',
      kind: 'softwareDefect',
      priority: 'P1',
      priorityName: 'P1',
    });
    const e = event({
      items: [
        {
          field: 'priority',
          fieldId: 'priority',
          from: '3',
          fromString: 'Medium',
          to: '1',
          toString: 'P1',
        },
      ],
    });
    expect(decideIssueChange(input(t, e)).actions).toEqual([
      expect.objectContaining({ type: 'comment', visibility: 'internal', messageKey: 'priorityMismatch' }),
    ]);
  });

  it('restricts a confidential ticket to its region, or fails closed to the fallback level', () => {
    const cfg = projectConfig({ regions: { organizations: { ACME: 'graz' } } });
    const created = event({ kind: 'created', items: [] });
    const mapped = decideIssueChange({ ...input(ticket({ confidential: 'Yes' }), created), config: cfg });
    expect(mapped.actions[0]).toMatchObject({ type: 'setSecurityLevel', level: 'Support Graz' });
    const unmapped = decideIssueChange(input(ticket({ confidential: 'Yes' }), created));
    expect(unmapped.actions.map((a) => a.type)).toEqual(['setSecurityLevel', 'comment', 'audit']);
    expect(unmapped.actions[0]).toMatchObject({ level: 'Support restricted' });
    expect(unmapped.actions[1]).toMatchObject({ messageKey: 'confidentialityFallback' });
  });

  it('names each Confidential answer by its change, so a second Yes is not taken for the first', () => {
    const yes = (changelogId: string) =>
      event({
        changelogId,
        items: [{ field: 'Confidential', fieldId: 'cf-conf', fromString: 'No', toString: 'Yes' }],
      });
    const first = decideIssueChange(input(ticket({ confidential: 'Yes' }), yes('100')));
    const again = decideIssueChange(input(ticket({ confidential: 'Yes' }), yes('102')));
    const keys = (r: typeof first) =>
      r.actions.flatMap((a) => ('idempotencyKey' in a ? [a.idempotencyKey] : []));
    expect(keys(first)).toHaveLength(2);
    expect(keys(again)).toHaveLength(2);
    expect(keys(again).filter((k) => keys(first).includes(k))).toEqual([]);
  });

  it('answers out of hours: auto-reply for ordinary tickets, on-call for severe incidents', () => {
    const saturday = '2026-11-28T10:00:00.000+0000';
    const created = event({ kind: 'created', items: [] });
    const ordinary = decideIssueChange(input(ticket({ created: saturday }), created));
    expect(ordinary.actions).toEqual([
      expect.objectContaining({ messageKey: 'outOfHoursAutoReply', visibility: 'public' }),
    ]);
    const severe = ticket({
      created: saturday,
      kind: 'incident',
      typeName: 'Incident',
      affectedSystem: 'Production',
      systemReachable: 'No',
    });
    const cfg = projectConfig({ onCall: { mode: 'webhook', target: 'https://oncall.example.com/hook' } });
    const alerted = decideIssueChange({ ...input(severe, created), config: cfg });
    expect(alerted.actions.map((a) => a.type)).toEqual(['alertOnCall', 'comment']);
    const weekday = decideIssueChange(input(ticket(), created));
    expect(weekday.actions).toEqual([]);
  });

  it('re-types an e-mail Incident to Request', () => {
    const t = ticket({ kind: 'incident', typeName: 'Incident' });
    const { actions } = decideIssueChange(
      input(t, event({ kind: 'created', items: [] }), { viaEmail: true }),
    );
    expect(actions).toEqual([expect.objectContaining({ type: 'setType', typeName: 'Request' })]);
  });
});
