import { NotJiraAdminError } from '../../../src/app/admin/admin-access';
import { InvalidPayloadError } from '../../../src/app/admin/invalid-payload-error';
import { getSweepPreview } from '../../../src/app/admin/sweep-preview';
import { CONFIG_KEY } from '../../../src/app/shared/config-repository';
import { repairBasis, writeRepairMarker } from '../../../src/app/shared/repair-marker';
import { sweepRunKey } from '../../../src/app/sweep/last-sweep';
import { configForProject } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import type { ProcessState } from '../../../src/domain/process-state';
import { startTimer } from '../../../src/domain/timers';
import type { MemoryDueIndex } from '../../support/memory-store';
import { adminDeps } from './admin-fixture';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const LAST_SWEEP = '2026-11-27T08:17:00.000Z';
const NEXT_SWEEP = '2026-11-27T09:17:00.000Z';
const cfg = configForProject(defaultConfig, 'SUP');

/**
 * Timers under the stored settings (calendar days): Clarification reminds after 10, 20 and 30 days and closes
 * after 40; Resolved closes after 50 days; an estimate expires after 16 weeks.
 */
function timer(status: 'resolved' | 'clarification' | 'estimate', startedAt: string): ProcessState {
  const at = new Date(startedAt);
  if (status === 'estimate')
    return startTimer('customisation', 'estimationAvailable', at, { statusId: '9' }, cfg);
  return startTimer('supportRequest', status, at, { statusId: status === 'resolved' ? '5' : '3' }, cfg);
}

/** Managed projects SUP, ABC and OFF (automation switched off there), all indexed. */
async function site(options: { swept?: boolean; input?: Record<string, unknown> } = {}) {
  const fixture = adminDeps();
  fixture.store.data.set(CONFIG_KEY, {
    version: 1,
    input: {
      projects: ['SUP', 'ABC', 'OFF'],
      projectOverrides: { OFF: { automation: { enabled: false } } },
      ...options.input,
    },
    savedAt: '2026-11-01T00:00:00.000Z',
  });
  for (const projectKey of ['SUP', 'ABC', 'OFF'])
    await writeRepairMarker(fixture.store, projectKey, { at: NOW.toISOString(), basis: repairBasis(1) });
  if (options.swept ?? true)
    await fixture.store.set(sweepRunKey('SUP', new Date(LAST_SWEEP)), { at: LAST_SWEEP });
  const index = fixture.deps.app.dueIndex as MemoryDueIndex;
  /** Indexes a ticket with its entry due at `dueAt` (its state's next step unless given), with a state copy. */
  const ticket = (issueKey: string, state: ProcessState | undefined, dueAt = state?.nextDueAt) =>
    index.put(issueKey, dueAt, state);
  return { ...fixture, ticket };
}

describe('getSweepPreview', () => {
  it('lists the steps of the next sweep and of the week after it, and what the next sweep costs', async () => {
    const s = await site();
    // Reminders 1 and 2 are overdue: the next sweep sends the latest, the third falls due within the week.
    s.ticket('SUP-1', timer('clarification', '2026-11-02T09:00:00.000Z'));
    // Both close at 09:00 (50 calendar days in Vienna, across the end of summer time), before the next sweep.
    s.ticket('SUP-10', timer('resolved', '2026-10-08T08:00:00.000Z'));
    s.ticket('SUP-2', timer('resolved', '2026-10-08T08:00:00.000Z'));
    // Expires on 30 November (16 weeks in Vienna, across the end of summer time).
    s.ticket('SUP-3', timer('estimate', '2026-08-10T08:00:00.000Z'));
    // Its entry is due (left early by an overlapping write), its next step is not.
    s.ticket('SUP-4', timer('resolved', '2026-11-26T09:00:00.000Z'), NOW.toISOString());
    // Nothing known about it but its due time.
    s.ticket('SUP-5', undefined, NOW.toISOString());
    s.ticket('ABC-1', timer('resolved', '2026-11-26T09:00:00.000Z'), NOW.toISOString());
    s.ticket('OFF-1', timer('resolved', '2026-10-08T08:00:00.000Z'));

    const view = await getSweepPreview({}, s.deps);

    expect(view).toEqual({
      computedAt: NOW.toISOString(),
      nextSweepAt: NEXT_SWEEP,
      items: [
        {
          issueKey: 'SUP-1',
          timer: 'clarification',
          action: 'remind',
          reminder: { number: 2, of: 3 },
          dueAt: '2026-11-22T09:00:00.000Z',
        },
        {
          issueKey: 'SUP-2',
          timer: 'resolved',
          action: 'close',
          reminder: null,
          dueAt: '2026-11-27T09:00:00.000Z',
        },
        {
          issueKey: 'SUP-10',
          timer: 'resolved',
          action: 'close',
          reminder: null,
          dueAt: '2026-11-27T09:00:00.000Z',
        },
      ],
      // SUP: one page of the 5 tickets found due (6 points), SUP-4 raised (1), 1 reminder and 2 closes (7);
      // ABC: one page of 1 ticket (2 points), ABC-1 raised (1).
      estimatedPoints: 17,
      pointsBudgetPerHour: 260,
      week: [
        {
          issueKey: 'SUP-3',
          timer: 'estimate',
          action: 'close',
          reminder: null,
          dueAt: '2026-11-30T09:00:00.000Z',
        },
        {
          issueKey: 'SUP-1',
          timer: 'clarification',
          action: 'remind',
          reminder: { number: 3, of: 3 },
          dueAt: '2026-12-02T09:00:00.000Z',
        },
      ],
      weekUntil: '2026-12-04T09:17:00.000Z',
      unknown: { count: 1, tickets: ['SUP-5'] },
      unindexedProjects: [],
    });
  });

  it('leaves a step due at the very time of the next sweep to that sweep', async () => {
    const s = await site();
    s.ticket('SUP-1', timer('resolved', '2026-10-08T08:17:00.000Z'));
    const view = await getSweepPreview({}, s.deps);
    expect(view).toMatchObject({ items: [{ issueKey: 'SUP-1', dueAt: NEXT_SWEEP }], week: [] });
  });

  it('counts an index entry due at the very time of the next sweep as read and raised by it', async () => {
    const s = await site();
    s.ticket('SUP-1', timer('resolved', '2026-11-26T09:00:00.000Z'), NEXT_SWEEP);
    const view = await getSweepPreview({}, s.deps);
    // One search page, the ticket read, its entry raised.
    expect(view).toMatchObject({ items: [], estimatedPoints: 3 });
  });

  it('costs nothing when nothing is due', async () => {
    const s = await site();
    s.ticket('SUP-1', timer('resolved', '2026-11-26T09:00:00.000Z'));
    const view = await getSweepPreview({}, s.deps);
    expect(view).toMatchObject({ items: [], week: [], estimatedPoints: 0 });
  });

  it('shows the site budget, not a project override of it', async () => {
    const s = await site({
      input: {
        automation: { pointsBudgetPerHour: 300 },
        projectOverrides: { SUP: { automation: { pointsBudgetPerHour: 100 } } },
      },
    });
    const view = await getSweepPreview({ projectKey: 'SUP' }, s.deps);
    expect(view.pointsBudgetPerHour).toBe(300);
  });

  it('for one project lists its steps alone, at the time of its own next sweep', async () => {
    const s = await site();
    await s.store.set(sweepRunKey('ABC', new Date('2026-11-27T08:47:00.000Z')), {
      at: '2026-11-27T08:47:00.000Z',
    });
    s.ticket('SUP-1', timer('resolved', '2026-10-08T08:00:00.000Z'));
    s.ticket('ABC-1', timer('resolved', '2026-10-08T08:00:00.000Z'));
    const view = await getSweepPreview({ projectKey: 'SUP' }, s.deps);
    expect(view).toMatchObject({ nextSweepAt: NEXT_SWEEP, items: [{ issueKey: 'SUP-1' }] });
    expect(view.items).toHaveLength(1);
  });

  it('leaves out a project the app is switched off for, even when asked for it', async () => {
    const s = await site();
    s.ticket('OFF-1', timer('resolved', '2026-10-08T08:00:00.000Z'));
    const view = await getSweepPreview({ projectKey: 'OFF' }, s.deps);
    expect(view).toMatchObject({ items: [], estimatedPoints: 0 });
  });

  it('counts the tickets without a state copy and names the first 20 in key order', async () => {
    const s = await site();
    for (let n = 25; n >= 1; n--) s.ticket(`SUP-${n}`, undefined, NOW.toISOString());
    const view = await getSweepPreview(undefined, s.deps);
    expect(view.unknown).toEqual({
      count: 25,
      tickets: Array.from({ length: 20 }, (_, i) => `SUP-${i + 1}`),
    });
    // One search page plus 25 tickets read.
    expect(view.estimatedPoints).toBe(26);
  });

  it('before the first sweep, assumes one within the hour', async () => {
    const s = await site({ swept: false });
    s.ticket('SUP-1', timer('resolved', '2026-10-08T08:30:00.000Z'));
    const view = await getSweepPreview({}, s.deps);
    expect(view).toMatchObject({
      nextSweepAt: null,
      items: [{ issueKey: 'SUP-1', action: 'close' }],
      weekUntil: '2026-12-04T10:00:00.000Z',
    });
  });

  it('refuses a payload of the wrong shape', async () => {
    const s = await site();
    await expect(getSweepPreview({ projectKey: 7 }, s.deps)).rejects.toThrow(InvalidPayloadError);
  });

  it('refuses an agent who is not a Jira administrator', async () => {
    const fixture = adminDeps({ admin: false });
    await expect(getSweepPreview({}, fixture.deps)).rejects.toThrow(NotJiraAdminError);
  });
});
