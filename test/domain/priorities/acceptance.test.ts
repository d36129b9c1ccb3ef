import { acceptedAt, type AcceptanceChange } from '../../../src/domain/priorities/acceptance';

const MIN = 60_000;
const CREATED = Date.parse('2026-11-27T08:00:00Z');
const at = (minutes: number) => CREATED + minutes * MIN;

const assign = (minutes: number, from: string | null, to: string | null): AcceptanceChange => ({
  at: at(minutes),
  field: 'assignee',
  from,
  to,
});
const move = (minutes: number, from: string | null, to: string | null): AcceptanceChange => ({
  at: at(minutes),
  field: 'status',
  from,
  to,
});

interface Row {
  readonly name: string;
  readonly changes: readonly AcceptanceChange[];
  readonly assigneeId?: string;
  readonly statusName: string;
  readonly expected: number | undefined;
}

const ROWS: readonly Row[] = [
  { name: 'Open and unassigned all its life', changes: [], statusName: 'Open', expected: undefined },
  {
    name: 'Open, the name in another case',
    changes: [move(5, 'open', ' OPEN ')],
    statusName: 'OPEN',
    expected: undefined,
  },
  {
    name: 'created with an assignee, never changed',
    changes: [],
    assigneeId: 'agent-1',
    statusName: 'Open',
    expected: at(0),
  },
  { name: 'created in a status other than Open', changes: [], statusName: 'In Progress', expected: at(0) },
  {
    name: 'created with an assignee who was removed later',
    changes: [assign(30, 'agent-1', null)],
    statusName: 'Open',
    expected: at(0),
  },
  {
    name: 'created in In Progress and moved to Open later',
    changes: [move(30, 'In Progress', 'Open')],
    statusName: 'Open',
    expected: at(0),
  },
  {
    name: 'first assigned while Open',
    changes: [assign(20, null, 'agent-1'), move(50, 'Open', 'In Progress')],
    assigneeId: 'agent-1',
    statusName: 'In Progress',
    expected: at(20),
  },
  {
    name: 'first moved out of Open, assigned later',
    changes: [assign(50, null, 'agent-1'), move(10, 'Open', 'In Progress')],
    assigneeId: 'agent-1',
    statusName: 'In Progress',
    expected: at(10),
  },
  {
    name: 'the first acceptance counts, not a later one after it went back to Open',
    changes: [
      move(10, 'Open', 'In Progress'),
      move(20, 'In Progress', 'Open'),
      move(40, 'Open', 'Clarification'),
    ],
    statusName: 'Clarification',
    expected: at(10),
  },
  {
    name: 'an unassignment is no acceptance',
    changes: [assign(10, null, null), move(30, 'Open', 'In Progress')],
    statusName: 'In Progress',
    expected: at(30),
  },
  {
    name: 'a status change without a target name is no acceptance',
    changes: [move(10, 'Open', null)],
    statusName: 'Open',
    expected: undefined,
  },
  {
    name: 'a first status change without a source name says nothing of the creation',
    changes: [move(10, null, 'Open')],
    statusName: 'Open',
    expected: undefined,
  },
  {
    name: 'unassigned now, assigned and unassigned while Open',
    changes: [assign(10, null, 'agent-1'), assign(15, 'agent-1', null)],
    statusName: 'Open',
    expected: at(10),
  },
];

describe('acceptedAt: the start of the restoration clock (guide §3.1)', () => {
  it.each(ROWS)('$name', ({ changes, assigneeId, statusName, expected }) => {
    expect(acceptedAt({ created: CREATED, changes, assigneeId, statusName, openName: 'Open' })).toBe(
      expected,
    );
  });
});
