import { reconcileTimers } from '../../../src/domain/events/timer-stamps';
import type { IssueChangeEvent } from '../../../src/domain/events/issue-change';
import { initialState, type ProcessState } from '../../../src/domain/process-state';
import type { Ticket } from '../../../src/domain/ticket';
import { event, input, NOW } from './rule-fixtures';
import { ticket } from './rule-fixtures';

const EARLIER = new Date('2026-11-20T10:00:00Z');
const CLARIFICATION = 'Clarification required / On hold';

const inStatus = (
  statusId: string,
  statusName: string,
  status: Ticket['status'],
  more: Partial<Ticket> = {},
) => ticket({ statusId, statusName, status, ...more });
const inClarification = (more: Partial<Ticket> = {}) =>
  inStatus('s-clar', CLARIFICATION, 'clarification', more);
const moved = (from: string | undefined, fromString: string, to: string): IssueChangeEvent =>
  event({
    items: [{ field: 'status', fieldId: 'status', ...(from ? { from } : {}), fromString, to, toString: 'x' }],
  });
const stored = (statusId: string, more: Partial<ProcessState> = {}): ProcessState => ({
  ...initialState(EARLIER, statusId),
  ...more,
});

describe('reconcileTimers: the state follows the status and type the ticket has now (PROCESS.md §3, §4)', () => {
  describe('the Clarification return status is the working status the event moved the ticket from', () => {
    // [case, ticket now, event, return status recorded]
    const TABLE: [string, Ticket, IssueChangeEvent, string | undefined][] = [
      [
        'moved from In Progress into the Clarification it is in',
        inClarification({ kind: 'softwareDefect', typeName: 'Software Defect' }),
        moved('s-prog', 'In Progress', 's-clar'),
        'inProgress',
      ],
      [
        'the event names a move to another status (the ticket moved on since)',
        inClarification({ kind: 'softwareDefect', typeName: 'Software Defect' }),
        moved('s-prog', 'In Progress', 's-res'),
        undefined,
      ],
      [
        'the changelog item has no status id to return to',
        inClarification({ kind: 'softwareDefect', typeName: 'Software Defect' }),
        moved(undefined, 'In Progress', 's-clar'),
        undefined,
      ],
      [
        'a status outside the process',
        inClarification({ kind: 'softwareDefect', typeName: 'Software Defect' }),
        moved('s-x', 'Waiting for vendor', 's-clar'),
        undefined,
      ],
      [
        'no status change in the event (a comment found the ticket in Clarification)',
        inClarification(),
        event({ kind: 'commented', comment: { id: 'c1', isPublic: true } }),
        undefined,
      ],
    ];
    it.each(TABLE)('%s', (_case, t, e, returnStatus) => {
      const { state } = reconcileTimers(input(t, e), stored('s-prog'));
      expect(state).toMatchObject({ timer: 'clarification', statusId: 's-clar' });
      expect(state.returnStatus).toBe(returnStatus);
    });
  });

  it('a ticket of a type or in a status outside the process runs no timer and its running one ends silently', () => {
    const running = stored('s-clar', {
      timer: 'clarification',
      cycle: 2,
      nextDueAt: '2026-12-01T10:00:00.000Z',
    });
    const outside: [string, Ticket][] = [
      ['type outside the process', inClarification({ kind: undefined, typeName: 'Epic' })],
      ['status outside the process', inStatus('s-x', 'Waiting for vendor', undefined)],
    ];
    for (const [name, t] of outside) {
      const result = reconcileTimers(input(t, event()), running);
      expect({ name, result }).toEqual({
        name,
        result: {
          state: {
            ...running,
            timer: 'none',
            statusId: t.statusId,
            nextDueAt: undefined,
            updatedAt: NOW.toISOString(),
          },
          actions: [],
        },
      });
    }
  });

  it('a ticket with no state yet gets the timer of its status and no audit of a stopped one', () => {
    const result = reconcileTimers(input(inClarification(), event()), undefined);
    expect(result.actions).toEqual([]);
    expect(result.state).toMatchObject({ timer: 'clarification', cycle: 1, statusId: 's-clar' });
  });

  describe('leaving a status: the audit names the timer that ended, once per cycle', () => {
    const resolved = stored('s-res', { timer: 'resolved', cycle: 3 });
    const closed = inStatus('s-closed', 'Closed', 'closed');
    const closing = moved('s-res', 'Resolved', 's-closed');
    // [case, stored state, by the customer, audit detail or none]
    const TABLE: [string, ProcessState, boolean | undefined, string | undefined][] = [
      ['the customer closes a Resolved ticket', resolved, true, 'resolved:closed:byCustomer'],
      ['an agent closes it', resolved, false, 'resolved:closed'],
      ['who closed it is not known', resolved, undefined, 'resolved:closed'],
      ['no timer ran in the status left', { ...resolved, timer: 'none' }, true, undefined],
    ];
    it.each(TABLE)('%s', (_case, state, byCustomer, detail) => {
      const extra = byCustomer === undefined ? {} : { byCustomer };
      const { actions } = reconcileTimers(input(closed, closing, extra), state);
      expect(actions).toEqual(
        detail === undefined
          ? []
          : [
              {
                type: 'audit',
                entry: {
                  action: 'timerStopped',
                  outcome: 'done',
                  detail,
                  idempotencyKey: '10001:timerStopped:resolved:3',
                },
              },
            ],
      );
    });
  });

  describe('acceptance (guide §3.1) is read from the changelog by the panel, never stored (docs/decisions/0027)', () => {
    const fresh = { ...initialState(EARLIER, 's-open') };
    // [case, ticket now]
    const TABLE: [string, Ticket][] = [
      ['in Open, unassigned', ticket()],
      ['in Open, assigned', ticket({ assigneeId: 'agent-1' })],
      ['in In Progress, unassigned', inStatus('s-prog', 'In Progress', 'inProgress')],
    ];
    it.each(TABLE)('%s: the state of its status, as stored', (_case, t) => {
      const kept = { ...fresh, statusId: t.statusId };
      expect(reconcileTimers(input(t, event()), kept).state).toBe(kept);
    });

    it('a ticket with a state of its own status keeps it', () => {
      const kept = stored('s-open');
      expect(reconcileTimers(input(ticket({ assigneeId: 'agent-1' }), event()), kept).state).toBe(kept);
    });
  });
});
