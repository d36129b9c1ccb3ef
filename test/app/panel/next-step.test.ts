import type {
  ClarificationView,
  EstimateView,
  NextStepView,
  ResolvedAutoCloseView,
} from '../../../src/contract/panel-view';
import { isDone, nextStep, type NextStepInput } from '../../../src/app/panel/next-step';

const AT = '2026-11-29T17:20:00.000Z';
const CLOSES = '2026-12-09T17:20:00.000Z';

const waiting = (sent: number, overdue: boolean, next: string | null = AT): ClarificationView => ({
  state: 'active',
  enteredAt: '2026-10-30T17:20:00.000Z',
  remindersSent: sent,
  remindersTotal: 3,
  nextReminderAt: next,
  autoCloseAt: CLOSES,
  returnsTo: null,
  lastReset: null,
  overdue,
});
const resolved = (overdue: boolean): ResolvedAutoCloseView => ({
  resolvedAt: '2026-10-20T00:00:00.000Z',
  autoCloseAt: CLOSES,
  overdue,
});
const estimate = (expired: boolean): EstimateView => ({
  availableSince: '2026-08-01T00:00:00.000Z',
  validUntil: CLOSES,
  daysLeft: expired ? -1 : 10,
  expired,
});

const input = (over: Partial<NextStepInput>): NextStepInput => ({
  statusRole: 'inProgress',
  clarification: null,
  resolved: null,
  estimate: null,
  ...over,
});

describe('nextStep: the panel’s first line', () => {
  it.each<[string, NextStepInput, NextStepView]>([
    [
      'the next reminder with its number and the close date',
      input({ statusRole: 'clarification', clarification: waiting(2, false) }),
      { kind: 'reminder', number: 3, total: 3, at: AT, closesAt: CLOSES },
    ],
    [
      'the auto-close once every reminder is sent',
      input({ statusRole: 'clarification', clarification: waiting(3, false, null) }),
      { kind: 'autoClose', at: CLOSES },
    ],
    [
      'a past-due reminder as overdue',
      input({ statusRole: 'clarification', clarification: waiting(2, true) }),
      { kind: 'overdue', step: 'reminder', number: 3, total: 3 },
    ],
    [
      'a past-due close as overdue',
      input({ statusRole: 'clarification', clarification: waiting(3, true, null) }),
      { kind: 'overdue', step: 'autoClose', number: null, total: null },
    ],
    [
      'the Resolved auto-close',
      input({ statusRole: 'resolved', resolved: resolved(false) }),
      { kind: 'autoClose', at: CLOSES },
    ],
    [
      'a past-due Resolved auto-close as overdue',
      input({ statusRole: 'resolved', resolved: resolved(true) }),
      { kind: 'overdue', step: 'autoClose', number: null, total: null },
    ],
    [
      'the estimate’s expiry',
      input({ statusRole: 'estimationAvailable', estimate: estimate(false) }),
      { kind: 'estimateExpiry', at: CLOSES },
    ],
    [
      'an expired estimate as overdue',
      input({ statusRole: 'estimationAvailable', estimate: estimate(true) }),
      { kind: 'overdue', step: 'estimateExpiry', number: null, total: null },
    ],
    [
      'nothing on a Closed ticket, whatever a stale view says',
      input({ statusRole: 'closed', resolved: resolved(true) }),
      { kind: 'none', reason: 'closed' },
    ],
    ['no timer while support works on it', input({}), { kind: 'none', reason: 'noTimer' }],
    [
      'no timer for an inactive clarification view',
      input({ clarification: { state: 'inactive' } }),
      { kind: 'none', reason: 'noTimer' },
    ],
  ])('%s', (_name, given, expected) => expect(nextStep(given)).toEqual(expected));
});

describe('isDone', () => {
  it.each([
    ['resolved', true],
    ['closed', true],
    ['clarification', false],
    ['inProgress', false],
    [null, false],
  ] as const)('%s → %s', (role, done) => expect(isDone(role)).toBe(done));
});
