import {
  clarificationOriginFromChangelog,
  type ChangelogMemo,
} from '../../../src/app/events/clarification-origin';
import type { EventDeps } from '../../../src/app/events/event-deps';
import type { ChangelogHistory } from '../../../src/app/ports/jira';
import type { ChangeItem, IssueChangeEvent } from '../../../src/domain/events/issue-change';
import { initialState, withReturnStatus, type ProcessState } from '../../../src/domain/process-state';
import type { Ticket } from '../../../src/domain/ticket';
import { NOW, projectConfig } from '../../domain/events/rule-fixtures';

const config = projectConfig();

/** Jira status ids and names of the default configuration. */
const STATUS = {
  open: { id: 's-open', name: 'Open' },
  clarification: { id: 's-clar', name: 'Clarification required / On hold' },
  inProgress: { id: 's-prog', name: 'In Progress' },
  deliveryPending: { id: 's-dp', name: 'Delivery Pending' },
  closed: { id: 's-closed', name: 'Closed' },
  elsewhere: { id: 's-x', name: 'Waiting for support' },
} as const;
type Name = keyof typeof STATUS;

/** `toString` is a changelog field here, which an object literal without it would take from Object. */
type ItemOverrides = Omit<Partial<ChangeItem>, 'toString'>;

function statusItem(from: Name, to: Name, overrides: ItemOverrides = {}): ChangeItem {
  return {
    field: 'status',
    fieldId: 'status',
    from: STATUS[from].id,
    fromString: STATUS[from].name,
    to: STATUS[to].id,
    toString: STATUS[to].name,
    ...overrides,
  };
}

function history(id: string, ...items: ChangeItem[]): ChangelogHistory {
  return { id, created: NOW.toISOString(), items: [...items] };
}

/** The ticket's changelog: Open → Clarification, back to In Progress, Clarification again, and now out of it. */
const CHANGELOG = [
  history('100', statusItem('open', 'clarification')),
  history('200', statusItem('clarification', 'inProgress')),
  history('250', statusItem('inProgress', 'clarification')),
  history('300', statusItem('clarification', 'open')),
];

/** The event of history 300: a Software Defect leaving Clarification for Open. */
function leaving(to: Name = 'open', overrides: Partial<IssueChangeEvent> = {}): IssueChangeEvent {
  return {
    kind: 'updated',
    issueId: '10001',
    issueKey: 'SD-1',
    changelogId: '300',
    typeAtEvent: 'Software Defect',
    items: [statusItem('clarification', to)],
    ...overrides,
  };
}

type OriginTicket = Pick<Ticket, 'key' | 'statusId' | 'status' | 'kind'>;
const ticketIn = (to: Name = 'open', overrides: Partial<OriginTicket> = {}): OriginTicket => ({
  key: 'SD-1',
  statusId: STATUS[to].id,
  status: to === 'elsewhere' ? undefined : to,
  kind: 'softwareDefect',
  ...overrides,
});

/** A site whose SD-1 has `histories` (or no changelog at all); every read is recorded. */
function site(histories: readonly ChangelogHistory[] | null = CHANGELOG) {
  const reads: { key: string; options: unknown }[] = [];
  const jira = {
    async getIssue(key: string, options: unknown) {
      reads.push({ key, options });
      return { id: '10001', key, ...(histories ? { changelog: { histories: [...histories] } } : {}) };
    },
  };
  const deps = { jira } as unknown as EventDeps;
  const origin = (
    event: IssueChangeEvent = leaving(),
    ticket: OriginTicket = ticketIn(),
    stored?: ProcessState,
    memo: ChangelogMemo = {},
  ) => clarificationOriginFromChangelog(deps, ticket, event, stored, config, memo);
  return { reads, origin };
}

describe('clarification origin: where a ticket leaving Clarification came from, when the state cannot say', () => {
  it('the status left for the last entry into Clarification before the change, read in one request', async () => {
    const s = site();
    await expect(s.origin()).resolves.toEqual({ statusId: 's-prog', status: 'inProgress' });
    expect(s.reads).toEqual([{ key: 'SD-1', options: { fields: ['status'], expand: 'changelog' } }]);
  });

  it('entries after the change are not the origin of it', async () => {
    const s = site([...CHANGELOG, history('400', statusItem('open', 'clarification'))]);
    await expect(s.origin()).resolves.toEqual({ statusId: 's-prog', status: 'inProgress' });
  });

  it('the changelog is ordered by id, whatever order Jira answers in', async () => {
    const s = site([
      history('1000', statusItem('clarification', 'open')),
      history('99', statusItem('open', 'clarification')),
      history('250', statusItem('deliveryPending', 'clarification')),
    ]);
    await expect(s.origin(leaving('open', { changelogId: '1000' }))).resolves.toEqual({
      statusId: 's-dp',
      status: 'deliveryPending',
    });
  });

  it('a change the changelog does not show yet is judged by every entry', async () => {
    const s = site([
      ...CHANGELOG.slice(0, 3),
      history('400', statusItem('deliveryPending', 'clarification')),
    ]);
    await expect(s.origin(leaving('open', { changelogId: '999' }))).resolves.toEqual({
      statusId: 's-dp',
      status: 'deliveryPending',
    });
  });

  it('a change older than every entry into Clarification finds no origin', async () => {
    const s = site([history('50', statusItem('clarification', 'open')), ...CHANGELOG.slice(0, 3)]);
    await expect(s.origin(leaving('open', { changelogId: '50' }))).resolves.toBeUndefined();
  });

  it('only status entries into the status left count, also those Jira names by field only', async () => {
    const s = site([
      history('100', statusItem('open', 'clarification', { fieldId: undefined })),
      history('200', {
        field: 'resolution',
        fieldId: 'resolution',
        from: 's-prog',
        fromString: 'In Progress',
        to: 's-clar',
        toString: 'Fixed',
      }),
      history('210', statusItem('inProgress', 'deliveryPending')),
      history('300', statusItem('clarification', 'open')),
    ]);
    await expect(s.origin()).resolves.toEqual({ statusId: 's-open', status: 'open' });
  });

  it.each([
    { name: 'a status outside the process', item: statusItem('elsewhere', 'clarification') },
    { name: 'a status without an id', item: statusItem('inProgress', 'clarification', { from: null }) },
    {
      name: 'a status without a name',
      item: statusItem('inProgress', 'clarification', { fromString: null }),
    },
  ])('an entry from $name is no origin', async ({ item }) => {
    const s = site([history('250', item), history('300', statusItem('clarification', 'open'))]);
    await expect(s.origin()).resolves.toBeUndefined();
  });

  it('a ticket whose changelog Jira leaves out has no origin', async () => {
    const s = site(null);
    await expect(s.origin()).resolves.toBeUndefined();
  });

  it('a decision taken again in the same invocation reuses the changelog read', async () => {
    const s = site();
    const memo: ChangelogMemo = {};
    await s.origin(leaving(), ticketIn(), undefined, memo);
    await expect(s.origin(leaving(), ticketIn(), undefined, memo)).resolves.toEqual({
      statusId: 's-prog',
      status: 'inProgress',
    });
    expect(s.reads).toHaveLength(1);
  });

  const noRead: { name: string; event: IssueChangeEvent; ticket?: OriginTicket }[] = [
    {
      name: 'a change of another field',
      event: leaving('open', { items: [{ field: 'summary', fieldId: 'summary', toString: 'New' }] }),
    },
    {
      name: 'a status change from no status',
      event: leaving('open', { items: [statusItem('clarification', 'open', { from: null })] }),
    },
    {
      name: 'a move from another status',
      event: leaving('open', { items: [statusItem('inProgress', 'open')] }),
    },
    {
      name: 'a move from a status without a name',
      event: leaving('open', { items: [statusItem('clarification', 'open', { fromString: undefined })] }),
    },
    {
      name: 'a move the ticket has moved on from',
      event: leaving('open'),
      ticket: ticketIn('deliveryPending'),
    },
    {
      name: 'a move to a status outside the process',
      event: leaving('elsewhere'),
      ticket: ticketIn('elsewhere'),
    },
    {
      name: 'a move to In Progress, allowed from every origin',
      event: leaving('inProgress'),
      ticket: ticketIn('inProgress'),
    },
    { name: 'a close, allowed from every origin', event: leaving('closed'), ticket: ticketIn('closed') },
    {
      name: 'a kind without Clarification, then and now',
      event: leaving('open', { typeAtEvent: 'Suggestion' }),
      ticket: ticketIn('open', { kind: 'suggestion' }),
    },
    {
      name: 'a kind unknown then and now',
      event: leaving('open', { typeAtEvent: undefined }),
      ticket: ticketIn('open', { kind: undefined }),
    },
  ];
  it.each(noRead)('$name needs no origin and reads nothing', async ({ event, ticket }) => {
    const s = site();
    await expect(s.origin(event, ticket)).resolves.toBeUndefined();
    expect(s.reads).toEqual([]);
  });

  it.each([
    {
      name: 'the kind it had then',
      event: leaving('open', { typeAtEvent: 'Suggestion' }),
      ticket: ticketIn(),
    },
    {
      name: 'the kind it has now',
      event: leaving('open'),
      ticket: ticketIn('open', { kind: 'suggestion' }),
    },
    {
      name: 'the kind it had then, unknown now',
      event: leaving('open'),
      ticket: ticketIn('open', { kind: undefined }),
    },
  ])('a ticket re-typed is judged by $name', async ({ event, ticket }) => {
    const s = site();
    await expect(s.origin(event, ticket)).resolves.toEqual({ statusId: 's-prog', status: 'inProgress' });
  });

  it('a state that knows where the stay in Clarification came from needs no changelog', async () => {
    const s = site();
    const stored = withReturnStatus(initialState(NOW, 's-clar'), { statusId: 's-open', status: 'open' });
    await expect(s.origin(leaving(), ticketIn(), stored)).resolves.toBeUndefined();
    expect(s.reads).toEqual([]);
  });

  it.each([
    { name: 'a stay in Clarification without its origin', stored: initialState(NOW, 's-clar') },
    {
      name: 'an origin of another stay',
      stored: withReturnStatus(initialState(NOW, 's-prog'), { statusId: 's-open', status: 'open' }),
    },
  ])('a state that records $name reads the changelog', async ({ stored }) => {
    const s = site();
    await expect(s.origin(leaving(), ticketIn(), stored)).resolves.toEqual({
      statusId: 's-prog',
      status: 'inProgress',
    });
  });
});
