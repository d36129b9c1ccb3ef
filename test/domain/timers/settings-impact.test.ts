import type { ProcessState } from '../../../src/domain/process-state';
import { stepsDueBy, timerImpact, type TimerImpact } from '../../../src/domain/timers/settings-impact';
import { at, entered, projectConfig } from './timer-fixtures';

/** The guide's timers: Clarification reminds every 10 days three times and closes after 40; Resolved after 50. */
const guide = projectConfig();

const withTimers = (timers: unknown) => projectConfig({ timers });

const clarification = (stepsDone: number): ProcessState => ({
  ...entered('supportRequest', 'clarification'),
  stepsDone,
});
const resolved = entered('supportRequest', 'resolved');
const estimate = entered('customisation', 'estimationAvailable');

describe('timerImpact: what a timer settings change does to a running timer at the next sweep', () => {
  // Each row is worked out by hand from the guide's numbers, not computed with the schedule.
  it.each<[string, ProcessState, unknown, number, TimerImpact]>([
    [
      'Resolved day 45, close after 40: closes on the next sweep',
      resolved,
      { resolved: { closeAfterDays: 40 } },
      45,
      'closeNextSweep',
    ],
    ['Resolved day 45, close after 60: later', resolved, { resolved: { closeAfterDays: 60 } }, 45, 'later'],
    [
      'Resolved day 10, close after 40: earlier, not yet due',
      resolved,
      { resolved: { closeAfterDays: 40 } },
      10,
      'earlier',
    ],
    [
      'Resolved day 10, close after 50 (as before): unchanged',
      resolved,
      { resolved: { closeAfterDays: 50 } },
      10,
      'unchanged',
    ],
    [
      'Clarification day 6, reminders every 5 days: the first reminder on the next sweep',
      clarification(0),
      { clarification: { reminderIntervalDays: 5, closeAfterDays: 40 } },
      6,
      'remindNextSweep',
    ],
    [
      'Clarification day 6, reminders every 8 days: the first reminder earlier, not yet due',
      clarification(0),
      { clarification: { reminderIntervalDays: 8, closeAfterDays: 40 } },
      6,
      'earlier',
    ],
    [
      'Clarification day 35, no reminder sent, close after 31: the sweep closes (the latest due step runs)',
      clarification(0),
      { clarification: { closeAfterDays: 31 } },
      35,
      'closeNextSweep',
    ],
    [
      'Clarification day 25, two reminders sent, every 8 days: the third reminder (day 24) on the next sweep',
      clarification(2),
      { clarification: { reminderIntervalDays: 8, closeAfterDays: 40 } },
      25,
      'remindNextSweep',
    ],
    [
      'Clarification day 30, two sent, every 9 days: the next sweep sends the third reminder either way',
      clarification(2),
      { clarification: { reminderIntervalDays: 9, closeAfterDays: 40 } },
      30,
      'unchanged',
    ],
    [
      'Clarification day 25, two sent, one reminder now: fewer steps than done, nothing pending (later)',
      clarification(2),
      { clarification: { reminderCount: 1 } },
      25,
      'later',
    ],
    [
      'Resolved day 55, due with 50, close after 60: not closed on the next sweep any more (later)',
      resolved,
      { resolved: { closeAfterDays: 60 } },
      55,
      'later',
    ],
    [
      'estimate day 30, valid 16 weeks, 4 weeks now: expires on the next sweep (an end, not a reminder)',
      estimate,
      { estimate: { validWeeks: 4 } },
      30,
      'closeNextSweep',
    ],
    [
      'estimate day 22, valid 4 weeks now with a notice 7 days before: the notice on the next sweep',
      estimate,
      { estimate: { validWeeks: 4, noticeBeforeDays: 7 } },
      22,
      'remindNextSweep',
    ],
    [
      'no timer running: unchanged',
      entered('supportRequest', 'open'),
      { resolved: { closeAfterDays: 10 } },
      30,
      'unchanged',
    ],
  ])('%s', (_case, state, timers, day, expected) => {
    expect(timerImpact(state, guide, withTimers(timers), at(day))).toBe(expected);
  });

  it('the same settings change nothing, also for a step already due', () => {
    expect(timerImpact(resolved, guide, guide, at(60))).toBe('unchanged');
    expect(timerImpact(clarification(1), guide, guide, at(12))).toBe('unchanged');
  });
});

describe('stepsDueBy: the steps the sweeps from the next one up to a time perform', () => {
  it.each<[string, ProcessState, number, number, string[]]>([
    ['day 0 until day 21: two reminders', clarification(0), 0, 21, ['reminder1', 'reminder2']],
    [
      'day 25, one sent, until day 31: the overdue second, then the third',
      clarification(1),
      25,
      31,
      ['reminder2', 'reminder3'],
    ],
    [
      'day 25, none sent: only the latest overdue reminder runs first',
      clarification(0),
      25,
      26,
      ['reminder2'],
    ],
    ['day 45, none sent: the close alone, nothing after it', clarification(0), 45, 52, ['close']],
    ['all sent, until day 40: the close', clarification(3), 35, 40, ['close']],
    [
      'a sweep at the very time of reminder 1, until day 20: reminders 1 and 2',
      clarification(0),
      10,
      20,
      ['reminder1', 'reminder2'],
    ],
    ['until day 9: nothing', clarification(0), 0, 9, []],
    ['Resolved until day 50: the close', resolved, 43, 50, ['close']],
  ])('%s', (_case, state, from, until, names) => {
    expect(stepsDueBy(state, guide, at(from), at(until)).map((s) => s.name)).toEqual(names);
  });
});
