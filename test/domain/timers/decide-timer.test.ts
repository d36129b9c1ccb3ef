import type { ProcessState } from '../../../src/domain/process-state';
import { decideTimer } from '../../../src/domain/timers/decide-timer';
import { onCustomerComment } from '../../../src/domain/timers/timer-events';
import { at, DAY, entered, projectConfig, T0, ticket } from './timer-fixtures';
import { indexedInstant } from '../../../src/domain/timers/indexed-instant';
import { hadMoreReminders, nextDueAt } from '../../../src/domain/timers/timer-schedule';

const cfg = projectConfig();

function stepAt(state: ProcessState, now: Date) {
  const decision = decideTimer(state, now, cfg, ticket);
  return decision.due ? decision.step : null;
}

/** Runs the sweep at each instant, feeding the returned state into the next run. */
function sweep(state: ProcessState, instants: Date[]): (string | null)[] {
  let current = state;
  return instants.map((now) => {
    const decision = decideTimer(current, now, cfg, ticket);
    current = decision.state;
    if (!decision.due) return null;
    return decision.step.kind === 'reminder' ? `reminder${decision.step.number}` : decision.step.kind;
  });
}

describe('Clarification: reminders on days 10, 20, 30 and close on day 40 (guide §2.2.5)', () => {
  const state = entered('softwareDefect', 'clarification');

  it('schedules the first reminder on day 10 at the same time of day', () => {
    expect(state.nextDueAt).toBe('2026-01-15T08:00:00Z');
  });

  it.each([
    ['day 9 23:59', at(9, 23 * 60 + 59), null],
    ['exactly day 10', at(10), { kind: 'reminder', number: 1 }],
    ['day 19', at(19), { kind: 'reminder', number: 1 }],
    ['day 25 (backfilled): only reminder 2', at(25), { kind: 'reminder', number: 2 }],
    ['day 30', at(30), { kind: 'reminder', number: 3 }],
    ['day 39 23:59: still reminder 3, no close', at(39, 23 * 60 + 59), { kind: 'reminder', number: 3 }],
    ['exactly day 40: close', at(40), { kind: 'close' }],
    ['day 45 (backfilled): only the close', at(45), { kind: 'close' }],
  ])('a fresh state at %s', (_name, now, expected) => {
    expect(stepAt(state, now)).toEqual(expected);
  });

  it('sends each step once when the sweep runs hourly-ish', () => {
    const instants = [
      at(9),
      at(10),
      at(10, 60),
      at(20),
      at(29),
      at(30),
      at(39, 23 * 60 + 59),
      at(40),
      at(41),
    ];
    expect(sweep(state, instants)).toEqual([
      null,
      'reminder1',
      null,
      'reminder2',
      null,
      'reminder3',
      null,
      'close',
      null,
    ]);
  });

  it('after reminder 3 the next due time is the close on day 40', () => {
    const after3 = decideTimer(state, at(30), cfg, ticket).state;
    expect(after3.stepsDone).toBe(3);
    expect(after3.nextDueAt).toBe(indexedInstant(at(40)));
    expect(stepAt(after3, at(39, 23 * 60 + 59))).toBeNull();
  });

  it('returns the reminder comment and the next state as actions', () => {
    const decision = decideTimer(state, at(10), cfg, ticket);
    expect(decision).toMatchObject({
      due: true,
      dueAt: at(10).toISOString(),
      idempotencyKey: '10001:clarification:1:reminder1',
    });
    if (!decision.due) return;
    expect(decision.actions).toEqual([
      {
        type: 'comment',
        visibility: 'public',
        messageKey: 'clarificationReminder',
        params: {
          ticketKey: 'SUP-1',
          reminderNumber: 1,
          reminderCount: 3,
          closeDate: { date: at(40).toISOString() },
        },
        idempotencyKey: '10001:clarification:1:reminder1',
      },
      { type: 'setState', state: decision.state },
    ]);
    expect(decision.state).toMatchObject({
      stepsDone: 1,
      nextDueAt: indexedInstant(at(20)),
      done: ['10001:clarification:1:reminder1'],
      updatedAt: at(10).toISOString(),
    });
  });

  it('closes with the configured resolution and a public comment, and stops the timer', () => {
    const decision = decideTimer(state, at(40), cfg, ticket);
    if (!decision.due) throw new Error('expected a step');
    expect(decision.actions[0]).toEqual({
      type: 'transition',
      to: 'closed',
      resolution: 'Done',
      comment: {
        visibility: 'public',
        messageKey: 'clarificationClose',
        params: { ticketKey: 'SUP-1', closeAfterDays: 40 },
      },
      idempotencyKey: '10001:clarification:1:close',
    });
    expect(decision.state).toMatchObject({ timer: 'none', stepsDone: 4 });
    expect(decision.state.nextDueAt).toBeUndefined();
  });

  it('does not repeat a step whose idempotency key is already done (sweep ran twice)', () => {
    const replay: ProcessState = { ...state, done: ['10001:clarification:1:reminder1'] };
    const decision = decideTimer(replay, at(10), cfg, ticket);
    expect(decision).toMatchObject({ due: true, alreadyDone: true });
    expect(decision.due && decision.actions.map((a) => a.type)).toEqual(['setState']);
  });

  it('a customer comment one minute before reminder 1 restarts the count', () => {
    const { state: restarted } = onCustomerComment(state, at(10, -1), cfg);
    expect(stepAt(restarted, at(10))).toBeNull();
    expect(stepAt(restarted, at(20, -2))).toBeNull();
    expect(stepAt(restarted, at(20, -1))).toEqual({ kind: 'reminder', number: 1 });
    expect(decideTimer(restarted, at(20, -1), cfg, ticket)).toMatchObject({
      idempotencyKey: '10001:clarification:2:reminder1',
    });
  });

  it('reports the next due time when nothing is due', () => {
    expect(decideTimer(state, at(1), cfg, ticket)).toEqual({
      due: false,
      nextDueAt: indexedInstant(at(10)),
      state,
    });
  });

  it('nothing due: the state read is returned as it is, or with its next due time brought up to date', () => {
    expect(decideTimer(state, at(1), cfg, ticket).state).toBe(state);
    const stale: ProcessState = { ...state, nextDueAt: indexedInstant(at(9)) };
    const decision = decideTimer(stale, at(1), cfg, ticket);
    expect(decision.state).toStrictEqual({ ...stale, nextDueAt: indexedInstant(at(10)) });
  });

  it('follows configured counts (2 reminders every 7 days, close on day 21)', () => {
    const custom = projectConfig({
      timers: { clarification: { reminderCount: 2, reminderIntervalDays: 7, closeAfterDays: 21 } },
    });
    const s = entered('supportRequest', 'clarification', T0, custom);
    const steps = [at(7), at(14), at(21)].map((now) => {
      const d = decideTimer(s, now, custom, ticket);
      return d.due ? d.step : null;
    });
    expect(steps).toEqual([
      { kind: 'reminder', number: 1 },
      { kind: 'reminder', number: 2 },
      { kind: 'close' },
    ]);
  });

  it('closes without reminders when the count is 0', () => {
    const none = projectConfig({ timers: { clarification: { reminderCount: 0 } } });
    const s = entered('supportRequest', 'clarification', T0, none);
    const decision = decideTimer(s, at(40), none, ticket);
    expect(decision.due && decision.actions[0]).toMatchObject({
      comment: { messageKey: 'clarificationClose' },
    });
  });
});

describe('Clarification in working-day mode and across DST', () => {
  it('moves a reminder due on a holiday to the next working day', () => {
    const working = projectConfig({ calendar: { mode: 'working', holidayRegion: 'DE-SL' } });
    // Entered Monday 2026-05-25 10:00 CEST; day 10 is Thursday 2026-06-04, Corpus Christi in Saarland.
    const s = entered('incident', 'clarification', new Date('2026-05-25T08:00:00Z'), working);
    expect(s.nextDueAt).toBe('2026-06-05T08:00:00Z');
    expect(decideTimer(s, new Date('2026-06-04T12:00:00Z'), working, ticket).due).toBe(false);
    expect(decideTimer(s, new Date('2026-06-05T08:00:00Z'), working, ticket).due).toBe(true);
  });

  it('keeps 09:00 local across the last Sunday of March', () => {
    const s = entered('incident', 'clarification', new Date('2026-03-20T08:00:00Z'));
    expect(s.nextDueAt).toBe('2026-03-30T07:00:00Z');
    expect(decideTimer(s, new Date('2026-03-30T06:59:59Z'), cfg, ticket).due).toBe(false);
  });

  it('keeps 09:00 local across the last Sunday of October', () => {
    const s = entered('incident', 'clarification', new Date('2026-10-20T07:00:00Z'));
    expect(s.nextDueAt).toBe('2026-10-30T08:00:00Z');
  });
});

describe('Resolved: auto-close after 50 days (guide §2.2.5)', () => {
  const state = entered('nonSoftwareDefect', 'resolved');

  it.each([
    [at(50, -1), false],
    [at(50), true],
  ])('at %s due=%s', (now, due) => {
    expect(decideTimer(state, now, cfg, ticket).due).toBe(due);
  });

  it('closes with the public Resolved text and stops the timer', () => {
    const decision = decideTimer(state, at(50), cfg, ticket);
    expect(decision.due && decision.actions[0]).toStrictEqual({
      type: 'transition',
      to: 'closed',
      resolution: 'Done',
      comment: {
        visibility: 'public',
        messageKey: 'resolvedClose',
        params: { ticketKey: 'SUP-1', closeAfterDays: 50 },
      },
      idempotencyKey: '10001:resolved:1:close',
    });
    expect(decision.state).toMatchObject({ timer: 'none', nextDueAt: undefined });
  });
});

describe('Customisation estimate: valid 16 weeks from Estimation available (guide §3.2.3)', () => {
  // Monday 2026-02-02 11:00 CET; 16 weeks later is Monday 2026-05-25 11:00 CEST.
  const madeAvailable = new Date('2026-02-02T10:00:00Z');
  const expiry = new Date('2026-05-25T09:00:00Z');
  const state = entered('customisation', 'estimationAvailable', madeAvailable);

  it('expires at exactly 16 weeks (local time kept across DST)', () => {
    expect(state.nextDueAt).toBe(indexedInstant(expiry));
    expect(decideTimer(state, new Date(expiry.getTime() - 1), cfg, ticket).due).toBe(false);
    const decision = decideTimer(state, expiry, cfg, ticket);
    expect(decision.due && decision.step).toEqual({ kind: 'expire' });
    expect(decision.due && decision.actions[0]).toStrictEqual({
      type: 'transition',
      to: 'closed',
      resolution: 'Done',
      comment: {
        visibility: 'public',
        messageKey: 'estimateExpired',
        params: { ticketKey: 'SUP-1', validWeeks: 16 },
      },
      idempotencyKey: '10001:estimate:1:expire',
    });
    // The expiry ends the timer: nothing further is due for this stay.
    expect(decision.state).toMatchObject({ timer: 'none', nextDueAt: undefined, stepsDone: 1 });
  });

  it('is not extended by customer comments', () => {
    expect(onCustomerComment(state, new Date(expiry.getTime() - DAY), cfg)).toEqual({
      changed: false,
      state,
    });
  });

  it('sends an optional notice before expiry when configured', () => {
    const notice = projectConfig({ timers: { estimate: { noticeBeforeDays: 14 } } });
    const s = entered('customisation', 'estimationAvailable', madeAvailable, notice);
    expect(s.nextDueAt).toBe('2026-05-11T09:00:00Z');
    const decision = decideTimer(s, new Date('2026-05-11T09:00:00Z'), notice, ticket);
    expect(decision.due && decision.actions[0]).toEqual({
      type: 'comment',
      visibility: 'public',
      messageKey: 'estimateExpiryNotice',
      params: { ticketKey: 'SUP-1', validWeeks: 16, expiryDate: { date: expiry.toISOString() } },
      idempotencyKey: '10001:estimate:1:expiryNotice',
    });
    expect(decision.state.nextDueAt).toBe(indexedInstant(expiry));
  });

  it('still expires when the notice, already sent, is switched off', () => {
    const notice = projectConfig({ timers: { estimate: { noticeBeforeDays: 14 } } });
    const s = entered('customisation', 'estimationAvailable', madeAvailable, notice);
    const sent = decideTimer(s, new Date('2026-05-11T09:00:00Z'), notice, ticket).state;
    // Without the notice the schedule is the expiry alone; the notice sent stays a done step before it.
    expect(nextDueAt(sent, cfg)).toBe(indexedInstant(expiry));
    expect(decideTimer(sent, new Date(expiry.getTime() - 1), cfg, ticket).due).toBe(false);
    const expired = decideTimer(sent, expiry, cfg, ticket);
    expect(expired.due && expired.step).toEqual({ kind: 'expire' });
    expect(expired.due && expired.idempotencyKey).toBe('10001:estimate:1:expire');
  });
});

describe('no timer', () => {
  it.each([
    ['softwareDefect', 'inProgress'],
    ['suggestion', 'open'],
    ['delivery', 'planned'],
  ] as const)('%s in %s has nothing due ever', (kind, status) => {
    const s = entered(kind, status);
    expect(s.timer).toBe('none');
    expect(decideTimer(s, at(1000), cfg, ticket)).toEqual({ due: false, nextDueAt: undefined, state: s });
  });
});

describe('Clarification after the reminder count was lowered below the reminders a ticket has had', () => {
  /** A ticket that entered Clarification at T0 under the guide's timers and had `sent` reminders, the last on `lastDay`. */
  function reminded(sent: number, lastDay: number, recorded = true): ProcessState {
    const base = entered('softwareDefect', 'clarification');
    const last = at(lastDay).toISOString();
    return {
      ...base,
      stepsDone: sent,
      updatedAt: last,
      ...(recorded ? { lastStepAt: last } : {}),
    };
  }
  const lowered = (clarification: Record<string, number>) => projectConfig({ timers: { clarification } });

  it.each([
    // sent, last reminder on day, new settings, expected close day
    ['3 sent, count now 1: one interval after reminder 3', 3, 30, { reminderCount: 1 }, 40],
    ['2 sent, count now 1: the configured day 40 is later', 2, 20, { reminderCount: 1 }, 40],
    [
      '3 sent, count 1, close after 20 days: never before day 30 + 10',
      3,
      30,
      { reminderCount: 1, closeAfterDays: 20 },
      40,
    ],
    [
      '2 sent, count 1 every 3 days, close after 10: day 20 + 3',
      2,
      20,
      { reminderCount: 1, reminderIntervalDays: 3, closeAfterDays: 10 },
      23,
    ],
    [
      '3 sent, count now 0, close after 5 days: day 30 + 10',
      3,
      30,
      { reminderCount: 0, closeAfterDays: 5 },
      40,
    ],
    [
      'reminder 2 sent late (day 26): the interval counts from when it was sent',
      2,
      26,
      { reminderCount: 1, closeAfterDays: 20 },
      36,
    ],
  ])('%s', (_name, sent, lastDay, settings, closeDay) => {
    const cfgLowered = lowered(settings);
    const state = reminded(sent, lastDay);
    const before = decideTimer(state, at(closeDay, -1), cfgLowered, ticket);
    expect(before).toMatchObject({ due: false, nextDueAt: indexedInstant(at(closeDay)) });
    const decision = decideTimer(state, at(closeDay), cfgLowered, ticket);
    expect(decision).toMatchObject({
      due: true,
      step: { kind: 'close' },
      idempotencyKey: '10001:clarification:1:close',
    });
    expect(decision.state.timer).toBe('none');
  });

  it('keeps the configured close when the ticket had exactly the new count of reminders', () => {
    const cfgLowered = lowered({ reminderCount: 2, closeAfterDays: 25 });
    const state = reminded(2, 20);
    expect(decideTimer(state, at(24), cfgLowered, ticket)).toMatchObject({
      due: false,
      nextDueAt: indexedInstant(at(25)),
    });
  });

  it('counts from the last state write when the reminder time was not recorded (never earlier)', () => {
    const state = { ...reminded(3, 30, false), updatedAt: at(31).toISOString() };
    expect(decideTimer(state, at(30), lowered({ reminderCount: 1 }), ticket)).toMatchObject({
      due: false,
      nextDueAt: indexedInstant(at(41)),
    });
  });

  it('an hourly sweep sends no further reminder and closes exactly once, never before', () => {
    const cfgLowered = lowered({ reminderCount: 1, closeAfterDays: 20 });
    let state = reminded(3, 30);
    const steps: string[] = [];
    for (let hour = 30 * 24 + 1; hour <= 45 * 24; hour += 1) {
      const now = new Date(T0.getTime() + hour * 3_600_000);
      const decision = decideTimer(state, now, cfgLowered, ticket);
      state = decision.state;
      if (decision.due) steps.push(`${decision.step.kind}@${(now.getTime() - T0.getTime()) / DAY}`);
    }
    expect(steps).toEqual(['close@40']);
  });

  it('records when each step was performed', () => {
    const state = entered('softwareDefect', 'clarification');
    expect(decideTimer(state, at(10, 30), cfg, ticket).state.lastStepAt).toBe(at(10, 30).toISOString());
  });
});

describe('hadMoreReminders: a waiting ticket past a lowered reminder count', () => {
  it.each([
    ['clarification', 3, 1, true],
    ['clarification', 2, 2, false],
    ['clarification', 0, 0, false],
    ['clarification', 1, 0, true],
    ['resolved', 3, 1, false],
  ] as const)('%s timer, %i sent, count %i: %s', (timer, sent, count, expected) => {
    const state = { ...entered('softwareDefect', 'clarification'), timer, stepsDone: sent };
    expect(
      hadMoreReminders(state, projectConfig({ timers: { clarification: { reminderCount: count } } })),
    ).toBe(expected);
  });
});
