import { panelAcceptedAt } from '../../../src/app/panel/panel-acceptance';
import type { ChangelogHistory } from '../../../src/app/ports/jira';
import { configForProject, parseConfig } from '../../../src/domain/config';

const parsed = parseConfig({ projects: ['SD'] });
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const cfg = configForProject(parsed.config, 'SD');

const CREATED = '2026-11-20T09:00:00.000+0100';
const history = (created: string, items: ChangelogHistory['items']): ChangelogHistory => ({
  id: created,
  created,
  items,
});
type Item = ChangelogHistory['items'][number];
/** An assignee change; an `undefined` side is one Jira left out. */
function assignee(from: string | null | undefined, to: string | null | undefined): Item {
  // Jira names the people in `fromString` / `toString`; the acceptance reads the account ids only.
  const item: Item = { field: 'assignee', toString: null };
  if (from !== undefined) item.from = from;
  if (to !== undefined) item.to = to;
  return item;
}
/** A status change; an `undefined` source is one Jira left out. */
function status(fromString: string | null | undefined, toString: string): Item {
  const item: Item = { field: 'status', toString };
  if (fromString !== undefined) item.fromString = fromString;
  return item;
}

interface Row {
  readonly name: string;
  readonly histories: ChangelogHistory[] | undefined;
  readonly assigneeId?: string;
  readonly statusName?: string;
  readonly created?: string;
  readonly expected: string | undefined;
}

const ROWS: Row[] = [
  { name: 'no changelog, Open and unassigned', histories: undefined, expected: undefined },
  {
    name: 'no changelog, created in another status',
    histories: undefined,
    statusName: 'In Progress',
    expected: '2026-11-20T08:00:00.000Z',
  },
  {
    name: 'the first assignment, in Jira time with its offset',
    histories: [history('2026-11-21T10:00:00.000+0100', [assignee(null, 'agent-1')])],
    assigneeId: 'agent-1',
    expected: '2026-11-21T09:00:00.000Z',
  },
  {
    name: 'an assignment whose empty side Jira left out',
    histories: [history('2026-11-21T10:00:00.000+0100', [assignee(undefined, 'agent-1')])],
    assigneeId: 'agent-1',
    expected: '2026-11-21T09:00:00.000Z',
  },
  {
    name: 'an unassignment whose empty side Jira left out is no acceptance',
    histories: [history('2026-11-21T10:00:00.000+0100', [assignee('agent-1', undefined)])],
    expected: '2026-11-20T08:00:00.000Z',
  },
  {
    name: 'the first move out of Open',
    histories: [history('2026-11-22T10:00:00.000+0100', [status('Open', 'In Progress')])],
    statusName: 'In Progress',
    expected: '2026-11-22T09:00:00.000Z',
  },
  {
    name: 'a move whose source Jira left out says nothing of the creation',
    histories: [history('2026-11-22T10:00:00.000+0100', [status(undefined, 'Open')])],
    expected: undefined,
  },
  {
    name: 'a change of another field that names a status is no move',
    histories: [
      history('2026-11-22T10:00:00.000+0100', [
        { field: 'resolution', fromString: 'Open', toString: 'Done' },
      ]),
    ],
    expected: undefined,
  },
  {
    name: 'a history without a readable time is left out',
    histories: [
      history('yesterday', [assignee(null, 'agent-1')]),
      history('2026-11-23T10:00:00.000+0100', [status('Open', 'In Progress')]),
    ],
    statusName: 'In Progress',
    expected: '2026-11-23T09:00:00.000Z',
  },
  {
    name: 'a ticket without a readable creation time has no clock',
    histories: [history('2026-11-22T10:00:00.000+0100', [status('Open', 'In Progress')])],
    created: 'unknown',
    statusName: 'In Progress',
    expected: undefined,
  },
];

describe('panelAcceptedAt: the acceptance read from the changelog (docs/decisions/0027)', () => {
  it.each(ROWS)('$name', ({ histories, assigneeId, statusName = 'Open', created = CREATED, expected }) => {
    const issue = { id: '1', ...(histories ? { changelog: { histories } } : {}) };
    const ticket = { created, statusName, ...(assigneeId ? { assigneeId } : {}) };
    expect(panelAcceptedAt(issue, ticket, cfg)).toBe(expected);
  });
});
