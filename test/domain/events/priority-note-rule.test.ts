import type { IssueChangeEvent } from '../../../src/domain/events/issue-change';
import { decidePriorityNote } from '../../../src/domain/events/priority-note-rule';
import { initialState, withDone } from '../../../src/domain/process-state';
import type { Ticket } from '../../../src/domain/ticket';
import { event, input, NOW, ticket } from './rule-fixtures';

const state = initialState(NOW, 's-open');
const defect = (priority: Ticket['priority'], priorityName?: string) =>
  ticket({
    kind: 'softwareDefect',
    typeName: 'Software Defect',
    ...(priority ? { priority } : {}),
    ...(priorityName ? { priorityName } : {}),
  });
const changed = (fieldId: string) =>
  event({ items: [{ field: fieldId, fieldId, from: 'a', fromString: 'A', to: 'b', toString: 'B' }] });
const created = event({ kind: 'created', items: [] });
const decide = (t: Ticket, e: IssueChangeEvent, s = state) => decidePriorityNote(input(t, e), s);

describe('decidePriorityNote: a Software Defect at P1/P2 gets one internal note per change', () => {
  it.each([
    [
      'priority changed to P1',
      defect('P1', 'Highest'),
      changed('priority'),
      '10001:priorityNote:h1:P1',
      'Highest',
    ],
    ['re-typed while at P2', defect('P2'), changed('issuetype'), '10001:priorityNote:h1:P2', 'P2'],
    [
      'created at P1',
      defect('P1'),
      { ...created, changelogId: undefined },
      '10001:priorityNote:created:P1',
      'P1',
    ],
  ] as const)('%s', (_, t, e, idempotencyKey, shown) => {
    expect(decide(t, e)).toEqual({
      state,
      actions: [
        {
          type: 'comment',
          visibility: 'internal',
          messageKey: 'priorityMismatch',
          params: { ticketKey: 'SD-1', priority: shown, type: 'Software Defect' },
          idempotencyKey,
        },
      ],
    });
  });

  it.each([
    ['another field changed', defect('P1'), changed('summary')],
    ['a comment', defect('P1'), event({ kind: 'commented', items: [], comment: { id: 'c1' } })],
    ['a priority that fits (P3)', defect('P3'), changed('priority')],
    ['no priority', defect(undefined), changed('priority')],
    [
      'a Non-Software Defect at P1',
      { ...defect('P1'), kind: 'nonSoftwareDefect' as const },
      changed('priority'),
    ],
  ])('no note: %s', (_, t, e) => {
    expect(decide(t, e)).toEqual({ state, actions: [] });
  });

  it('a note already posted for this change is not posted again', () => {
    const done = withDone(state, '10001:priorityNote:h1:P1');
    expect(decide(defect('P1'), changed('priority'), done)).toEqual({ state: done, actions: [] });
    expect(decide(defect('P2'), changed('priority'), done).actions).toHaveLength(1);
  });
});
