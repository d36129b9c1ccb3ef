import {
  DONE_LIMIT,
  holdsNothing,
  initialState,
  parseProcessState,
  PROCESS_STATE_KEY,
  processStateSchema,
  returnStatusOf,
  withReturnStatus,
  withDone,
  withFlag,
  withReset,
  type TimerReset,
  withoutFlag,
} from '../../src/domain/process-state';

const now = new Date('2026-11-27T09:00:00Z');

describe('holdsNothing: a state that records only the status its ticket is in', () => {
  const blank = initialState(now, '10001');
  const later = '2026-11-28T10:00:00.000Z';
  it.each<[string, Record<string, unknown>, boolean]>([
    ['the initial state', {}, true],
    ['taken at another instant', { enteredAt: later, cycleStartedAt: later, updatedAt: later }, true],
    ['a running timer', { timer: 'clarification' }, false],
    ['a later cycle', { cycle: 1 }, false],
    ['a step done', { stepsDone: 1 }, false],
    ['a step instant', { lastStepAt: later }, false],
    ['a due step', { nextDueAt: later }, false],
    ['a reset', { lastReset: { at: later, reason: 'customerComment' } }, false],
    ['a reset history', { resets: [] }, false],
    ['a Clarification origin id', { returnStatusId: '3' }, false],
    ['a Clarification origin', { returnStatus: 'inProgress' }, false],
    ['a flag', { flags: ['illegalTransition'] }, false],
    ['an action done', { done: ['1:emailIntake'] }, false],
    // JSON leaves a field set to `undefined` out: the property written would be the initial state's.
    ['no due step, set to undefined', { nextDueAt: undefined }, true],
    ['no Clarification origin, set to undefined', { returnStatus: undefined }, true],
    ['a field the schema does not know', { extra: 1 }, false],
  ])('%s: %s', (_name, change, expected) => {
    expect(holdsNothing({ ...blank, ...change })).toBe(expected);
  });

  it('compares the status the state is in, whatever it is', () => {
    expect(holdsNothing(initialState(now, '10042'))).toBe(true);
  });
});

describe('process state', () => {
  it('is stored under the property key the manifest indexes', () => {
    expect(PROCESS_STATE_KEY).toBe('jsm-process-state');
  });

  it('starts with no timer and nothing due', () => {
    const state = initialState(now, '10001');
    expect(state).toEqual({
      v: 1,
      timer: 'none',
      statusId: '10001',
      cycle: 0,
      enteredAt: '2026-11-27T09:00:00.000Z',
      cycleStartedAt: '2026-11-27T09:00:00.000Z',
      stepsDone: 0,
      flags: [],
      done: [],
      updatedAt: '2026-11-27T09:00:00.000Z',
    });
    expect(processStateSchema.parse(state)).toEqual(state);
  });

  it('round-trips through JSON', () => {
    const state = {
      ...initialState(now, '1'),
      nextDueAt: '2026-12-07T09:00:00.000Z',
    };
    expect(parseProcessState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it('reads a state that still holds the acceptance it once stored, and drops it (docs/decisions/0027)', () => {
    const state = { ...initialState(now, '1'), nextDueAt: '2026-12-07T09:00:00.000Z' };
    const parsed = parseProcessState({ ...state, acceptedAt: now.toISOString() });
    expect(parsed).toEqual(state);
    expect(parsed).not.toHaveProperty('acceptedAt');
  });

  it.each([
    ['absent', undefined],
    ['another version', { ...initialState(now, '1'), v: 2 }],
    ['an unknown timer', { ...initialState(now, '1'), timer: 'snooze' }],
    ['a non-ISO due date', { ...initialState(now, '1'), nextDueAt: '07.12.2026' }],
    ['an unknown key', { ...initialState(now, '1'), extra: true }],
    [
      'too many done keys',
      { ...initialState(now, '1'), done: Array.from({ length: 51 }, (_, i) => `k${i}`) },
    ],
  ])('treats %s as unreadable', (_name, value) => {
    expect(parseProcessState(value)).toBeUndefined();
  });

  it('keeps only the newest 50 done keys', () => {
    let state = initialState(now, '1');
    for (let i = 0; i < 60; i += 1) state = withDone(state, `k${i}`);
    expect(state.done).toHaveLength(DONE_LIMIT);
    expect(state.done[0]).toBe('k10');
    expect(state.done.at(-1)).toBe('k59');
    expect(withDone(state, 'k59')).toBe(state);
  });

  it('adds and removes flags once', () => {
    const flagged = withFlag(withFlag(initialState(now, '1'), 'deliveryMissing'), 'deliveryMissing');
    expect(flagged.flags).toEqual(['deliveryMissing']);
    expect(withoutFlag(flagged, 'deliveryMissing').flags).toEqual([]);
  });
});

describe('the Clarification return status in the stored state', () => {
  it('is optional, so states stored before it still parse', () => {
    const stored = JSON.parse(JSON.stringify(initialState(now, '10001'))) as unknown;
    expect(parseProcessState(stored)).toBeDefined();
  });

  it('parses a stored return status and rejects an unknown logical status', () => {
    const state = { ...initialState(now, '10002'), returnStatusId: '3', returnStatus: 'inProgress' };
    expect(parseProcessState(state)?.returnStatus).toBe('inProgress');
    expect(parseProcessState({ ...state, returnStatus: 'somewhere' })).toBeUndefined();
  });

  it('is read only for the status the state describes', () => {
    const state = withReturnStatus(initialState(now, '10002'), { statusId: '3', status: 'inProgress' });
    expect(returnStatusOf(state, '10002')).toEqual({ statusId: '3', status: 'inProgress' });
    expect(returnStatusOf(state, '10001')).toBeUndefined();
    expect(returnStatusOf(undefined, '10002')).toBeUndefined();
    expect(withReturnStatus(state, undefined)).not.toHaveProperty('returnStatus');
  });
});

describe('the bounded reset history', () => {
  const reset = (i: number): TimerReset => ({
    at: new Date(now.getTime() + i * 60_000).toISOString(),
    reason: i % 2 === 0 ? 'customerComment' : 'statusEntered',
  });

  it.each([
    ['the first reset of a state without history', 0, 1],
    ['one reset onto nine', 9, 10],
    ['one reset onto ten: the oldest goes', 10, 10],
    ['one reset onto twelve', 12, 10],
  ])('%s', (_name, before, kept) => {
    const history = Array.from({ length: before }, (_, i) => reset(i));
    const state = {
      ...initialState(now, '1'),
      ...(before > 0 ? { resets: history, lastReset: history.at(-1) } : {}),
    };
    const next = withReset(state, reset(before));
    expect(next.lastReset).toEqual(reset(before));
    expect(next.resets).toEqual([...history, reset(before)].slice(-kept));
    expect(parseProcessState(next)).toEqual(next);
  });
});

describe('flags and done keys change only what they name', () => {
  const base = { ...initialState(now, '1'), flags: ['illegalTransition', 'deliveryMissing'], done: ['k1'] };

  it.each([
    [
      'adding a new flag',
      () => withFlag(base, 'priorityMismatch').flags,
      ['illegalTransition', 'deliveryMissing', 'priorityMismatch'],
    ],
    ['removing one of two flags', () => withoutFlag(base, 'illegalTransition').flags, ['deliveryMissing']],
    ['recording a new done key', () => withDone(base, 'k2').done, ['k1', 'k2']],
  ])('%s', (_name, change, expected) => {
    expect(change()).toEqual(expected);
  });

  it.each([
    ['adding a flag it has', () => withFlag(base, 'deliveryMissing')],
    ['removing a flag it lacks', () => withoutFlag(base, 'priorityMismatch')],
    ['recording a done key it has', () => withDone(base, 'k1')],
  ])('%s gives back the same state', (_name, change) => {
    expect(change()).toBe(base);
  });
});

describe('the Clarification origin: written and read as one', () => {
  const state = initialState(now, '10002');

  it.each([
    [
      'with its Jira status id',
      { statusId: '3', status: 'inProgress' } as const,
      { returnStatusId: '3', returnStatus: 'inProgress' },
    ],
    [
      'without a Jira status id',
      { status: 'estimationInProgress' } as const,
      { returnStatus: 'estimationInProgress' },
    ],
  ])('set %s, and read back', (_name, origin, fields) => {
    const written = withReturnStatus(state, origin);
    expect(written).toStrictEqual({ ...state, ...fields });
    expect(returnStatusOf(written, '10002')).toEqual(origin);
  });

  it('removed together with its id', () => {
    const written = withReturnStatus(state, { statusId: '3', status: 'inProgress' });
    expect(withReturnStatus(written, undefined)).toStrictEqual(state);
  });

  it('replaced whole: a new origin without an id drops the old id', () => {
    const first = withReturnStatus(state, { statusId: '3', status: 'inProgress' });
    expect(withReturnStatus(first, { status: 'open' })).toStrictEqual({ ...state, returnStatus: 'open' });
  });

  it('unknown for a state that holds none', () => {
    expect(returnStatusOf(state, '10002')).toBeUndefined();
    expect(returnStatusOf({ ...state, returnStatusId: '3' }, '10002')).toBeUndefined();
  });
});
