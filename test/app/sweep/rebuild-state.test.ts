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

describe('rebuilding a state: where the status was entered, and what an old state hands on', () => {
  const CLARIFICATION = 'Clarification required / On hold';

  it.each([
    ['by its id alone (renamed since)', { toStatusId: '3', toStatusName: 'Waiting for customer' }],
    ['by its name alone (id unknown)', { toStatusId: undefined, toStatusName: CLARIFICATION }],
  ])('finds the entry into the current status %s', (_name, change) => {
    const entered = ticket({
      statusChanges: [
        { at: '2026-11-02T09:15:00.000+0000', toStatusId: '2', toStatusName: 'Open' },
        { at: '2026-11-05T09:15:00.000+0000', ...change },
      ],
    });
    expect(statusEnteredAt(entered, now).toISOString()).toBe('2026-11-05T09:15:00.000Z');
    expect(rebuildState(entered, cfg, now).returnStatus).toBe('open');
  });

  it('a later change into another status is not the entry into the current one', () => {
    const ahead = ticket({
      statusChanges: [
        { at: '2026-11-02T09:15:00.000+0000', toStatusId: '2', toStatusName: 'Open' },
        { at: '2026-11-05T09:15:00.000+0000', toStatusId: '3', toStatusName: CLARIFICATION },
        { at: '2026-11-06T09:15:00.000+0000', toStatusId: '5', toStatusName: 'Resolved' },
      ],
    });
    expect(statusEnteredAt(ahead, now).toISOString()).toBe('2026-11-05T09:15:00.000Z');
    expect(rebuildState(ahead, cfg, now)).toMatchObject({
      enteredAt: '2026-11-05T09:15:00.000Z',
      returnStatus: 'open',
    });
  });

  it('an entry whose time cannot be read counts from the creation; without either, from now', () => {
    const unreadable = ticket({
      statusChanges: [{ at: 'yesterday', toStatusId: '3', toStatusName: CLARIFICATION }],
    });
    expect(statusEnteredAt(unreadable, now).toISOString()).toBe('2026-10-01T08:00:00.000Z');
    expect(statusEnteredAt(ticket({ statusChanges: [], created: '' }), now)).toEqual(now);
  });

  it('an entry time ahead of the clock (clock skew) counts as now, never in the future', () => {
    const ahead = ticket({
      statusChanges: [{ at: '2026-11-27T10:05:00.000+0000', toStatusId: '3', toStatusName: CLARIFICATION }],
    });
    expect(statusEnteredAt(ahead, now)).toEqual(now);
    expect(rebuildState(ahead, cfg, now).enteredAt).toBe(now.toISOString());
  });

  it('counts the cycle and the entry from the rebuilt status, stamped now', () => {
    const state = rebuildState(ticket(), cfg, now);
    expect(state).toMatchObject({
      v: 1,
      statusId: '3',
      cycle: 1,
      enteredAt: '2026-11-02T09:15:00.000Z',
      updatedAt: now.toISOString(),
      done: [],
      flags: [],
      resets: [{ at: now.toISOString(), reason: 'installBackfill' }],
    });
  });

  it('hands on the resets an old state remembers', () => {
    const old = {
      ...initialState(now, '9'),
      timer: 'resolved' as const,
      cycle: 2,
      resets: [{ at: '2026-10-21T08:00:00.000Z', reason: 'customerComment' as const }],
    };
    const state = rebuildState(ticket({ state: old }), cfg, now);
    expect(state.resets).toEqual([
      { at: '2026-10-21T08:00:00.000Z', reason: 'customerComment' },
      { at: now.toISOString(), reason: 'statusEntered' },
    ]);
  });

  it.each([
    ['a status that is no working status of the kind', { toStatusId: '5', toStatusName: 'Resolved' }],
    ['a status the project does not name', { toStatusId: '8', toStatusName: 'Triage' }],
  ])('a Clarification entered from %s records no return status', (_name, before) => {
    const state = rebuildState(
      ticket({
        statusChanges: [
          { at: '2026-11-01T09:15:00.000+0000', ...before },
          { at: '2026-11-02T09:15:00.000+0000', toStatusId: '3', toStatusName: CLARIFICATION },
        ],
      }),
      cfg,
      now,
    );
    expect(state).not.toHaveProperty('returnStatus');
    expect(state).not.toHaveProperty('returnStatusId');
  });

  it('a Clarification whose entry the changelog does not show records no return status', () => {
    const state = rebuildState(ticket({ statusChanges: [] }), cfg, now);
    expect(state).not.toHaveProperty('returnStatus');
  });

  it('only a ticket in Clarification gets a return status', () => {
    const resolved = ticket({
      statusId: '5',
      statusName: 'Resolved',
      status: 'resolved',
      statusChanges: [
        { at: '2026-11-01T09:15:00.000+0000', toStatusId: '2', toStatusName: 'Open' },
        { at: '2026-11-02T09:15:00.000+0000', toStatusId: '5', toStatusName: 'Resolved' },
      ],
    });
    const state = rebuildState(resolved, cfg, now);
    expect(state.timer).toBe('resolved');
    expect(state).not.toHaveProperty('returnStatus');
  });

  it('a ticket in no known status gets no timer, and its state matches no status', () => {
    const unknown = ticket({ status: undefined, statusId: '12', statusName: 'Parked' });
    const state = rebuildState(unknown, cfg, now);
    expect(state.timer).toBe('none');
    expect(stateMatchesTicket({ ...unknown, state })).toBe(true);
    expect(stateMatchesTicket({ ...unknown, state: { ...state, timer: 'clarification' } })).toBe(false);
  });

  it('a state written in another status with the same timer (another status id) does not match', () => {
    const state = rebuildState(ticket(), cfg, now);
    expect(stateMatchesTicket(ticket({ state, statusId: '13' }))).toBe(false);
  });

  it('a ticket of a type the app does not manage matches only a state without timer', () => {
    const epic = ticket({ typeName: 'Epic', kind: undefined });
    const state = rebuildState(epic, cfg, now);
    expect(stateMatchesTicket({ ...epic, state })).toBe(true);
    expect(stateMatchesTicket({ ...epic, state: { ...state, timer: 'clarification' } })).toBe(false);
  });
});
