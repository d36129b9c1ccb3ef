import fc from 'fast-check';
import type { Kind } from '../../src/domain/kinds';
import type { ProcessState } from '../../src/domain/process-state';
import type { StatusKey } from '../../src/domain/statuses';
import { startTimer, timerFor } from '../../src/domain/timers';
import { decideTimer } from '../../src/domain/timers/decide-timer';
import { onCustomerComment } from '../../src/domain/timers/timer-events';
import { DAY, T0, projectConfig, ticket } from '../domain/timers/timer-fixtures';
import { propertyParameters } from './property-runs';

const cfg = projectConfig();
const KINDS: Kind[] = [
  'incident',
  'request',
  'supportRequest',
  'softwareDefect',
  'customisation',
  'suggestion',
];
const STATUSES: StatusKey[] = [
  'open',
  'inProgress',
  'clarification',
  'resolved',
  'estimationAvailable',
  'closed',
];

/** What can happen to one ticket: it enters a status, the customer comments, or a sweep runs (maybe twice). */
const step = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('enter' as const),
      status: fc.constantFrom(...STATUSES),
      hours: fc.noBias(fc.nat(24 * 5)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('comment' as const), hours: fc.noBias(fc.nat(24 * 5)) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('sweep' as const),
      hours: fc.noBias(fc.nat(24 * 12)),
      twice: fc.boolean(),
    }),
  },
);

/** Minimum days from the cycle's start to each step (PROCESS.md §4: reminders every 10 days, close on 40 / 50). */
function minimumDays(timer: ProcessState['timer'], step: string): number {
  if (timer === 'clarification') return step === 'close' ? 40 : 10 * Number(step.replace('reminder', ''));
  if (timer === 'resolved') return 50;
  return 16 * 7 - (step === 'expiryNotice' ? 16 * 7 : 0);
}

/**
 * Milliseconds of `instant` on the wall clock of `timeZone` (its local date and time read as if it were UTC), so
 * that the difference of two is their distance in local calendar days: PROCESS.md §4 counts calendar days, and a
 * day that starts summer time has 23 hours.
 */
function wallClock(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return (
    Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) +
    (instant % 1000)
  );
}

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/**
 * Shrunk counterexamples, replayed on every run. A Resolved cycle restarted on 7 February at 03:00 CET closes on
 * 29 March at 03:00 CEST, the 50th calendar day: one hour less than 50 × 24 hours, as summer time starts that day.
 */
const EXAMPLES: [Kind, Step[]][] = [
  [
    'softwareDefect',
    [
      { op: 'sweep', hours: 0, twice: false },
      { op: 'sweep', hours: 0, twice: false },
      { op: 'sweep', hours: 34, twice: false },
      { op: 'enter', status: 'open', hours: 22 },
      { op: 'comment', hours: 18 },
      { op: 'enter', status: 'resolved', hours: 10 },
      { op: 'sweep', hours: 183, twice: false },
      { op: 'comment', hours: 89 },
      { op: 'sweep', hours: 239, twice: false },
      { op: 'sweep', hours: 88, twice: false },
      { op: 'comment', hours: 103 },
      ...[147, 3, 177, 281, 214, 46, 251, 80, 0].map((hours) => ({
        op: 'sweep' as const,
        hours,
        twice: false,
      })),
    ],
  ],
];

describe('timer model under any sequence of status entries, customer comments and (duplicated) sweeps', () => {
  it('never sends a step twice or early, at most three reminders per cycle, and the timer matches the status', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.array(step, { minLength: 20, maxLength: 60 }),
        (kind, steps) => {
          let now = T0.getTime();
          let status: StatusKey = 'open';
          let state = startTimer(kind, status, T0, { statusId: status }, cfg);
          const performed = new Set<string>();
          const reminders = new Map<string, number>();
          for (const s of steps) {
            now += s.hours * 3_600_000;
            const at = new Date(now);
            if (s.op === 'enter') {
              if (s.status === status) continue;
              status = s.status;
              state = startTimer(kind, status, at, { statusId: status, previous: state }, cfg);
            } else if (s.op === 'comment') {
              state = onCustomerComment(state, at, cfg).state;
            } else {
              for (let run = 0; run < (s.twice ? 2 : 1); run++) {
                const decision = decideTimer(state, at, cfg, ticket);
                if (!decision.due) {
                  state = decision.state;
                  continue;
                }
                const sends = decision.actions.some((a) => a.type !== 'setState');
                if (sends) {
                  // Once per occurrence: a key names one timer, cycle and step.
                  expect(performed.has(decision.idempotencyKey)).toBe(false);
                  performed.add(decision.idempotencyKey);
                  const [, timer, cycle, name] = decision.idempotencyKey.split(':');
                  const from = timer === 'estimate' ? state.enteredAt : state.cycleStartedAt;
                  const zone = cfg.calendar.timeZone;
                  const days = (wallClock(now, zone) - wallClock(Date.parse(from), zone)) / DAY;
                  expect(now).toBeGreaterThanOrEqual(Date.parse(decision.dueAt));
                  expect(days).toBeGreaterThanOrEqual(minimumDays(state.timer, name ?? ''));
                  if (decision.step.kind === 'reminder') {
                    const count = (reminders.get(`${timer}:${cycle}`) ?? 0) + 1;
                    reminders.set(`${timer}:${cycle}`, count);
                    expect(count).toBeLessThanOrEqual(cfg.timers.clarification.reminderCount);
                  }
                }
                state = decision.state;
                if (decision.step.kind === 'close' || decision.step.kind === 'expire') {
                  status = 'closed';
                  state = startTimer(kind, status, at, { statusId: status, previous: state }, cfg);
                }
              }
            }
            // The running timer matches the status and kind; a due time exactly when a timer runs.
            expect(state.timer).toBe(timerFor(kind, status));
            expect(state.nextDueAt === undefined).toBe(state.timer === 'none');
          }
        },
      ),
      { ...propertyParameters(300), examples: EXAMPLES },
    );
  });
});
