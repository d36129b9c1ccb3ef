import type { StatusRef } from '../../../src/contract/common';
import { clarificationView } from '../../../src/app/panel/timer-views';
import { configForProject } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { startTimer } from '../../../src/domain/timers';

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
