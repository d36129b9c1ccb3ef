import { getSettings } from '../../../src/app/admin/get-settings';
import { NotJiraAdminError } from '../../../src/app/admin/admin-access';
import { previewSettingsImpact } from '../../../src/app/admin/settings-impact';
import { CONFIG_KEY } from '../../../src/app/shared/config-repository';
import { repairBasis, writeRepairMarker } from '../../../src/app/shared/repair-marker';
import { sweepRunKey } from '../../../src/app/sweep/last-sweep';
import type { TimerSettings } from '../../../src/contract/settings';
import { configForProject } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import type { ProcessState } from '../../../src/domain/process-state';
import { startTimer } from '../../../src/domain/timers';
import type { MemoryDueIndex } from '../../support/memory-store';
import { adminDeps, SERVICE_DESKS } from './admin-fixture';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const DAY = 86_400_000;
const LAST_SWEEP = '2026-11-27T08:17:00.000Z';
const NEXT_SWEEP = '2026-11-27T09:17:00.000Z';
const cfg = configForProject(defaultConfig, 'SUP');

/** A timer of a Support Request that started `days` before now. */
function timerState(status: 'resolved' | 'clarification', days: number): ProcessState {
  const statusId = status === 'resolved' ? '5' : '3';
  return startTimer('supportRequest', status, new Date(NOW.getTime() - days * DAY), { statusId }, cfg);
}

/** Admin dependencies over managed projects SUP and ABC, both indexed, the last sweep at 08:17. */
async function site(options: { swept?: boolean } = {}) {
  const fixture = adminDeps({ table: [SERVICE_DESKS] });
  fixture.store.data.set(CONFIG_KEY, {
    version: 1,
    input: { projects: ['SUP', 'ABC'] },
    savedAt: '2026-11-01T00:00:00.000Z',
  });
  for (const projectKey of ['SUP', 'ABC'])
    await writeRepairMarker(fixture.store, projectKey, { at: NOW.toISOString(), basis: repairBasis(1) });
  if (options.swept ?? true)
    await fixture.store.set(sweepRunKey('SUP', new Date(LAST_SWEEP)), { at: LAST_SWEEP });
  const view = await getSettings({}, fixture.deps);
  const index = fixture.deps.app.dueIndex as MemoryDueIndex;
  /** Indexes a ticket due at `dueAt`, with a copy of `state` unless it is left out. */
  const ticket = (issueKey: string, state: ProcessState | undefined, dueAt = state?.nextDueAt) =>
    index.put(issueKey, dueAt, state);
  const sitePayload = (timers: Partial<TimerSettings>) => ({
    scope: 'site',
    settings: { ...view.site, timers: { ...view.site.timers, ...timers } },
    managedProjects: ['SUP', 'ABC'],
    expectedVersion: 1,
  });
  const projectPayload = (projectKey: string, timers: Partial<TimerSettings>) => ({
    scope: 'project',
    projectKey,
    override: { timers: { ...view.site.timers, ...timers } },
    expectedVersion: 1,
  });
  return { ...fixture, ticket, sitePayload, projectPayload };
}

const none = { count: 0, tickets: [] };

describe('previewSettingsImpact', () => {
  it('says which tickets the next sweep would close or remind, and when it runs', async () => {
    const s = await site();
    s.ticket('SUP-1', timerState('resolved', 6));
    s.ticket('SUP-2', timerState('clarification', 6));
    const view = await previewSettingsImpact(
      s.sitePayload({ resolvedAutoCloseDays: 5, clarificationReminderIntervalDays: 5 }),
      s.deps,
    );
    expect(view).toEqual({
      computedAt: NOW.toISOString(),
      nextSweepAt: NEXT_SWEEP,
      valid: true,
      checked: 2,
      unknown: none,
      unindexedProjects: [],
      effects: {
        closeNextSweep: { count: 1, tickets: ['SUP-1'] },
        remindNextSweep: { count: 1, tickets: ['SUP-2'] },
        earlier: none,
        later: none,
      },
      pastReminderCount: none,
    });
  });

  it('tells earlier from later when nothing becomes due at the next sweep', async () => {
    const s = await site();
    s.ticket('SUP-1', timerState('resolved', 6));
    s.ticket('SUP-2', timerState('clarification', 6));
    s.ticket('SUP-3', timerState('resolved', 1));
    const view = await previewSettingsImpact(
      s.sitePayload({ resolvedAutoCloseDays: 30, clarificationReminderIntervalDays: 12 }),
      s.deps,
    );
    expect(view.effects).toEqual({
      closeNextSweep: none,
      remindNextSweep: none,
      earlier: { count: 2, tickets: ['SUP-1', 'SUP-3'] },
      later: { count: 1, tickets: ['SUP-2'] },
    });
  });

  it('computes nothing for settings the save would refuse', async () => {
    const s = await site();
    s.ticket('SUP-1', timerState('resolved', 6));
    const view = await previewSettingsImpact(s.sitePayload({ resolvedAutoCloseDays: 0 }), s.deps);
    expect(view).toEqual({
      computedAt: NOW.toISOString(),
      nextSweepAt: NEXT_SWEEP,
      valid: false,
      checked: 0,
      unknown: none,
      unindexedProjects: [],
      effects: { closeNextSweep: none, remindNextSweep: none, earlier: none, later: none },
      pastReminderCount: none,
    });
  });

  it('checks tickets whose next step is years away', async () => {
    const s = await site();
    s.ticket('SUP-1', timerState('resolved', 1), new Date(NOW.getTime() + 10 * 365 * DAY).toISOString());
    const view = await previewSettingsImpact(s.sitePayload({}), s.deps);
    expect(view.checked).toBe(1);
  });

  it('counts every ticket of an effect and names the first 20 in key order', async () => {
    const s = await site();
    for (let n = 25; n >= 1; n--) s.ticket(`SUP-${n}`, timerState('resolved', 6));
    const view = await previewSettingsImpact(s.sitePayload({ resolvedAutoCloseDays: 5 }), s.deps);
    expect(view.effects.closeNextSweep).toEqual({
      count: 25,
      tickets: Array.from({ length: 20 }, (_, i) => `SUP-${i + 1}`),
    });
  });

  it('counts the tickets without a state copy and names the first 20 in key order, comparing none of them', async () => {
    const s = await site();
    for (let n = 25; n >= 1; n--) s.ticket(`SUP-${n}`, undefined, NOW.toISOString());
    s.ticket('ABC-1', timerState('resolved', 6));
    const view = await previewSettingsImpact(s.sitePayload({ resolvedAutoCloseDays: 5 }), s.deps);
    expect(view).toMatchObject({
      checked: 1,
      unknown: { count: 25, tickets: Array.from({ length: 20 }, (_, i) => `SUP-${i + 1}`) },
      effects: { closeNextSweep: { count: 1, tickets: ['ABC-1'] } },
    });
  });

  it('names the projects whose ticket index is not built yet', async () => {
    const s = await site();
    await s.store.delete('sweep:repair:ABC');
    const view = await previewSettingsImpact(s.sitePayload({}), s.deps);
    expect(view.unindexedProjects).toEqual(['ABC']);
  });

  it('for one project checks only the tickets of that project', async () => {
    const s = await site();
    await s.store.delete('sweep:repair:ABC');
    s.ticket('SUP-1', timerState('resolved', 6));
    s.ticket('ABC-1', timerState('resolved', 6));
    const view = await previewSettingsImpact(s.projectPayload('ABC', { resolvedAutoCloseDays: 5 }), s.deps);
    expect(view).toMatchObject({
      checked: 1,
      unindexedProjects: ['ABC'],
      effects: { closeNextSweep: { count: 1, tickets: ['ABC-1'] } },
    });
  });

  it('before the first sweep, judges the tickets at a sweep within the hour', async () => {
    const s = await site({ swept: false });
    // Resolved 5 days and 30 minutes before the sweep: a 5-day close falls due before it.
    s.ticket('SUP-1', timerState('resolved', 5 - 0.5 / 24));
    const view = await previewSettingsImpact(s.sitePayload({ resolvedAutoCloseDays: 5 }), s.deps);
    expect(view).toMatchObject({
      nextSweepAt: null,
      effects: { closeNextSweep: { count: 1, tickets: ['SUP-1'] } },
    });
  });

  it('names the tickets in Clarification that already had more reminders than the new count', async () => {
    const s = await site();
    const waiting = timerState('clarification', 25);
    s.ticket('SUP-1', { ...waiting, stepsDone: 2 });
    s.ticket('SUP-2', { ...waiting, stepsDone: 1 });
    // Past the stored count already: the new count changes nothing for it.
    s.ticket('SUP-3', { ...waiting, stepsDone: cfg.timers.clarification.reminderCount + 1 });
    s.ticket('SUP-4', { ...timerState('resolved', 6), stepsDone: 2 });
    const view = await previewSettingsImpact(s.sitePayload({ clarificationReminderCount: 1 }), s.deps);
    expect(view.pastReminderCount).toEqual({ count: 1, tickets: ['SUP-1'] });
  });

  it('refuses an agent who is not a Jira administrator', async () => {
    const fixture = adminDeps({ admin: false });
    await expect(previewSettingsImpact({}, fixture.deps)).rejects.toThrow(NotJiraAdminError);
  });
});
