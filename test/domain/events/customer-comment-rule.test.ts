import { decideCustomerComment } from '../../../src/domain/events/customer-comment-rule';
import type { IssueChangeEvent } from '../../../src/domain/events/issue-change';
import { initialState, type ProcessState } from '../../../src/domain/process-state';
import { event, input, NOW, ticket } from './rule-fixtures';

const waiting: ProcessState = {
  ...initialState(new Date('2026-11-10T10:00:00Z'), 's-clar'),
  timer: 'clarification',
  cycle: 1,
  stepsDone: 2,
};
const inClarification = ticket({
  statusId: 's-clar',
  statusName: 'Clarification required / On hold',
  status: 'clarification',
  state: waiting,
});
const comment = (isPublic: boolean | undefined, kind: IssueChangeEvent['kind'] = 'commented') =>
  event({
    kind,
    items: [],
    comment: { id: 'c7', authorId: 'cust-1', ...(isPublic === undefined ? {} : { isPublic }) },
  });
const decide = (e: IssueChangeEvent, byCustomer: boolean | undefined, state = waiting, t = inClarification) =>
  decideCustomerComment(input(t, e, byCustomer === undefined ? {} : { byCustomer }), state);

describe('decideCustomerComment (PROCESS.md §4)', () => {
  it("a customer's public comment restarts the cycle and remembers the comment", () => {
    const { state, actions } = decide(comment(true), true);
    expect(actions).toEqual([]);
    expect(state).toMatchObject({ cycle: 2, stepsDone: 0, cycleStartedAt: NOW.toISOString() });
    expect(state.done).toEqual([...waiting.done, '10001:customerComment:c7']);
  });

  it.each([
    ['an internal note by the customer', comment(false), true],
    ['a comment whose visibility is unknown', comment(undefined), true],
    ["an agent's public comment", comment(true), false],
    ['a comment nobody is named for', comment(true), undefined],
    ['an update event that carries a comment', comment(true, 'updated'), true],
    ['an event without a comment', event({ kind: 'commented', items: [] }), true],
  ])('%s restarts nothing', (_, e, byCustomer) => {
    expect(decide(e, byCustomer)).toEqual({ state: waiting, actions: [] });
  });

  it('a state of an earlier status is not restarted (it is reconciled first)', () => {
    const stale = { ...waiting, statusId: 's-open' };
    expect(decide(comment(true), true, stale)).toEqual({ state: stale, actions: [] });
  });
});
