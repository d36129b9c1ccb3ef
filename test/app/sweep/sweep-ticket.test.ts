import type { ChangelogHistory, IssueBean } from '../../../src/app/ports/jira';
import {
  stateBasisOf,
  statusChangesOf,
  sweepFields,
  toSweepTicket,
} from '../../../src/app/sweep/sweep-ticket';
import { PROCESS_STATE_KEY } from '../../../src/domain/process-state';
import { cfg, clarificationTicket, ORGANIZATIONS_FIELD } from './sweep-fakes';

const CLARIFICATION = { id: '3', name: 'Clarification required / On hold' };
const SUPPORT_REQUEST = { id: '7', name: 'Support Request' };
const state = clarificationTicket(12).state;

/** A ticket as the sweep's search returns it; `fields` and the rest as given. */
function bean(fields: Record<string, unknown> = {}, rest: Partial<IssueBean> = {}): IssueBean {
  return {
    id: '10001',
    key: 'SUP-1',
    fields: {
      status: CLARIFICATION,
      issuetype: SUPPORT_REQUEST,
      updated: '2026-11-27T09:00:00.000+0000',
      created: '2026-11-01T08:00:00.000+0000',
      reporter: { accountId: 'customer-1' },
      ...fields,
    },
    properties: { [PROCESS_STATE_KEY]: state },
    ...rest,
  };
}

/** A changelog history at `created` with `items`. */
const history = (id: string, created: string, items: ChangelogHistory['items']): ChangelogHistory => ({
  id,
  created,
  items,
});

describe('toSweepTicket: a search result as the sweep reads it', () => {
  it('reads the ticket the search returned, with its state, its change time and no changelog', () => {
    expect(toSweepTicket(bean(), cfg)).toStrictEqual({
      id: '10001',
      key: 'SUP-1',
      typeId: '7',
      typeName: 'Support Request',
      kind: 'supportRequest',
      statusId: '3',
      statusName: 'Clarification required / On hold',
      status: 'clarification',
      created: '2026-11-01T08:00:00.000+0000',
      reporterId: 'customer-1',
      organizations: [],
      state,
      updatedMs: Date.parse('2026-11-27T09:00:00Z'),
      statusChanges: [],
      olderHistories: 0,
    });
  });

  it('leaves out what the search did not return, rather than holding it as undefined', () => {
    const read = toSweepTicket(bean({ reporter: undefined }, { properties: {} }), cfg);
    expect(read).not.toHaveProperty('reporterId');
    expect(read).not.toHaveProperty('state');
    expect(read).toHaveProperty('updatedMs', Date.parse('2026-11-27T09:00:00Z'));
  });

  it.each([
    ['its status', bean({ status: undefined })],
    ['its issue type', bean({ issuetype: undefined })],
    ['its key', { ...bean(), key: undefined }],
    ['any field', { id: '10001', key: 'SUP-1' }],
  ])('a result without %s is unreadable', (_name, read) => {
    expect(toSweepTicket(read, cfg)).toBeUndefined();
  });

  it('reads the organizations from the field the site keeps them in', () => {
    const shared = bean({ [ORGANIZATIONS_FIELD]: [{ id: '5', name: 'Acme GmbH' }] });
    expect(toSweepTicket(shared, cfg, ORGANIZATIONS_FIELD)?.organizations).toEqual([
      { id: '5', name: 'Acme GmbH' },
    ]);
    expect(toSweepTicket(shared, cfg)?.organizations).toEqual([]);
  });

  it('reads the status changes of an expanded changelog, oldest first, and how many histories were left out', () => {
    const read = toSweepTicket(
      bean(
        {},
        {
          changelog: {
            total: 45,
            histories: [
              history('9', '2026-11-20T08:00:00.000+0000', [
                { field: 'status', to: '3', toString: CLARIFICATION.name },
              ]),
              history('8', '2026-11-10T08:00:00.000+0000', [
                { field: 'assignee', to: 'agent', toString: 'Anna' },
                { field: 'Status', fieldId: 'status', to: '1', toString: 'Open' },
              ]),
            ],
          },
        },
      ),
      cfg,
    );
    expect(read?.statusChanges).toEqual([
      { at: '2026-11-10T08:00:00.000+0000', toStatusId: '1', toStatusName: 'Open' },
      { at: '2026-11-20T08:00:00.000+0000', toStatusId: '3', toStatusName: CLARIFICATION.name },
    ]);
    expect(read?.olderHistories).toBe(43);
  });

  it('a changelog that reports no total holds every history', () => {
    const read = toSweepTicket(
      bean({}, { changelog: { histories: [history('1', '2026-11-20T08:00:00.000+0000', [])] } }),
      cfg,
    );
    expect(read?.olderHistories).toBe(0);
  });
});

describe('statusChangesOf: the status changes among changelog histories', () => {
  it('keeps only status items, sorted by time; a missing target reads as unknown', () => {
    expect(
      statusChangesOf([
        history('3', '2026-11-03T08:00:00.000+0100', [{ field: 'status', to: null, toString: null }]),
        history('1', '2026-11-01T08:00:00.000+0000', [{ field: 'priority', to: '2', toString: 'High' }]),
        history('2', '2026-11-03T07:30:00.000+0000', [{ field: 'status', to: '3', toString: 'Waiting' }]),
      ]),
    ).toEqual([
      { at: '2026-11-03T08:00:00.000+0100', toStatusId: undefined, toStatusName: undefined },
      { at: '2026-11-03T07:30:00.000+0000', toStatusId: '3', toStatusName: 'Waiting' },
    ]);
  });

  it('a change without a readable time sorts first', () => {
    expect(
      statusChangesOf([
        history('2', '2026-11-03T07:30:00.000+0000', [{ field: 'status', to: '3', toString: 'Waiting' }]),
        history('1', 'unknown', [{ field: 'status', to: '1', toString: 'Open' }]),
      ]).map((c) => c.toStatusId),
    ).toEqual(['1', '3']);
  });
});

describe('what the sweep asks the search for, and names as the view of a state', () => {
  it('asks for the fields it reads, and the Organizations field only when it chooses texts by organization', () => {
    expect(sweepFields()).toEqual(['status', 'issuetype', 'updated', 'created', 'reporter']);
    expect(sweepFields(ORGANIZATIONS_FIELD)).toEqual([
      'status',
      'issuetype',
      'updated',
      'created',
      'reporter',
      ORGANIZATIONS_FIELD,
    ]);
  });

  it("names the ticket's `updated` as the view a state was decided from, or none when the search gave none", () => {
    expect(stateBasisOf({ updatedMs: Date.parse('2026-11-27T09:00:00Z') })).toEqual({
      stateBasis: '2026-11-27T09:00:00.000Z',
    });
    expect(stateBasisOf({ updatedMs: undefined })).toStrictEqual({});
  });
});
