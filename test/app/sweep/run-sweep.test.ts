import type { WorkItem } from '../../../src/app/ports';
import type { IssueBean } from '../../../src/app/ports/jira';
import { JiraHttpError, RateLimitedError, UpstreamError } from '../../../src/app/ports/jira-errors';
import { QueueError, StorageError } from '../../../src/app/ports/platform-errors';
import { CLAIM_LEASE_SECONDS } from '../../../src/app/shared/action-ledger';
import { CONFIG_KEY } from '../../../src/app/shared/config-repository';
import { lowerDue } from '../../../src/app/shared/due-index';
import { repairBasis } from '../../../src/app/shared/repair-marker';
import { sweepRunKey } from '../../../src/app/sweep/last-sweep';
import { hourBucket } from '../../../src/app/sweep/points-budget';
import {
  LOOK_AGAIN,
  runProjectSweep,
  runScheduledSweep,
  SWEEP_PROJECT_WORK,
} from '../../../src/app/sweep/run-sweep';
import { SweepTime } from '../../../src/app/sweep/sweep-time';
import { now, searchedTicket, sweepAppDeps, type SweepAppOptions } from './sweep-fakes';

/** The configuration version the stored settings carry (the repair basis names it). */
const VERSION = 4;
const BASIS = repairBasis(VERSION);
const HOUR = 3_600_000;
const REPAIR_MARKER = (projectKey: string) => `sweep:repair:${projectKey}`;
const REPAIR_PROGRESS = (projectKey: string) => `sweep:repair-progress:${projectKey}`;

/** An invocation's time that holds `calls` reads with plenty left, then only the safety margin. */
function timeRunsOutAfter(calls: number): () => number {
  let read = 0;
  return () => (read++ < calls ? 600_000 : 10_000);
}

interface Options extends SweepAppOptions {
  /** Projects whose repair is complete on the current basis, an hour ago: their sweep starts at the due index. */
  readonly repaired?: readonly string[];
}

/** The sweep's use-case dependencies (`sweepAppDeps`), with the repair of `repaired` complete an hour ago. */
async function sweepDeps(options: Options = {}) {
  const fixture = await sweepAppDeps(options);
  for (const projectKey of options.repaired ?? options.projects ?? ['SUP'])
    await fixture.store.set(REPAIR_MARKER(projectKey), {
      at: new Date(now.getTime() - HOUR).toISOString(),
      basis: BASIS,
    });
  return fixture;
}

type Fixture = Awaited<ReturnType<typeof sweepDeps>>;

const dueBean = searchedTicket;

/** Puts `bean`'s ticket in the due index, due now, and has the due search return it. */
async function dueInIndex(f: Fixture, bean: IssueBean): Promise<void> {
  await lowerDue(f.deps.dueIndex, bean.key as string, new Date(now.getTime() - 60_000).toISOString());
}

const marker = (f: Fixture, projectKey: string) => f.store.get(sweepRunKey(projectKey, now));
const budgetSpent = async (f: Fixture) =>
  ((await f.store.get<{ spent: number }>(`sweep:budget:${hourBucket(now)}`)) ?? { spent: 0 }).spent;

describe('runProjectSweep: one project within the invocation time and the hourly budget', () => {
  it('a project with nothing due and its repair done reads no Jira and finishes with no ticket', async () => {
    const f = await sweepDeps();
    const outcome = await runProjectSweep(f.deps, 'SUP', now);
    expect(outcome).toEqual({ kind: 'finished', tickets: 0, outcomes: {} });
    expect(f.searches).toEqual([]);
    expect(f.logged('sweep.project')).toEqual([
      { level: 'info', event: 'sweep.project', data: { projectKey: 'SUP', tickets: 0, points: 0 } },
    ]);
  });

  it.each([
    ['automation is off site-wide', { automation: { enabled: false } }, 'SUP'],
    ['the project is not managed', {}, 'OPS'],
    [
      'the project overrides automation off',
      { projectOverrides: { SUP: { automation: { enabled: false } } } },
      'SUP',
    ],
  ])('when %s the project is disabled and nothing is read', async (_name, settings, projectKey) => {
    const f = await sweepDeps({ settings });
    expect(await runProjectSweep(f.deps, projectKey, now)).toEqual({ kind: 'disabled' });
    expect(f.searches).toEqual([]);
    expect(f.logs).toEqual([]);
  });

  it('a due ticket is swept: one ticket acted on, its points logged and charged to the hour', async () => {
    const { bean } = dueBean(12);
    const f = await sweepDeps({ searches: [{ issues: [bean] }] });
    await dueInIndex(f, bean);
    const outcome = await runProjectSweep(f.deps, 'SUP', now);
    expect(outcome).toEqual({ kind: 'finished', tickets: 1, outcomes: { done: 1 } });
    expect(f.site.writes.map((w) => w.kind)).toEqual(['edit']);
    const [logged] = f.logged('sweep.project');
    expect(logged?.data).toEqual({ projectKey: 'SUP', tickets: 1, points: f.stats.totalPoints, done: 1 });
    expect(f.stats.totalPoints).toBeGreaterThan(1);
    expect(await budgetSpent(f)).toBe(f.stats.totalPoints);
  });

  it('the points logged are those of this project only, not of the projects swept before it', async () => {
    const { bean } = dueBean(12);
    const f = await sweepDeps({ searches: [{ issues: [bean] }] });
    await dueInIndex(f, bean);
    f.stats.totalPoints = 40;
    await runProjectSweep(f.deps, 'SUP', now);
    expect(f.logged('sweep.project')[0]?.data?.points).toBe(f.stats.totalPoints - 40);
  });

  it('a fresh installation starts with the rebuild: stamped, unstamped, stateless, then the due index', async () => {
    const f = await sweepDeps({ repaired: [] });
    expect(await runProjectSweep(f.deps, 'SUP', now)).toEqual({ kind: 'finished', tickets: 0, outcomes: {} });
    expect(f.searches.map((s) => s.jql)).toHaveLength(3);
    expect(f.searches[0]?.jql).toMatch(/processNextDue/);
    expect(f.searches[1]?.expand).toBe('changelog');
    expect(await f.store.get(REPAIR_MARKER('SUP'))).toEqual({ at: now.toISOString(), basis: BASIS });
  });

  it('a settings change since the last repair rebuilds on the new basis', async () => {
    const f = await sweepDeps({ repaired: [] });
    await f.store.set(REPAIR_MARKER('SUP'), { at: now.toISOString(), basis: repairBasis(VERSION - 1) });
    await runProjectSweep(f.deps, 'SUP', now);
    expect(f.searches).toHaveLength(3);
    expect(await f.store.get(REPAIR_MARKER('SUP'))).toEqual({ at: now.toISOString(), basis: BASIS });
  });

  it('a day-old repair runs the repair query alone, without the rebuild phases', async () => {
    const f = await sweepDeps({ repaired: [] });
    await f.store.set(REPAIR_MARKER('SUP'), {
      at: new Date(now.getTime() - 25 * HOUR).toISOString(),
      basis: BASIS,
    });
    await runProjectSweep(f.deps, 'SUP', now);
    expect(f.searches).toHaveLength(1);
    expect(f.searches[0]?.expand).toBe('changelog');
    expect(await f.store.get(REPAIR_MARKER('SUP'))).toEqual({ at: now.toISOString(), basis: BASIS });
  });

  it('a repair an earlier run left continues at its saved page', async () => {
    const f = await sweepDeps({ repaired: [] });
    await f.store.set(REPAIR_PROGRESS('SUP'), {
      at: new Date(now.getTime() - HOUR).toISOString(),
      basis: BASIS,
      phase: 'unstamped',
      rebuild: true,
      nextPageToken: 'page-7',
    });
    await runProjectSweep(f.deps, 'SUP', now);
    expect(f.searches.map((s) => s.nextPageToken)).toEqual(['page-7', undefined]);
    expect(f.searches[0]?.expand).toBe('changelog');
    expect(await f.store.get(REPAIR_PROGRESS('SUP'))).toBeUndefined();
  });

  it('a saved repair position without a page token starts its phase from the first page', async () => {
    const f = await sweepDeps({ repaired: [] });
    await f.store.set(REPAIR_PROGRESS('SUP'), {
      at: new Date(now.getTime() - HOUR).toISOString(),
      basis: BASIS,
      phase: 'stateless',
      rebuild: true,
    });
    await runProjectSweep(f.deps, 'SUP', now);
    expect(f.searches.map((s) => s.nextPageToken)).toEqual([undefined]);
    expect(f.searches[0]?.expand).toBeUndefined();
  });

  it('out of time before the first page: continues through the queue at the due index, no repair position saved', async () => {
    const f = await sweepDeps({ remainingMs: timeRunsOutAfter(1) });
    expect(await runProjectSweep(f.deps, 'SUP', now)).toEqual({
      kind: 'continued',
      tickets: 0,
      outcomes: {},
      cursor: { phase: 'due' },
    });
    expect(await f.store.get(REPAIR_PROGRESS('SUP'))).toBeUndefined();
  });

  it('continues from the cursor it is given, sharing the invocation time it is given', async () => {
    let remaining = 600_000;
    const f = await sweepDeps({ remainingMs: () => remaining, repaired: [] });
    const time = new SweepTime(f.deps.time);
    remaining = 10_000;
    const cursor = { phase: 'stateless' as const, nextPageToken: 'p3', repairBasis: BASIS, rebuild: true };
    expect(await runProjectSweep(f.deps, 'SUP', now, cursor, time)).toEqual({
      kind: 'continued',
      tickets: 0,
      outcomes: {},
      cursor,
    });
    expect(f.searches).toEqual([]);
  });

  it('the hourly budget spent in the middle of a repair saves the position for the next hourly run', async () => {
    const f = await sweepDeps({
      repaired: [],
      settings: { automation: { pointsBudgetPerHour: 50 } },
      searches: [{ nextPageToken: 'p2', points: 45 }],
    });
    await f.store.set(`sweep:budget:${hourBucket(now)}`, { spent: 5 });
    const outcome = await runProjectSweep(f.deps, 'SUP', now);
    expect(outcome).toEqual({ kind: 'budgetExhausted', tickets: 0, outcomes: {} });
    expect(await f.store.get(REPAIR_PROGRESS('SUP'))).toEqual({
      at: now.toISOString(),
      basis: BASIS,
      phase: 'stamped',
      rebuild: true,
      nextPageToken: 'p2',
    });
  });

  it('a repair whose budget ran out before its first page saves its phase without a page token', async () => {
    const f = await sweepDeps({ repaired: [], settings: { automation: { pointsBudgetPerHour: 2 } } });
    await f.store.set(REPAIR_MARKER('SUP'), {
      at: new Date(now.getTime() - 25 * HOUR).toISOString(),
      basis: BASIS,
    });
    expect((await runProjectSweep(f.deps, 'SUP', now)).kind).toBe('budgetExhausted');
    expect(await f.store.get(REPAIR_PROGRESS('SUP'))).toEqual({
      at: now.toISOString(),
      basis: BASIS,
      phase: 'unstamped',
      rebuild: false,
    });
  });

  it('the budget spent in the due phase saves no repair position: the next run starts from the most overdue', async () => {
    const f = await sweepDeps({ settings: { automation: { pointsBudgetPerHour: 2 } } });
    const { bean } = dueBean(12);
    await dueInIndex(f, bean);
    expect((await runProjectSweep(f.deps, 'SUP', now)).kind).toBe('budgetExhausted');
    expect(await f.store.get(REPAIR_PROGRESS('SUP'))).toBeUndefined();
  });

  it('a ticket Jira holds back (per-issue 429) defers the project until it may be written', async () => {
    const { bean } = dueBean(12);
    const f = await sweepDeps({
      searches: [{ issues: [bean] }],
      site: { failWrites: [new RateLimitedError('editIssue', 90, 'issue', 'issue')] },
    });
    await dueInIndex(f, bean);
    expect(await runProjectSweep(f.deps, 'SUP', now)).toEqual({
      kind: 'deferred',
      afterSeconds: 90,
      reason: 'ticketsHeld',
    });
  });

  it('a ticket that failed for a passing reason is only looked at again a minute later', async () => {
    const { bean } = dueBean(12);
    const f = await sweepDeps({
      searches: [{ issues: [bean] }],
      site: { failWrites: [1, 2, 3].map(() => new UpstreamError('editIssue', 'timeout')) },
    });
    await dueInIndex(f, bean);
    expect(await runProjectSweep(f.deps, 'SUP', now)).toEqual({
      kind: 'deferred',
      afterSeconds: 60,
      reason: LOOK_AGAIN,
    });
  });

  it.each([
    ['a rate limit', new RateLimitedError('search', 45, 'quota'), 45, 'rateLimited', 'sweep.rateLimited'],
    ['an outage', new UpstreamError('search', 'timeout'), 120, 'upstream', 'sweep.upstream'],
    [
      'a conflict that outlived the retries',
      new JiraHttpError('search', 409, ''),
      120,
      'upstream',
      'sweep.upstream',
    ],
  ])(
    '%s on a search defers the project through the queue',
    async (_name, error, afterSeconds, reason, event) => {
      const f = await sweepDeps({ repaired: [], searches: [error] });
      expect(await runProjectSweep(f.deps, 'SUP', now)).toEqual({ kind: 'deferred', afterSeconds, reason });
      expect(f.logged(event)).toHaveLength(1);
      expect(f.logged(event)[0]?.level).toBe('warn');
      expect(f.logged(event)[0]?.data?.projectKey).toBe('SUP');
    },
  );

  it('logs what a rate limit asks to wait and which call an outage hit', async () => {
    const limited = await sweepDeps({
      repaired: [],
      searches: [new RateLimitedError('search', 45, 'quota')],
    });
    await runProjectSweep(limited.deps, 'SUP', now);
    expect(limited.logged('sweep.rateLimited')[0]?.data).toEqual({ projectKey: 'SUP', retryAfter: 45 });
    const down = await sweepDeps({ repaired: [], searches: [new UpstreamError('search', 'timeout')] });
    await runProjectSweep(down.deps, 'SUP', now);
    expect(down.logged('sweep.upstream')[0]?.data).toEqual({ projectKey: 'SUP', operation: 'search' });
  });

  it.each([
    ['a refused search (400)', new JiraHttpError('search', 400, 'bad jql')],
    ['a forbidden search (403)', new JiraHttpError('search', 403, '')],
    ['a defect', new TypeError('boom')],
  ])('%s outside a resumed repair is not swallowed', async (_name, error) => {
    const f = await sweepDeps({ repaired: [], searches: [error] });
    await expect(runProjectSweep(f.deps, 'SUP', now)).rejects.toBe(error);
  });

  it("Jira refusing a saved repair position's page token (expired) restarts the repair shortly", async () => {
    const f = await sweepDeps({ repaired: [], searches: [new JiraHttpError('search', 400, 'token')] });
    await f.store.set(REPAIR_PROGRESS('SUP'), {
      at: new Date(now.getTime() - HOUR).toISOString(),
      basis: BASIS,
      phase: 'stamped',
      rebuild: true,
      nextPageToken: 'expired',
    });
    expect(await runProjectSweep(f.deps, 'SUP', now)).toEqual({
      kind: 'deferred',
      afterSeconds: 120,
      reason: 'repairRestarted',
    });
    expect(await f.store.get(REPAIR_PROGRESS('SUP'))).toBeUndefined();
    expect(f.logged('sweep.repairRestarted')).toEqual([
      { level: 'warn', event: 'sweep.repairRestarted', data: { projectKey: 'SUP' } },
    ]);
  });

  it('a resumed repair whose page Jira refuses otherwise (403) is not taken for an expired token', async () => {
    const error = new JiraHttpError('search', 403, '');
    const f = await sweepDeps({ repaired: [], searches: [error] });
    await f.store.set(REPAIR_PROGRESS('SUP'), {
      at: new Date(now.getTime() - HOUR).toISOString(),
      basis: BASIS,
      phase: 'stamped',
      rebuild: true,
      nextPageToken: 'p4',
    });
    await expect(runProjectSweep(f.deps, 'SUP', now)).rejects.toBe(error);
    expect(await f.store.get(REPAIR_PROGRESS('SUP'))).toBeDefined();
  });
  it('a refused call (400) before any repair page was read is not taken for an expired token', async () => {
    const error = new JiraHttpError('getFields', 400, '');
    const f = await sweepDeps({ settings: { languageByOrganization: { 'Acme GmbH': 'de' } } });
    f.deps.jira.getFields = async () => {
      throw error;
    };
    await expect(runProjectSweep(f.deps, 'SUP', now)).rejects.toBe(error);
  });

  it('with automation off site-wide nothing but the configuration is read', async () => {
    const f = await sweepDeps({ settings: { automation: { enabled: false } } });
    const read: string[] = [];
    const get = f.store.get.bind(f.store);
    f.store.get = async <T>(key: string) => {
      read.push(key);
      return get<T>(key);
    };
    await runProjectSweep(f.deps, 'SUP', now);
    expect(read).toEqual([CONFIG_KEY]);
  });

  it('a repair that completed and then ran out of budget in the due phase saves no position', async () => {
    const f = await sweepDeps({ repaired: [], settings: { automation: { pointsBudgetPerHour: 3 } } });
    await f.store.set(REPAIR_MARKER('SUP'), {
      at: new Date(now.getTime() - 25 * HOUR).toISOString(),
      basis: BASIS,
    });
    const { bean } = dueBean(12);
    await dueInIndex(f, bean);
    expect((await runProjectSweep(f.deps, 'SUP', now)).kind).toBe('budgetExhausted');
    expect(f.searches).toHaveLength(1);
    expect(await f.store.get(REPAIR_MARKER('SUP'))).toEqual({ at: now.toISOString(), basis: BASIS });
    expect(await f.store.get(REPAIR_PROGRESS('SUP'))).toBeUndefined();
  });

  it('a repair page queued without its basis is not saved as the position of a repair', async () => {
    const f = await sweepDeps({ settings: { automation: { pointsBudgetPerHour: 2 } } });
    const outcome = await runProjectSweep(f.deps, 'SUP', now, { phase: 'unstamped', nextPageToken: 'p5' });
    expect(outcome.kind).toBe('budgetExhausted');
    expect(await f.store.get(REPAIR_PROGRESS('SUP'))).toBeUndefined();
  });
});

describe('runScheduledSweep: every managed project once per run, the rest handed to the queue', () => {
  const resumeItem = (projectKey: string): WorkItem => ({
    body: { type: SWEEP_PROJECT_WORK, projectKey, resumesRunAt: now.toISOString() },
    delaySeconds: CLAIM_LEASE_SECONDS + 60,
  });

  it('queues a resume item per project before its run marker, and marks the run finished at the end', async () => {
    const f = await sweepDeps({ projects: ['SUP', 'OPS'] });
    const order: string[] = [];
    const push = f.deps.queue.push.bind(f.deps.queue);
    f.deps.queue.push = async (items) => {
      order.push(`push ${String(items[0]?.body.projectKey)}`);
      await push(items);
    };
    const setIfAbsent = f.store.setIfAbsent.bind(f.store);
    f.store.setIfAbsent = async (key, value) => {
      order.push(`marker ${key}`);
      return setIfAbsent(key, value);
    };
    const report = await runScheduledSweep(f.deps, now);
    expect(report).toEqual({
      SUP: { kind: 'finished', tickets: 0, outcomes: {} },
      OPS: { kind: 'finished', tickets: 0, outcomes: {} },
    });
    expect(order).toEqual([
      'push SUP',
      `marker ${sweepRunKey('SUP', now)}`,
      'push OPS',
      `marker ${sweepRunKey('OPS', now)}`,
    ]);
    expect(f.pushes).toEqual([[resumeItem('SUP')], [resumeItem('OPS')]]);
    expect(await marker(f, 'SUP')).toEqual({ at: now.toISOString(), finished: true });
    expect(await marker(f, 'OPS')).toEqual({ at: now.toISOString(), finished: true });
  });

  it('a duplicate run of the same slot stops before spending a point and leaves the marker as the first run set it', async () => {
    const f = await sweepDeps({ repaired: [] });
    await f.store.set(sweepRunKey('SUP', now), { at: now.toISOString() });
    expect(await runScheduledSweep(f.deps, now)).toEqual({ SUP: { kind: 'duplicateRun' } });
    expect(f.searches).toEqual([]);
    expect(await marker(f, 'SUP')).toEqual({ at: now.toISOString() });
  });

  it('with automation off, no resume item is queued and the run is not marked finished', async () => {
    const f = await sweepDeps({ settings: { automation: { enabled: false } } });
    expect(await runScheduledSweep(f.deps, now)).toEqual({ SUP: { kind: 'disabled' } });
    expect(f.pushes).toEqual([]);
    expect(await marker(f, 'SUP')).toEqual({ at: now.toISOString() });
  });

  it('a refused resume item is logged; that project is swept but its run is not marked finished', async () => {
    const f = await sweepDeps({ projects: ['SUP', 'OPS'], pushFailures: [new QueueError('refused')] });
    const report = await runScheduledSweep(f.deps, now);
    expect(report.SUP?.kind).toBe('finished');
    expect(f.logged('sweep.queueFailed')).toEqual([
      { level: 'warn', event: 'sweep.queueFailed', data: { items: 1, from: 'resume' } },
    ]);
    expect(await marker(f, 'SUP')).toEqual({ at: now.toISOString() });
    expect(await marker(f, 'OPS')).toEqual({ at: now.toISOString(), finished: true });
  });

  it('a resume push failing with a defect is not swallowed', async () => {
    const error = new TypeError('boom');
    const f = await sweepDeps({ pushFailures: [error] });
    await expect(runScheduledSweep(f.deps, now)).rejects.toBe(error);
  });

  it('work that does not fit continues as queue items: a continued sweep at its cursor, a deferral after its delay', async () => {
    const { bean } = dueBean(12, 'SUP-1');
    const f = await sweepDeps({
      projects: ['SUP', 'OPS', 'WEB'],
      repaired: ['SUP', 'WEB'],
      searches: [{ issues: [bean] }, new RateLimitedError('search', 45, 'quota')],
      site: { failWrites: [1, 2, 3].map(() => new UpstreamError('editIssue', 'timeout')) },
    });
    await dueInIndex(f, bean);
    // SUP's ticket is looked at again, OPS's rebuild meets a rate limit, and WEB finds no time left.
    let pages = 0;
    const search = f.deps.jira.search.bind(f.deps.jira);
    f.deps.jira.search = async (request) => {
      pages += 1;
      return search(request);
    };
    f.deps.time.remainingMs = () => (pages >= 2 ? 10_000 : 600_000);
    const report = await runScheduledSweep(f.deps, now);
    expect(report.SUP).toEqual({ kind: 'deferred', afterSeconds: 60, reason: LOOK_AGAIN });
    expect(report.OPS).toEqual({ kind: 'deferred', afterSeconds: 45, reason: 'rateLimited' });
    expect(report.WEB?.kind).toBe('continued');
    expect(f.pushes.slice(3)).toEqual([
      [
        { body: { type: SWEEP_PROJECT_WORK, projectKey: 'SUP', looks: 1 }, delaySeconds: 60 },
        { body: { type: SWEEP_PROJECT_WORK, projectKey: 'OPS' }, delaySeconds: 45 },
        { body: { type: SWEEP_PROJECT_WORK, projectKey: 'WEB', phase: 'due' } },
      ],
    ]);
    for (const projectKey of ['SUP', 'OPS', 'WEB'])
      expect(await marker(f, projectKey)).toEqual({ at: now.toISOString(), finished: true });
  });

  it('a repair cut short by time continues at its page, with its basis and whether it rebuilds', async () => {
    let pages = 0;
    const f = await sweepDeps({
      repaired: [],
      searches: [{ nextPageToken: 'p2' }],
      remainingMs: () => (pages >= 1 ? 10_000 : 600_000),
    });
    const search = f.deps.jira.search.bind(f.deps.jira);
    f.deps.jira.search = async (request) => {
      pages += 1;
      return search(request);
    };
    await runScheduledSweep(f.deps, now);
    expect(f.pushes.at(-1)).toEqual([
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
    ]); // The queue continues it within the hour: no position is saved for the next hourly run.
    expect(await f.store.get(REPAIR_PROGRESS('SUP'))).toBeUndefined();
  });

  it('a refused hand-over is logged and ends the run well, without marking it finished', async () => {
    const f = await sweepDeps({
      remainingMs: timeRunsOutAfter(1),
      pushFailures: [undefined, new QueueError('refused')],
    });
    expect(await runScheduledSweep(f.deps, now)).toEqual({
      SUP: { kind: 'continued', tickets: 0, outcomes: {}, cursor: { phase: 'due' } },
    });
    expect(f.logged('sweep.queueFailed')).toEqual([
      { level: 'warn', event: 'sweep.queueFailed', data: { items: 1, from: 'scheduled' } },
    ]);
    expect(await marker(f, 'SUP')).toEqual({ at: now.toISOString() });
  });

  it('a hand-over failing with a defect is not swallowed', async () => {
    const error = new TypeError('boom');
    const f = await sweepDeps({ remainingMs: timeRunsOutAfter(1), pushFailures: [undefined, error] });
    await expect(runScheduledSweep(f.deps, now)).rejects.toBe(error);
  });

  it('a run with nothing to hand over pushes nothing beyond its resume items', async () => {
    const f = await sweepDeps({ pushFailures: [undefined, new TypeError('no push expected')] });
    await expect(runScheduledSweep(f.deps, now)).resolves.toEqual({
      SUP: { kind: 'finished', tickets: 0, outcomes: {} },
    });
  });

  it('first queues again the Delivery tables whose regeneration was lost', async () => {
    const f = await sweepDeps({ settings: { automation: { enabled: false } } });
    await f.store.set('deliveryTable:20001', {
      token: 't1',
      at: new Date(now.getTime() - 2 * HOUR).toISOString(),
      projectKey: 'SUP',
    });
    await runScheduledSweep(f.deps, now);
    expect(f.pushes).toHaveLength(1);
    expect(f.pushes[0]?.[0]?.body).toMatchObject({ deliveryId: '20001', token: 't1' });
  });

  it.each([
    ['the queue', new QueueError('refused'), 'QueueError'],
    ['the storage', new StorageError('list', 'down'), 'StorageError'],
  ])(
    'a failure of %s while requeueing Delivery tables is logged and the sweep goes on',
    async (_n, error, name) => {
      const f = await sweepDeps();
      const list = f.store.list.bind(f.store);
      f.store.list = async (prefix, options) => {
        if (prefix.startsWith('deliveryTable:')) throw error;
        return list(prefix, options);
      };
      expect((await runScheduledSweep(f.deps, now)).SUP?.kind).toBe('finished');
      expect(f.logged('sweep.deliveryTablesFailed')).toEqual([
        { level: 'warn', event: 'sweep.deliveryTablesFailed', data: { error: name } },
      ]);
    },
  );

  it('a defect while requeueing Delivery tables is not swallowed', async () => {
    const error = new TypeError('boom');
    const f = await sweepDeps();
    const list = f.store.list.bind(f.store);
    f.store.list = async (prefix, options) => {
      if (prefix.startsWith('deliveryTable:')) throw error;
      return list(prefix, options);
    };
    await expect(runScheduledSweep(f.deps, now)).rejects.toBe(error);
  });

  it('a run marker that cannot be marked finished is logged: the resume item only reads it again', async () => {
    const f = await sweepDeps();
    f.store.set = async () => {
      throw new StorageError('set', 'down');
    };
    expect((await runScheduledSweep(f.deps, now)).SUP?.kind).toBe('finished');
    expect(f.logged('sweep.markerFailed')).toEqual([
      { level: 'warn', event: 'sweep.markerFailed', data: { projectKey: 'SUP' } },
    ]);
  });

  it('a defect while marking the run finished is not swallowed', async () => {
    const error = new TypeError('boom');
    const f = await sweepDeps();
    f.store.set = async () => {
      throw error;
    };
    await expect(runScheduledSweep(f.deps, now)).rejects.toBe(error);
  });

  it.each([
    ['a run that finished', {}],
    ['a run with automation off', { automation: { enabled: false } }],
  ])('the run marker of %s is kept one day', async (_name, settings) => {
    const f = await sweepDeps({ settings });
    await runScheduledSweep(f.deps, now);
    f.store.advanceDays(0.5);
    expect(await marker(f, 'SUP')).toBeDefined();
    f.store.advanceDays(0.5);
    expect(await marker(f, 'SUP')).toBeUndefined();
  });

  it('the projects of one run share its invocation time', async () => {
    let remaining = 600_000;
    const { bean } = dueBean(12);
    const f = await sweepDeps({
      projects: ['SUP', 'OPS'],
      searches: [{ issues: [bean] }],
      remainingMs: () => remaining,
    });
    await dueInIndex(f, bean);
    const edit = f.deps.jira.editIssue.bind(f.deps.jira);
    f.deps.jira.editIssue = async (...args) => {
      // The one ticket took most of the time: what is left holds no further ticket at that pace.
      remaining = 300_000;
      return edit(...args);
    };
    const report = await runScheduledSweep(f.deps, now);
    expect(report.SUP).toEqual({ kind: 'finished', tickets: 1, outcomes: { done: 1 } });
    expect(report.OPS?.kind).toBe('continued');
  });
});
