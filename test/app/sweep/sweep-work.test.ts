import type { IssueBean } from '../../../src/app/ports/jira';
import { RateLimitedError, UpstreamError } from '../../../src/app/ports/jira-errors';
import { QueueError } from '../../../src/app/ports/platform-errors';
import { lowerDue } from '../../../src/app/shared/due-index';
import { repairBasis } from '../../../src/app/shared/repair-marker';
import { sweepRunKey } from '../../../src/app/sweep/last-sweep';
import { MAX_LOOKS_IN_A_ROW, SWEEP_PROJECT_WORK } from '../../../src/app/sweep/run-sweep';
import { sweepWorkHandlers } from '../../../src/app/sweep/sweep-work';
import { now, searchedTicket, sweepAppDeps, type SweepApp, type SweepAppOptions } from './sweep-fakes';

const BASIS = repairBasis(4);
const continueSweep = sweepWorkHandlers[SWEEP_PROJECT_WORK] as NonNullable<
  (typeof sweepWorkHandlers)[string]
>;

/** An invocation's time that holds `calls` reads with plenty left, then only the safety margin. */
function timeRunsOutAfter(calls: number): () => number {
  let read = 0;
  return () => (read++ < calls ? 600_000 : 10_000);
}

/** The sweep's dependencies with the repair of SUP complete an hour ago: a sweep afresh starts at the due index. */
async function repairedDeps(options: SweepAppOptions = {}): Promise<SweepApp> {
  const f = await sweepAppDeps(options);
  await f.store.set('sweep:repair:SUP', {
    at: new Date(now.getTime() - 3_600_000).toISOString(),
    basis: BASIS,
  });
  return f;
}

/** Puts `bean`'s ticket in the due index, due a minute ago. */
async function dueInIndex(f: SweepApp, bean: IssueBean): Promise<void> {
  await lowerDue(f.deps.dueIndex, bean.key as string, new Date(now.getTime() - 60_000).toISOString());
}

const item = (body: Record<string, unknown> = {}) => ({
  type: SWEEP_PROJECT_WORK,
  projectKey: 'SUP',
  ...body,
});

/** A due ticket whose every write fails for a passing reason: the sweep looks at it again a minute later. */
async function undecidedTicket(): Promise<SweepApp> {
  const { bean } = searchedTicket(12);
  const f = await repairedDeps({
    searches: [{ issues: [bean] }],
    site: { failWrites: [1, 2, 3].map(() => new UpstreamError('editIssue', 'timeout')) },
  });
  await dueInIndex(f, bean);
  return f;
}

describe('sweep.project queue items: continuing one project sweep', () => {
  it.each([
    ['no project key', { projectKey: undefined }, 'projectKey'],
    ['a lower-case project key', { projectKey: 'sup' }, 'projectKey'],
    ['a one-letter project key', { projectKey: 'S' }, 'projectKey'],
    ['an eleven-character project key', { projectKey: 'SUPPORT1234' }, 'projectKey'],
    ['a project key starting with a digit', { projectKey: '1SUP' }, 'projectKey'],
    ['a project key with text around it', { projectKey: 'SUP OPS' }, 'projectKey'],
    ['an unknown phase', { phase: 'later' }, 'phase'],
    ['an empty page token', { nextPageToken: '' }, 'nextPageToken'],
    ['an empty repair basis', { repairBasis: '' }, 'repairBasis'],
    ['a rebuild that is not a boolean', { rebuild: 'yes' }, 'rebuild'],
    ['a resumed run that is not a time', { resumesRunAt: 'yesterday' }, 'resumesRunAt'],
    ['no looks in a row', { looks: 0 }, 'looks'],
    ['more looks in a row than allowed', { looks: MAX_LOOKS_IN_A_ROW + 1 }, 'looks'],
    ['a fraction of a look', { looks: 1.5 }, 'looks'],
    ['another work type', { type: 'sweep.other' }, 'type'],
  ])('an item with %s is logged and dropped without sweeping', async (_name, body, issue) => {
    const f = await repairedDeps();
    expect(await continueSweep(item(body), f.deps)).toEqual({ kind: 'done' });
    expect(f.logs).toEqual([{ level: 'error', event: 'sweep.badWorkItem', data: { issue } }]);
    expect(f.searches).toEqual([]);
  });

  it.each([
    ['a two-letter key', 'SU'],
    ['a ten-character key with digits and underscores', 'S_12345678'],
  ])('accepts %s', async (_name, projectKey) => {
    const f = await repairedDeps({ projects: [projectKey] });
    expect(await continueSweep(item({ projectKey }), f.deps)).toEqual({ kind: 'done' });
    expect(f.logged('sweep.badWorkItem')).toEqual([]);
    expect(f.logged('sweep.project')).toHaveLength(1);
  });

  it.each(['unstamped', 'stamped', 'stateless', 'due'])(
    'accepts an item continuing the %s phase',
    async (phase) => {
      const f = await repairedDeps();
      expect(await continueSweep(item({ phase }), f.deps)).toEqual({ kind: 'done' });
      expect(f.logged('sweep.badWorkItem')).toEqual([]);
      expect(f.logged('sweep.project')).toHaveLength(1);
    },
  );

  it('an item that resumes an hourly run that finished ends at once', async () => {
    const f = await repairedDeps();
    await f.store.set(sweepRunKey('SUP', now), { at: now.toISOString(), finished: true });
    expect(await continueSweep(item({ resumesRunAt: now.toISOString() }), f.deps)).toEqual({ kind: 'done' });
    expect(f.logs).toEqual([{ level: 'info', event: 'sweep.resumeNotNeeded', data: { projectKey: 'SUP' } }]);
  });

  it.each([
    ['did not finish', { at: now.toISOString() }],
    ['left no marker', undefined],
  ])('an item that resumes an hourly run that %s sweeps the project', async (_name, marker) => {
    const { bean } = searchedTicket(12);
    const f = await repairedDeps({ searches: [{ issues: [bean] }] });
    await dueInIndex(f, bean);
    if (marker) await f.store.set(sweepRunKey('SUP', now), marker);
    expect(await continueSweep(item({ resumesRunAt: now.toISOString() }), f.deps)).toEqual({ kind: 'done' });
    expect(f.logged('sweep.resumeNotNeeded')).toEqual([]);
    expect(f.site.writes.map((w) => w.kind)).toEqual(['edit']);
  });

  it('the run an item resumes is looked up by the time it names', async () => {
    const f = await repairedDeps();
    const earlier = new Date(now.getTime() - 3_600_000);
    await f.store.set(sweepRunKey('SUP', earlier), { at: earlier.toISOString(), finished: true });
    await continueSweep(item({ resumesRunAt: now.toISOString() }), f.deps);
    expect(f.logged('sweep.resumeNotNeeded')).toEqual([]);
    await continueSweep(item({ resumesRunAt: earlier.toISOString() }), f.deps);
    expect(f.logged('sweep.resumeNotNeeded')).toHaveLength(1);
  });

  it('an item without a phase starts where an hourly run starts: the repair when it is due', async () => {
    const f = await sweepAppDeps();
    expect(await continueSweep(item(), f.deps)).toEqual({ kind: 'done' });
    expect(f.searches).toHaveLength(3);
    expect(f.searches[0]?.jql).toMatch(/processNextDue IS NOT EMPTY/);
  });

  it('an item with a phase continues there, at its page token, without starting a repair', async () => {
    const f = await sweepAppDeps();
    await continueSweep(item({ phase: 'unstamped', nextPageToken: 'p4' }), f.deps);
    expect(f.searches).toHaveLength(1);
    expect(f.searches[0]?.expand).toBe('changelog');
    expect(f.searches[0]?.nextPageToken).toBe('p4');
    // Without its basis, the page is not a repair: completing it records no repair.
    expect(await f.store.get('sweep:repair:SUP')).toBeUndefined();
  });

  it.each([
    ['its rebuild', true, 2],
    ['no rebuild when the item does not say', undefined, 1],
  ])('an item with a repair basis continues that repair with %s', async (_name, rebuild, searches) => {
    const f = await sweepAppDeps();
    await continueSweep(
      item({ phase: 'unstamped', repairBasis: BASIS, ...(rebuild === undefined ? {} : { rebuild }) }),
      f.deps,
    );
    expect(f.searches).toHaveLength(searches);
    expect(await f.store.get('sweep:repair:SUP')).toEqual({ at: now.toISOString(), basis: BASIS });
  });

  it('a rate limit asks for the item again after the wait Jira names', async () => {
    const f = await sweepAppDeps({ searches: [new RateLimitedError('search', 45, 'quota')] });
    expect(await continueSweep(item({ phase: 'stamped' }), f.deps)).toEqual({
      kind: 'retry',
      afterSeconds: 45,
      reason: 'rateLimited',
    });
    expect(f.pushes).toEqual([]);
  });

  it('a sweep that runs out of time hands on its cursor as a new item', async () => {
    const f = await sweepAppDeps({
      searches: [{ nextPageToken: 'p2' }],
      remainingMs: timeRunsOutAfter(2),
    });
    expect(
      await continueSweep(item({ phase: 'stamped', repairBasis: BASIS, rebuild: true, looks: 2 }), f.deps),
    ).toEqual({ kind: 'done' });
    expect(f.pushes).toEqual([
      [
        {
          body: {
            type: SWEEP_PROJECT_WORK,
            projectKey: 'SUP',
            phase: 'stamped',
            nextPageToken: 'p2',
            repairBasis: BASIS,
            rebuild: true,
          },
        },
      ],
    ]);
  });

  it('tickets left undecided are looked at again by a new item counting the looks in a row', async () => {
    const f = await undecidedTicket();
    expect(await continueSweep(item({ looks: 1 }), f.deps)).toEqual({ kind: 'done' });
    expect(f.pushes).toEqual([
      [{ body: { type: SWEEP_PROJECT_WORK, projectKey: 'SUP', looks: 2 }, delaySeconds: 60 }],
    ]);
  });

  it('the first look again of an item that made none counts one', async () => {
    const f = await undecidedTicket();
    await continueSweep(item(), f.deps);
    expect(f.pushes[0]?.[0]?.body).toEqual({ type: SWEEP_PROJECT_WORK, projectKey: 'SUP', looks: 1 });
  });

  it('the last look in a row allowed is still made', async () => {
    const f = await undecidedTicket();
    await continueSweep(item({ looks: MAX_LOOKS_IN_A_ROW - 1 }), f.deps);
    expect(f.pushes[0]?.[0]?.body).toMatchObject({ looks: MAX_LOOKS_IN_A_ROW });
    expect(f.logged('sweep.lookAgainHourly')).toEqual([]);
  });

  it('past the last look in a row, the next hourly run looks again', async () => {
    const f = await undecidedTicket();
    expect(await continueSweep(item({ looks: MAX_LOOKS_IN_A_ROW }), f.deps)).toEqual({ kind: 'done' });
    expect(f.pushes).toEqual([]);
    expect(f.logged('sweep.lookAgainHourly')).toEqual([
      { level: 'info', event: 'sweep.lookAgainHourly', data: { projectKey: 'SUP' } },
    ]);
  });

  it('a hand-on the queue refuses asks for the item again later', async () => {
    const f = await undecidedTicket();
    f.deps.queue.push = async () => {
      throw new QueueError('refused');
    };
    expect(await continueSweep(item(), f.deps)).toEqual({
      kind: 'retry',
      afterSeconds: 120,
      reason: 'queue',
    });
    expect(f.logged('sweep.queueFailed')).toEqual([
      { level: 'warn', event: 'sweep.queueFailed', data: { items: 1, from: 'queue' } },
    ]);
  });

  it('a hand-on failing with a defect is not swallowed', async () => {
    const f = await undecidedTicket();
    const error = new TypeError('boom');
    f.deps.queue.push = async () => {
      throw error;
    };
    await expect(continueSweep(item(), f.deps)).rejects.toBe(error);
  });

  it('a look again is told apart from tickets Jira holds back, which the same item retries', async () => {
    const { bean } = searchedTicket(12);
    const f = await repairedDeps({
      searches: [{ issues: [bean] }],
      site: { failWrites: [new RateLimitedError('editIssue', 90, 'issue', 'issue')] },
    });
    await dueInIndex(f, bean);
    expect(await continueSweep(item(), f.deps)).toEqual({
      kind: 'retry',
      afterSeconds: 90,
      reason: 'ticketsHeld',
    });
    expect(f.pushes).toEqual([]);
  });

  it('a project switched off ends the item', async () => {
    const f = await repairedDeps({ settings: { automation: { enabled: false } } });
    expect(await continueSweep(item(), f.deps)).toEqual({ kind: 'done' });
    expect(f.pushes).toEqual([]);
  });
});
