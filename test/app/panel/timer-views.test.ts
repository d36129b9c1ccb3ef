import type { StatusRef } from '../../../src/contract/common';
import {
  clarificationView,
  estimateView,
  resolvedAutoCloseView,
  type TimerInput,
} from '../../../src/app/panel/timer-views';
import { configForProject, type ProjectConfig } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import type { ProcessState } from '../../../src/domain/process-state';
import { startTimer } from '../../../src/domain/timers';
import { timerSchedule } from '../../../src/domain/timers/timer-schedule';

const cfg = configForProject(defaultConfig, 'SD');
const now = new Date('2026-03-10T09:00:00Z');
const entered = new Date('2026-03-01T09:00:00Z');
const fromChangelog: StatusRef = { name: 'Open', role: 'open' };

function clarification(from?: { status: 'inProgress'; statusId: string }) {
  return startTimer(
    'softwareDefect',
    'clarification',
    entered,
    { statusId: '3', now: entered, ...(from ? { from } : {}) },
    cfg,
  );
}

describe('clarificationView: where the ticket returns to', () => {
  it('prefers the return status the app stored on entry', () => {
    const state = clarification({ status: 'inProgress', statusId: '4' });
    const view = clarificationView(
      { kind: 'softwareDefect', status: 'clarification', state, cfg, now },
      fromChangelog,
    );
    expect(view).toMatchObject({ state: 'active', returnsTo: { name: 'In Progress' }, remindersSent: 0 });
  });

  it('falls back to the changelog for states written before the app stored it', () => {
    const state = clarification();
    const view = clarificationView(
      { kind: 'softwareDefect', status: 'clarification', state, cfg, now },
      fromChangelog,
    );
    expect(view).toMatchObject({ returnsTo: fromChangelog });
  });
});

describe('clarificationView: the timer’s last restart', () => {
  it('is left out when the timer started with the status (the entry date says it)', () => {
    const view = clarificationView(
      { kind: 'softwareDefect', status: 'clarification', state: clarification(), cfg, now },
      fromChangelog,
    );
    expect(view).toMatchObject({ lastReset: null, overdue: false });
  });

  it('is shown when a customer reply restarted it, and a past-due step is overdue', () => {
    const replied = '2026-03-05T09:00:00.000Z';
    const state = {
      ...clarification(),
      cycleStartedAt: replied,
      lastReset: { at: replied, reason: 'customerComment' as const },
    };
    const late = new Date('2026-04-30T09:00:00Z');
    const view = clarificationView(
      { kind: 'softwareDefect', status: 'clarification', state, cfg, now: late },
      fromChangelog,
    );
    expect(view).toMatchObject({ lastReset: { at: replied, reason: 'customerComment' }, overdue: true });
  });
});

/** When the `index`-th step of the state's schedule is due. */
const dueOf = (state: ProcessState, index: number, config: ProjectConfig = cfg): Date => {
  const step = timerSchedule(state, config)[index];
  if (!step) throw new Error(`no step ${index}`);
  return step.dueAt;
};
const justBefore = (at: Date) => new Date(at.getTime() - 1);

describe('clarificationView: only while the ticket waits in Clarification', () => {
  it('is absent for a kind without Clarification', () => {
    const view = clarificationView(
      { kind: 'suggestion', status: 'clarification', state: clarification(), cfg, now },
      fromChangelog,
    );
    expect(view).toBeNull();
  });

  it.each<[string, Pick<TimerInput, 'status' | 'state'>]>([
    ['in another status', { status: 'inProgress', state: clarification() }],
    [
      'before the app recorded the timer',
      { status: 'clarification', state: { ...clarification(), timer: 'none' } },
    ],
    ['without a stored state', { status: 'clarification', state: undefined }],
  ])('is inactive %s', (_name, given) => {
    const view = clarificationView({ kind: 'softwareDefect', cfg, now, ...given }, fromChangelog);
    expect(view).toEqual({ state: 'inactive' });
  });
});

describe('clarificationView: reminders and the auto-close', () => {
  const oneSent = { ...clarification(), stepsDone: 1 };

  it('counts the reminders sent and dates the next one and the close', () => {
    const view = clarificationView(
      { kind: 'softwareDefect', status: 'clarification', state: oneSent, cfg, now },
      fromChangelog,
    );
    expect(view).toMatchObject({
      state: 'active',
      enteredAt: entered.toISOString(),
      remindersSent: 1,
      remindersTotal: 3,
      nextReminderAt: dueOf(oneSent, 1).toISOString(),
      autoCloseAt: dueOf(oneSent, 3).toISOString(),
    });
  });

  it.each([
    ['is not overdue just before the next reminder is due', -1, false],
    ['is overdue from the instant the next reminder is due, long before the close', 0, true],
  ])('%s', (_name, offset, overdue) => {
    const at = new Date(dueOf(oneSent, 1).getTime() + offset);
    const view = clarificationView(
      { kind: 'softwareDefect', status: 'clarification', state: oneSent, cfg, now: at },
      fromChangelog,
    );
    expect(view).toMatchObject({ overdue });
  });

  it('once every reminder is sent, dates only the close and is overdue from its instant', () => {
    const allSent = { ...clarification(), stepsDone: 3 };
    const close = dueOf(allSent, 3);
    const input = { kind: 'softwareDefect', status: 'clarification', state: allSent, cfg } as const;
    expect(clarificationView({ ...input, now: justBefore(close) }, fromChangelog)).toMatchObject({
      remindersSent: 3,
      nextReminderAt: null,
      autoCloseAt: close.toISOString(),
      overdue: false,
    });
    expect(clarificationView({ ...input, now: close }, fromChangelog)).toMatchObject({ overdue: true });
  });

  it('dates a restart without a recorded reason from the cycle’s start, as an entry into the status', () => {
    const restarted = '2026-03-05T09:00:00.000Z';
    const { lastReset: _dropped, ...state } = { ...clarification(), cycleStartedAt: restarted };
    const view = clarificationView(
      { kind: 'softwareDefect', status: 'clarification', state, cfg, now },
      fromChangelog,
    );
    expect(view).toMatchObject({ lastReset: { at: restarted, reason: 'enteredStatus' } });
  });
});

describe('resolvedAutoCloseView: the auto-close of a Resolved ticket', () => {
  const resolvedAt = new Date('2026-03-02T09:00:00Z');
  const resolved = startTimer('softwareDefect', 'resolved', resolvedAt, { statusId: '5' }, cfg);
  const input = (over: Partial<TimerInput>): TimerInput => ({
    kind: 'softwareDefect',
    status: 'resolved',
    state: resolved,
    cfg,
    now,
    ...over,
  });

  it('dates the close from the resolution and is not overdue before it', () => {
    const close = dueOf(resolved, 0);
    expect(resolvedAutoCloseView(input({ now: justBefore(close) }))).toEqual({
      resolvedAt: resolvedAt.toISOString(),
      autoCloseAt: close.toISOString(),
      overdue: false,
    });
  });

  it('is overdue from the instant the close is due', () => {
    expect(resolvedAutoCloseView(input({ now: dueOf(resolved, 0) }))).toMatchObject({ overdue: true });
  });

  it.each<[string, Partial<TimerInput>]>([
    ['after the ticket left Resolved', { status: 'closed' }],
    ['while a stale timer of another status is stored', { state: clarification() }],
    ['before the app recorded the timer', { state: { ...resolved, timer: 'none' } }],
    ['without a stored state', { state: undefined }],
  ])('is absent %s', (_name, over) => {
    expect(resolvedAutoCloseView(input(over))).toBeNull();
  });
});

describe('estimateView: how long a Customisation estimate stays valid', () => {
  const available = new Date('2026-03-02T09:00:00Z');
  const estimate = startTimer('customisation', 'estimationAvailable', available, { statusId: '8' }, cfg);
  const input = (over: Partial<TimerInput>): TimerInput => ({
    kind: 'customisation',
    status: 'estimationAvailable',
    state: estimate,
    cfg,
    now,
    ...over,
  });
  const validUntil = dueOf(estimate, 0);

  it('is valid from Estimation available until its expiry, counting whole days left', () => {
    const at = new Date(validUntil.getTime() - 3 * 86_400_000 - 1);
    expect(estimateView(input({ now: at }))).toEqual({
      availableSince: available.toISOString(),
      validUntil: validUntil.toISOString(),
      daysLeft: 3,
      expired: false,
    });
  });

  it('is valid with 0 days left up to the instant it expires, and expired from then', () => {
    expect(estimateView(input({ now: justBefore(validUntil) }))).toMatchObject({
      daysLeft: 0,
      expired: false,
    });
    expect(estimateView(input({ now: validUntil }))).toMatchObject({ daysLeft: 0, expired: true });
    const later = new Date(validUntil.getTime() + 1);
    expect(estimateView(input({ now: later }))).toMatchObject({ daysLeft: -1, expired: true });
  });

  it('dates the expiry, not the notice before it, when the site sends a notice', () => {
    const noticed: ProjectConfig = {
      ...cfg,
      timers: { ...cfg.timers, estimate: { ...cfg.timers.estimate, noticeBeforeDays: 14 } },
    };
    const view = estimateView(input({ cfg: noticed }));
    expect(view?.validUntil).toBe(dueOf(estimate, 1, noticed).toISOString());
    expect(view?.validUntil).toBe(validUntil.toISOString());
  });

  it.each<[string, Partial<TimerInput>]>([
    ['for another kind', { kind: 'softwareDefect' }],
    ['outside Estimation available', { status: 'inProgress' }],
    ['while a stale timer of another status is stored', { state: clarification() }],
    ['without a stored state', { state: undefined }],
  ])('is absent %s', (_name, over) => {
    expect(estimateView(input(over))).toBeNull();
  });
});
