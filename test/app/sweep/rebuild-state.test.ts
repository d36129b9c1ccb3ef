import { configForProject } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { initialState } from '../../../src/domain/process-state';
import { rebuildState, stateMatchesTicket, statusEnteredAt } from '../../../src/app/sweep/rebuild-state';
import { toSweepTicket, type SweepTicket } from '../../../src/app/sweep/sweep-ticket';
import { parseJiraTime } from '../../../src/app/shared/field-values';

const cfg = configForProject(defaultConfig, 'SUP');
const now = new Date('2026-11-27T10:00:00Z');

function ticket(overrides: Partial<SweepTicket> = {}): SweepTicket {
  return {
    id: '10001',
    key: 'SUP-1',
    statusId: '3',
    statusName: 'Clarification required / On hold',
    status: 'clarification',
    typeId: '7',
    typeName: 'Support Request',
    kind: 'supportRequest',
    state: undefined,
    updatedMs: undefined,
    created: '2026-10-01T08:00:00.000+0000',
    organizations: [],
    statusChanges: [
      {
        at: '2026-10-02T08:00:00.000+0000',
        toStatusId: '3',
        toStatusName: 'Clarification required / On hold',
      },
      { at: '2026-10-05T08:00:00.000+0000', toStatusId: '2', toStatusName: 'Open' },
      {
        at: '2026-11-02T09:15:00.000+0000',
        toStatusId: '3',
        toStatusName: 'Clarification required / On hold',
      },
    ],
    ...overrides,
  };
}

describe('rebuilding the timer state of tickets the app has not seen in their status', () => {
  it('counts from the latest entry into the current status (changelog), else creation', () => {
    expect(statusEnteredAt(ticket(), now).toISOString()).toBe('2026-11-02T09:15:00.000Z');
    expect(statusEnteredAt(ticket({ statusChanges: [] }), now).toISOString()).toBe(
      '2026-10-01T08:00:00.000Z',
    );
  });

  it('starts the status timer from the entry date, so only the step due now will run', () => {
    const state = rebuildState(ticket(), cfg, now);
    expect(state).toMatchObject({
      timer: 'clarification',
      statusId: '3',
      cycle: 1,
      cycleStartedAt: '2026-11-02T09:15:00.000Z',
      stepsDone: 0,
      nextDueAt: '2026-11-12T09:15:00Z',
      lastReset: { reason: 'installBackfill' },
    });
  });

  it('records where a rebuilt Clarification returns to: the status before the latest entry (PROCESS.md §3)', () => {
    expect(rebuildState(ticket(), cfg, now)).toMatchObject({
      returnStatus: 'open',
      returnStatusId: '2',
    });
  });

  it('falls back to the type’s starting status when Clarification was the first status change', () => {
    const first = ticket({ statusChanges: ticket().statusChanges.slice(0, 1) });
    expect(rebuildState(first, cfg, now)).toMatchObject({ returnStatus: 'open' });
  });

  it('keeps done keys and flags and moves the cycle on when a stale state is rebuilt', () => {
    const stale = {
      ...initialState(now, '9'),
      timer: 'resolved' as const,
      cycle: 4,
      done: ['10001:resolved:4:close'],
      flags: ['x'],
    };
    const state = rebuildState(ticket({ state: stale }), cfg, now);
    expect(state).toMatchObject({
      cycle: 5,
      done: ['10001:resolved:4:close'],
      flags: ['x'],
      lastReset: { reason: 'statusEntered' },
    });
  });

  it('gives tickets of unknown types or statuses no timer', () => {
    expect(rebuildState(ticket({ typeName: 'Epic', kind: undefined }), cfg, now)).toMatchObject({
      timer: 'none',
    });
    const suggestion = ticket({ typeName: 'Suggestion', kind: 'suggestion' });
    expect(rebuildState(suggestion, cfg, now).nextDueAt).toBeUndefined();
  });

  it('accepts a state only for the status and type it was written for', () => {
    const state = rebuildState(ticket(), cfg, now);
    expect(stateMatchesTicket(ticket({ state }))).toBe(true);
    expect(
      stateMatchesTicket(ticket({ state, statusId: '4', statusName: 'In Progress', status: 'inProgress' })),
    ).toBe(false);
    expect(stateMatchesTicket(ticket({ state, typeName: 'Suggestion', kind: 'suggestion' }))).toBe(false);
    expect(stateMatchesTicket(ticket())).toBe(false);
  });
});

describe('reading search results', () => {
  it("parses Jira's timestamps without a colon in the offset", () => {
    expect(parseJiraTime('2026-11-27T10:00:00.000+0100')).toBe(Date.parse('2026-11-27T09:00:00Z'));
    expect(parseJiraTime('yesterday')).toBeUndefined();
  });

  it('reads status, type, state, organizations and status changes with the project names; rejects beans without status', () => {
    const bean = {
      id: '10001',
      key: 'SUP-1',
      fields: {
        status: { id: '3', name: 'Clarification required / On hold' },
        issuetype: { id: '7', name: 'Support Request' },
        updated: '2026-11-27T09:00:00.000+0000',
        customfield_10002: [{ id: '1', name: 'Acme GmbH' }],
      },
      properties: { 'jsm-process-state': { v: 0 } },
      changelog: {
        histories: [
          {
            id: '1',
            created: '2026-11-02T09:15:00.000+0000',
            items: [{ field: 'status', to: '3', toString: 'Clarification required / On hold' }],
          },
        ],
      },
    };
    const read = toSweepTicket(bean, cfg, 'customfield_10002');
    expect(read).toMatchObject({
      statusId: '3',
      status: 'clarification',
      typeName: 'Support Request',
      kind: 'supportRequest',
      organizations: [{ id: '1', name: 'Acme GmbH' }],
    });
    // An unreadable stored state reads as none, which the sweep rebuilds.
    expect(read?.state).toBeUndefined();
    expect(read?.statusChanges).toHaveLength(1);
    // Only the fields the sweep's search asks for: no summary or links the search did not read.
    expect(read).not.toHaveProperty('summary');
    expect(read).not.toHaveProperty('links');
    expect(toSweepTicket({ id: '1', key: 'SUP-2', fields: {} }, cfg)).toBeUndefined();
  });
});
