import type { StatusRef } from '../../../src/contract/common';
import { clarificationView } from '../../../src/app/panel/timer-views';
import { configForProject, defaultConfig } from '../../../src/domain/config';
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
