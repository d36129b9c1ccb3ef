import { KINDS, type Kind } from '../../../src/domain/kinds';
import { STATUSES, type StatusKey } from '../../../src/domain/statuses';
import {
  onReclassified,
  outsideProcess,
  restartForCustomerComment,
  startTimer,
  timerFor,
} from '../../../src/domain/timers';
import { onCustomerComment } from '../../../src/domain/timers/timer-events';
import type { ProcessState, TimerName } from '../../../src/domain/process-state';
import { at, entered, projectConfig, T0 } from './timer-fixtures';
import { indexedInstant } from '../../../src/domain/timers/indexed-instant';

const cfg = projectConfig();

describe('timerFor: which timer runs where', () => {
  it('matches the guide for every kind × status', () => {
    const running: string[] = [];
    for (const kind of KINDS) {
      for (const status of STATUSES) {
        const timer = timerFor(kind, status);
        if (timer !== 'none') running.push(`${kind}/${status}=${timer}`);
      }
    }
    expect(running.sort()).toEqual(
      [
        'incident/clarification=clarification',
        'request/clarification=clarification',
        'softwareDefect/clarification=clarification',
        'nonSoftwareDefect/clarification=clarification',
        'consultingRequest/clarification=clarification',
        'supportRequest/clarification=clarification',
        'customisation/clarification=clarification',
        'softwareDefect/resolved=resolved',
        'nonSoftwareDefect/resolved=resolved',
        'consultingRequest/resolved=resolved',
        'supportRequest/resolved=resolved',
        'suggestion/resolved=resolved',
        'customisation/estimationAvailable=estimate',
      ].sort(),
    );
  });
});

describe('startTimer', () => {
  it('starts cycle 1 with the status entry as reset', () => {
    const s = entered('supportRequest', 'clarification');
    expect(s).toMatchObject({
      v: 1,
      timer: 'clarification',
      statusId: 'status-clarification',
      cycle: 1,
      stepsDone: 0,
      enteredAt: T0.toISOString(),
      cycleStartedAt: T0.toISOString(),
      lastReset: { at: T0.toISOString(), reason: 'statusEntered' },
    });
  });

  it('counts cycles across status changes and keeps done keys and flags', () => {
    const first = {
      ...entered('supportRequest', 'clarification'),
      flags: ['illegalTransition'],
      done: ['k'],
    };
    const second = startTimer(
      'supportRequest',
      'resolved',
      at(3),
      { statusId: 's-res', previous: first },
      cfg,
    );
    expect(second).toMatchObject({ timer: 'resolved', cycle: 2, flags: ['illegalTransition'], done: ['k'] });
    expect(second.nextDueAt).toBe(indexedInstant(at(53)));
  });

  it('ignores a duplicated status event (same status id and time)', () => {
    const s = entered('supportRequest', 'clarification');
    expect(
      startTimer(
        'supportRequest',
        'clarification',
        T0,
        { statusId: 'status-clarification', previous: s },
        cfg,
      ),
    ).toBe(s);
  });

  it('records an install backfill with the real entry time, so only the current step is sent', () => {
    const s = startTimer(
      'softwareDefect',
      'clarification',
      at(0),
      { statusId: 'x', reason: 'installBackfill', now: at(25) },
      cfg,
    );
    expect(s).toMatchObject({
      lastReset: { reason: 'installBackfill', at: T0.toISOString() },
      updatedAt: at(25).toISOString(),
    });
    expect(s.nextDueAt).toBe(indexedInstant(at(10)));
  });

  it('leaves no due time in a status without a timer', () => {
    const s = entered('softwareDefect', 'inProgress');
    expect(s).toMatchObject({ timer: 'none', cycle: 0 });
    expect(s.nextDueAt).toBeUndefined();
  });
});

describe('onCustomerComment', () => {
  it('restarts Clarification from zero (reminder count back to 0)', () => {
    const afterTwo = { ...entered('softwareDefect', 'clarification'), stepsDone: 2 };
    const { changed, state } = onCustomerComment(afterTwo, at(25), cfg);
    expect(changed).toBe(true);
    expect(state).toMatchObject({
      cycle: 2,
      stepsDone: 0,
      cycleStartedAt: at(25).toISOString(),
      nextDueAt: indexedInstant(at(35)),
      lastReset: { at: at(25).toISOString(), reason: 'customerComment' },
    });
  });

  it('keeps a bounded history of resets, newest last', () => {
    let state = entered('softwareDefect', 'clarification');
    expect(state.resets).toEqual([{ at: state.enteredAt, reason: 'statusEntered' }]);
    for (let day = 1; day <= 12; day++) state = onCustomerComment(state, at(day), cfg).state;
    expect(state.resets).toHaveLength(10);
    expect(state.resets?.at(-1)).toEqual({ at: at(12).toISOString(), reason: 'customerComment' });
    expect(state.resets?.at(-1)).toEqual(state.lastReset);
  });

  it('restarts the Resolved timer', () => {
    const { state } = onCustomerComment(entered('softwareDefect', 'resolved'), at(49), cfg);
    // Day 49 is 24 February (CET); 50 days later is 14 April (CEST): still 09:00 local, 07:00Z.
    expect(state.nextDueAt).toBe('2026-04-14T07:00:00Z');
  });

  it('ignores a comment older than the current cycle (events out of order)', () => {
    const s = entered('softwareDefect', 'clarification', at(5));
    expect(onCustomerComment(s, at(4), cfg)).toEqual({ changed: false, state: s });
  });

  it('does nothing without a timer', () => {
    const s = entered('softwareDefect', 'inProgress');
    expect(onCustomerComment(s, at(1), cfg).changed).toBe(false);
  });
});

describe('outsideProcess, onReclassified', () => {
  it('stops the timer when the ticket moves to a status outside the process', () => {
    const waiting = entered('softwareDefect', 'clarification');
    const state = outsideProcess(waiting, '10099', at(3));
    expect(state).toMatchObject({ timer: 'none', statusId: '10099', updatedAt: at(3).toISOString() });
    expect(state.nextDueAt).toBeUndefined();
    expect(state.done).toEqual(waiting.done);
    expect(outsideProcess(state, '10099', at(4))).toBe(state);
  });

  it('gives a ticket without state a fresh one that runs no timer', () => {
    const state = outsideProcess(undefined, '10099', at(3));
    expect(state).toMatchObject({ timer: 'none', statusId: '10099' });
    expect(state.nextDueAt).toBeUndefined();
  });

  it('keeps the Clarification timer when an Incident becomes a Software Defect', () => {
    const s = entered('incident', 'clarification');
    expect(onReclassified(s, 'softwareDefect', 'clarification', at(2), cfg)).toEqual({
      changed: false,
      state: s,
    });
  });

  it('starts a Resolved timer when a ticket is re-typed into a kind with one', () => {
    const s = entered('delivery', 'resolved');
    const { changed, state } = onReclassified(s, 'softwareDefect', 'resolved', at(2), cfg);
    expect(changed).toBe(true);
    expect(state).toMatchObject({ timer: 'resolved', lastReset: { reason: 'reclassified' } });
  });
});

describe('the Clarification return status (PROCESS.md §3)', () => {
  const fromInProgress = { statusId: '3', status: 'inProgress' as const };
  const enterClarification = (previous = entered('softwareDefect', 'inProgress')) =>
    startTimer(
      'softwareDefect',
      'clarification',
      at(1),
      { statusId: 'c', previous, from: fromInProgress },
      cfg,
    );

  it('is stamped when the ticket enters Clarification from a working status', () => {
    expect(enterClarification()).toMatchObject({ returnStatusId: '3', returnStatus: 'inProgress' });
  });

  it('is not stamped from a status that is no working status of the kind', () => {
    const state = startTimer(
      'softwareDefect',
      'clarification',
      at(1),
      { statusId: 'c', from: { statusId: '5', status: 'resolved' } },
      cfg,
    );
    expect(state.returnStatus).toBeUndefined();
  });

  it('survives a customer comment reset and a type change within Clarification', () => {
    const reset = onCustomerComment(enterClarification(), at(3), cfg);
    expect(reset.changed).toBe(true);
    expect(reset.state).toMatchObject({ returnStatus: 'inProgress', returnStatusId: '3', stepsDone: 0 });
    const stamped = startTimer(
      'nonSoftwareDefect',
      'clarification',
      at(4),
      { statusId: 'c', previous: reset.state, reason: 'reclassified' },
      cfg,
    );
    expect(stamped.returnStatus).toBe('inProgress');
  });

  it('is cleared when the ticket leaves Clarification', () => {
    const back = startTimer(
      'softwareDefect',
      'inProgress',
      at(2),
      { statusId: '3', previous: enterClarification() },
      cfg,
    );
    expect(back.returnStatus).toBeUndefined();
    expect(back.returnStatusId).toBeUndefined();
  });

  it('a replayed entry changes nothing', () => {
    const first = enterClarification();
    const replay = startTimer(
      'softwareDefect',
      'clarification',
      at(1),
      { statusId: 'c', previous: first, from: { statusId: '1', status: 'open' } },
      cfg,
    );
    expect(replay).toBe(first);
  });
});

describe('startTimer: a replay is only the same status, entered at the same time, with the same timer', () => {
  const inClarification = entered('softwareDefect', 'clarification');
  const inOpen = entered('softwareDefect', 'open');
  // [case, previous state, kind, status, entered, status id, previous kept, timer, cycle]
  it.each<[string, ProcessState, Kind, StatusKey, Date, string, boolean, TimerName, number]>([
    [
      'the same entry again',
      inClarification,
      'softwareDefect',
      'clarification',
      T0,
      'status-clarification',
      true,
      'clarification',
      1,
    ],
    [
      'another status at the same instant, neither timed',
      inOpen,
      'softwareDefect',
      'inProgress',
      T0,
      'status-inProgress',
      false,
      'none',
      0,
    ],
    [
      'the same status entered again later (the move out was lost)',
      inClarification,
      'softwareDefect',
      'clarification',
      at(5),
      'status-clarification',
      false,
      'clarification',
      2,
    ],
    [
      'the same status and time, a kind that runs no timer there',
      inClarification,
      'suggestion',
      'clarification',
      T0,
      'status-clarification',
      false,
      'none',
      1,
    ],
  ])('%s', (_case, previous, kind, status, enteredAt, statusId, kept, timer, cycle) => {
    const next = startTimer(kind, status, enteredAt, { statusId, previous }, cfg);
    expect(next === previous).toBe(kept);
    expect(next).toMatchObject({ timer, cycle, statusId, enteredAt: enteredAt.toISOString() });
  });

  it('a status without a timer records no reset and no return status', () => {
    const previous = entered('softwareDefect', 'clarification');
    const working = startTimer(
      'softwareDefect',
      'inProgress',
      at(2),
      { statusId: '3', previous, from: { statusId: 'c', status: 'clarification' } },
      cfg,
    );
    expect(working.lastReset).toEqual(previous.lastReset);
    expect(working.resets).toEqual(previous.resets);
    const fromInProgress = startTimer(
      'softwareDefect',
      'resolved',
      at(2),
      {
        statusId: '5',
        previous: entered('softwareDefect', 'inProgress'),
        from: { statusId: '3', status: 'inProgress' },
      },
      cfg,
    );
    expect(fromInProgress.returnStatus).toBeUndefined();
  });
});

describe('onCustomerComment and restartForCustomerComment (PROCESS.md §4)', () => {
  it('a comment at the very instant the cycle started restarts nothing', () => {
    const s = entered('softwareDefect', 'clarification', at(5));
    expect(onCustomerComment(s, at(5), cfg)).toEqual({ changed: false, state: s });
  });

  it('restarts the timer once per comment, recorded under the comment key', () => {
    const s = entered('softwareDefect', 'clarification');
    const first = restartForCustomerComment(s, '10001', '20005', at(3), cfg);
    expect(first.changed).toBe(true);
    expect(first.state).toMatchObject({ cycle: 2, cycleStartedAt: at(3).toISOString() });
    expect(first.state.done.at(-1)).toBe('10001:customerComment:20005');
    expect(restartForCustomerComment(first.state, '10001', '20005', at(4), cfg)).toEqual({
      changed: false,
      state: first.state,
    });
  });

  it('a comment older than the cycle is not recorded as counted', () => {
    const s = entered('softwareDefect', 'clarification', at(5));
    expect(restartForCustomerComment(s, '10001', '20005', at(4), cfg)).toEqual({ changed: false, state: s });
  });
});

describe('outsideProcess: the stored state is kept only when it already runs nothing in that status', () => {
  const base = { ...entered('softwareDefect', 'inProgress'), statusId: '10099' };
  it.each<[string, ProcessState, boolean]>([
    ['no timer, nothing due, same status: as stored', base, true],
    ['a timer running without a due time', { ...base, timer: 'clarification' }, false],
    ['no timer, a due time left', { ...base, nextDueAt: '2026-02-01T08:00:00Z' }, false],
    ['no timer, nothing due, another status', { ...base, statusId: '10098' }, false],
  ])('%s', (_case, stored, kept) => {
    const state = outsideProcess(stored, '10099', at(3));
    if (kept) expect(state).toBe(stored);
    else
      expect(state).toEqual({
        ...stored,
        timer: 'none',
        statusId: '10099',
        nextDueAt: undefined,
        updatedAt: at(3).toISOString(),
      });
  });
});
