import type { IssueBean } from '../../../src/app/ports/jira';
import { JiraHttpError, RateLimitedError, UpstreamError } from '../../../src/app/ports/jira-errors';
import { lowerDue } from '../../../src/app/shared/due-index';
import { readStoredCopy } from '../../../src/app/shared/portal-copy';
import { WorkflowTransitions } from '../../../src/app/shared/workflow-transitions';
import { hourBucket, PointsBudget } from '../../../src/app/sweep/points-budget';
import type { SweepContext } from '../../../src/app/sweep/sweep-context';
import { sweepProject, type SweepCursor } from '../../../src/app/sweep/sweep-project';
import { SweepTime } from '../../../src/app/sweep/sweep-time';
import { PROCESS_STATE_KEY } from '../../../src/domain/process-state';
import {
  cfg,
  jiraTime,
  now,
  searchedTicket,
  sweepAppDeps,
  type SweepApp,
  type SweepAppOptions,
} from './sweep-fakes';

const BASIS = 'due-index-6:4';
const HOUR = 3_600_000;
const MARKER = 'sweep:repair:SUP';

/** The sweep context of project SUP over the fixture's dependencies. */
function contextOf(f: SweepApp): SweepContext {
  return {
    deps: f.deps,
    cfg,
    now,
    dryRun: false,
    transitions: new WorkflowTransitions(f.deps.jira, f.store),
    organizationsFieldId: undefined,
  };
}

/** An invocation's time that holds `calls` reads with plenty left, then only the safety margin. */
function timeRunsOutAfter(calls: number): () => number {
  let read = 0;
  return () => (read++ < calls ? 600_000 : 10_000);
}

/** Sweeps SUP from `from` with `perHour` points this hour (of which `spent` are spent) and the invocation's time. */
async function sweep(
  f: SweepApp,
  from?: SweepCursor,
  options: { perHour?: number; spent?: number; pageSize?: number } = {},
) {
  if (options.spent) await f.store.set(`sweep:budget:${hourBucket(now)}`, { spent: options.spent });
  const budget = new PointsBudget(f.store, options.perHour ?? 10_000, now);
  const limits = {
    budget,
    time: new SweepTime(f.deps.time),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  };
  return sweepProject(contextOf(f), limits, from);
}

const spent = async (f: SweepApp) =>
  ((await f.store.get<{ spent: number }>(`sweep:budget:${hourBucket(now)}`)) ?? { spent: 0 }).spent;

/** Puts the ticket in the due index, due a minute ago. */
const dueInIndex = (f: SweepApp, key: string) =>
  lowerDue(f.deps.dueIndex, key, new Date(now.getTime() - 60_000).toISOString());

/** Which phase each search was: its query's distinguishing clause. */
function phasesSearched(f: SweepApp): string[] {
  return f.searches.map((s) =>
    s.jql.includes('key in')
      ? 'due'
      : s.jql.includes('IS NOT EMPTY')
        ? 'stamped'
        : s.expand === 'changelog'
          ? 'unstamped'
          : 'stateless',
  );
}

/** A ticket the rebuild finds without a state, as of an hour ago. */
const statelessBean = (key = 'SUP-5'): IssueBean => ({
  id: '5',
  key,
  fields: { updated: jiraTime(now.getTime() - HOUR) },
});

/** A Clarification ticket `days` into its cycle, as a search returns it, with an id of its own. */
function ticket(days: number, key = 'SUP-1') {
  const found = searchedTicket(days, key);
  return { ...found, bean: { ...found.bean, id: `1000${key.slice(4)}` } };
}

async function app(options: SweepAppOptions = {}) {
  return sweepAppDeps(options);
}

describe('sweepProject: the phases of one project sweep', () => {
  it('a rebuild reads the stamped tickets, the repair query, the tickets without a state, then the due index', async () => {
    const f = await app();
    const result = await sweep(f, { phase: 'stamped', repairBasis: BASIS, rebuild: true });
    expect(phasesSearched(f)).toEqual(['stamped', 'unstamped', 'stateless']);
    expect(result).toStrictEqual({ tickets: 0, outcomes: {}, budgetExhausted: false });
    expect(await f.store.get(MARKER)).toEqual({ at: now.toISOString(), basis: BASIS });
  });

  it('a daily repair goes from the repair query straight to the due index', async () => {
    const f = await app();
    await sweep(f, { phase: 'unstamped', repairBasis: BASIS, rebuild: false });
    expect(phasesSearched(f)).toEqual(['unstamped']);
    expect(await f.store.get(MARKER)).toEqual({ at: now.toISOString(), basis: BASIS });
  });

  it('a repair page queued without its basis completes no repair, and rebuilds nothing', async () => {
    const f = await app();
    await sweep(f, { phase: 'stamped' });
    expect(phasesSearched(f)).toEqual(['stamped', 'unstamped']);
    expect(await f.store.get(MARKER)).toBeUndefined();
  });

  it('the repair is recorded only once its last phase is done', async () => {
    const f = await app({ searches: [{}, {}, new UpstreamError('search', 'timeout')] });
    await expect(sweep(f, { phase: 'stamped', repairBasis: BASIS, rebuild: true })).rejects.toThrow(
      UpstreamError,
    );
    expect(await f.store.get(MARKER)).toBeUndefined();
  });

  it('a phase is read page by page, following the page token', async () => {
    const f = await app({ searches: [{ nextPageToken: 'p2' }, { nextPageToken: 'p3' }, {}] });
    await sweep(f, { phase: 'stamped', nextPageToken: 'p1', repairBasis: BASIS, rebuild: false });
    expect(f.searches.map((s) => [phasesSearched(f)[f.searches.indexOf(s)], s.nextPageToken])).toEqual([
      ['stamped', 'p1'],
      ['stamped', 'p2'],
      ['stamped', 'p3'],
      ['unstamped', undefined],
    ]);
  });

  it('starts at the due index when given no cursor', async () => {
    const { bean } = searchedTicket(12);
    const f = await app({ searches: [{ issues: [bean] }] });
    await dueInIndex(f, 'SUP-1');
    const result = await sweep(f);
    expect(phasesSearched(f)).toEqual(['due']);
    expect(result).toStrictEqual({ tickets: 1, outcomes: { done: 1 }, budgetExhausted: false });
  });

  it('counts each outcome kind and charges the hour what the sweep cost', async () => {
    const one = ticket(12, 'SUP-1');
    const two = ticket(12, 'SUP-2');
    const unreadable: IssueBean = { id: '9', key: 'SUP-9', fields: {} };
    const f = await app({ searches: [{ issues: [one.bean, two.bean, unreadable] }] });
    const result = await sweep(f, { phase: 'stamped' });
    expect(result.tickets).toBe(3);
    expect(result.outcomes).toEqual({ done: 2, skipped: 1 });
    expect(await spent(f)).toBe(f.stats.totalPoints);
    expect(f.stats.totalPoints).toBeGreaterThan(4);
  });

  it('a ticket the due index found early is raised to its property', async () => {
    const { bean, state } = searchedTicket(1);
    const f = await app({ searches: [{ issues: [bean] }] });
    await dueInIndex(f, 'SUP-1');
    const read: string[] = [];
    f.deps.jira.getIssue = async (key, options) => {
      read.push(options.fields.join(','));
      return {
        id: '1',
        key,
        fields: { updated: bean.fields?.updated },
        properties: { [PROCESS_STATE_KEY]: state },
      };
    };
    const result = await sweep(f);
    expect(result.outcomes).toEqual({ notDue: 1 });
    expect(read).toEqual(['updated']);
    expect((await f.deps.dueIndex.get('SUP-1'))?.dueAt).toBe(
      new Date(state.nextDueAt as string).toISOString(),
    );
  });

  it('a ticket the stamped phase finds with nothing due gets its copy in the index; the repair query leaves it', async () => {
    const { bean, state } = searchedTicket(1);
    const reads: string[] = [];
    for (const phase of ['stamped', 'unstamped'] as const) {
      const f = await app({ searches: [{ issues: [bean] }] });
      await f.deps.dueIndex.create({
        issueKey: 'SUP-1',
        projectKey: 'SUP',
        version: 1,
        lastPre: 0,
        pending: [],
      });
      f.deps.jira.getIssue = async (key) => {
        reads.push(phase);
        return {
          id: '1',
          key,
          fields: { updated: bean.fields?.updated },
          properties: { [PROCESS_STATE_KEY]: state },
        };
      };
      expect((await sweep(f, { phase })).outcomes).toEqual({ notDue: 1 });
      if (phase === 'stamped') expect((await f.deps.dueIndex.get('SUP-1'))?.state).toEqual(state);
    }
    expect(reads).toEqual(['stamped']);
  });

  it('the tickets without a state get their "no state yet" copy, and are counted without an outcome', async () => {
    const f = await app({ searches: [{ issues: [statelessBean()] }] });
    const result = await sweep(f, { phase: 'stateless' });
    expect(result).toStrictEqual({ tickets: 1, outcomes: {}, budgetExhausted: false });
    expect(await f.deps.dueIndex.get('SUP-5')).toMatchObject({ stateless: true });
  });

  it('a rebuild first reads the site fields for the portal copy; another sweep does not', async () => {
    let fieldReads = 0;
    for (const rebuild of [true, false]) {
      const f = await app();
      f.deps.jira.getFields = async () => {
        fieldReads += 1;
        return [];
      };
      await sweep(f, { phase: 'stamped', repairBasis: BASIS, rebuild });
    }
    expect(fieldReads).toBe(1);
  });
});

describe('sweepProject: within the invocation time', () => {
  it('out of time before the first page: continues at its phase, page and repair', async () => {
    const f = await app({ remainingMs: timeRunsOutAfter(1) });
    const from = { phase: 'unstamped' as const, nextPageToken: 'p4', repairBasis: BASIS, rebuild: true };
    expect(await sweep(f, from)).toStrictEqual({
      tickets: 0,
      outcomes: {},
      continueAt: from,
      budgetExhausted: false,
    });
    expect(f.searches).toEqual([]);
  });

  it('out of time after a page: continues at the next page', async () => {
    const f = await app({ remainingMs: timeRunsOutAfter(2), searches: [{ nextPageToken: 'p2' }] });
    expect(
      (await sweep(f, { phase: 'stamped', repairBasis: BASIS, rebuild: false })).continueAt,
    ).toStrictEqual({
      phase: 'stamped',
      nextPageToken: 'p2',
      repairBasis: BASIS,
      rebuild: false,
    });
  });

  it('out of time at the start of a phase: continues at its first page', async () => {
    const f = await app({ remainingMs: timeRunsOutAfter(2) });
    expect((await sweep(f, { phase: 'stamped' })).continueAt).toStrictEqual({ phase: 'unstamped' });
  });

  it('out of time in the due phase: continues at the due index, which needs no repair', async () => {
    const { bean } = searchedTicket(12);
    const f = await app({ remainingMs: timeRunsOutAfter(1), searches: [{ issues: [bean] }] });
    await dueInIndex(f, 'SUP-1');
    expect(await sweep(f, { phase: 'due', repairBasis: BASIS, rebuild: false })).toStrictEqual({
      tickets: 0,
      outcomes: {},
      continueAt: { phase: 'due' },
      budgetExhausted: false,
    });
  });

  it('a page holds no more tickets than fit in the time, nor than the page size allowed', async () => {
    const f = await app();
    await sweep(f, { phase: 'stamped' });
    expect(f.searches[0]?.maxResults).toBe(10);
    const small = await app();
    await sweep(small, { phase: 'stamped' }, { pageSize: 4 });
    expect(small.searches[0]?.maxResults).toBe(4);
  });

  it('counts every ticket handled against the invocation time', async () => {
    let remaining = 600_000;
    const beans = Array.from({ length: 10 }, (_, i) => ticket(12, `SUP-${i + 1}`).bean);
    const f = await app({ remainingMs: () => remaining, searches: [{ issues: beans, nextPageToken: 'p2' }] });
    const edit = f.deps.jira.editIssue.bind(f.deps.jira);
    f.deps.jira.editIssue = async (...args) => {
      remaining -= 40_000;
      return edit(...args);
    };
    // Ten tickets took 400 s: the 170 s left (less the margin) hold two more at that pace.
    await sweep(f, { phase: 'stamped' });
    expect(f.searches.map((s) => s.maxResults).slice(0, 2)).toEqual([10, 2]);
  });
});

describe('sweepProject: within the hourly budget', () => {
  it('sizes a page to the points left', async () => {
    const f = await app();
    await sweep(f, { phase: 'stamped' }, { perHour: 100, spent: 93 });
    expect(f.searches[0]?.maxResults).toBe(3);
  });

  it('with too few points left for a page, stops where it is for the next hour', async () => {
    const f = await app();
    const from = { phase: 'stamped' as const, nextPageToken: 'p4', repairBasis: BASIS, rebuild: true };
    expect(await sweep(f, from, { perHour: 100, spent: 98 })).toStrictEqual({
      tickets: 0,
      outcomes: {},
      continueAt: from,
      budgetExhausted: true,
    });
    expect(f.searches).toEqual([]);
    expect(await spent(f)).toBe(98);
  });

  it('a ticket whose handling no longer fits is left: a repair reads the same page again', async () => {
    const beans = [ticket(12, 'SUP-1').bean, ticket(12, 'SUP-2').bean];
    const f = await app({ searches: [{ issues: beans, nextPageToken: 'p3', points: 3 }] });
    // 4 points: the page of two (3) and the first ticket's write (1) leave none for the second's write.
    const result = await sweep(
      f,
      { phase: 'stamped', nextPageToken: 'p2', repairBasis: BASIS },
      { perHour: 100, spent: 96 },
    );
    expect(result).toStrictEqual({
      tickets: 1,
      outcomes: { done: 1 },
      continueAt: { phase: 'stamped', nextPageToken: 'p2', repairBasis: BASIS, rebuild: false },
      budgetExhausted: true,
    });
    expect(await spent(f)).toBe(96 + f.stats.totalPoints);
  });

  it('a due ticket whose handling no longer fits is left: the due phase starts again from the most overdue', async () => {
    const beans = [ticket(12, 'SUP-1').bean, ticket(12, 'SUP-2').bean];
    const f = await app({ searches: [{ issues: beans, points: 3 }] });
    await dueInIndex(f, 'SUP-1');
    await dueInIndex(f, 'SUP-2');
    const result = await sweep(f, undefined, { perHour: 100, spent: 96 });
    expect(result).toStrictEqual({
      tickets: 1,
      outcomes: { done: 1 },
      continueAt: { phase: 'due' },
      budgetExhausted: true,
    });
  });

  it('a due ticket left on a later page of the index is found again from the most overdue, not from that page', async () => {
    const one = ticket(12, 'SUP-1');
    const two = ticket(12, 'SUP-2');
    const f = await app({ searches: [{ issues: [one.bean] }, { issues: [two.bean], points: 3 }] });
    await dueInIndex(f, 'SUP-1');
    await dueInIndex(f, 'SUP-2');
    // The index answers one entry a page: SUP-1, then (at cursor c2) SUP-2.
    const dueUntil = f.deps.dueIndex.dueUntil.bind(f.deps.dueIndex);
    f.deps.dueIndex.dueUntil = async (projectKey, until, options) => {
      const { entries } = await dueUntil(projectKey, until, { limit: 2 });
      return options.cursor ? { entries: entries.slice(1) } : { entries: entries.slice(0, 1), cursor: 'c2' };
    };
    // 6 points: the first page and its ticket (3), then the second page (3) leaves none for its ticket.
    const result = await sweep(f, undefined, { perHour: 100, spent: 94 });
    expect(result).toStrictEqual({
      tickets: 1,
      outcomes: { done: 1 },
      continueAt: { phase: 'due' },
      budgetExhausted: true,
    });
  });

  it('a ticket whose handling fits exactly is handled', async () => {
    const beans = [ticket(12, 'SUP-1').bean, ticket(12, 'SUP-2').bean];
    const f = await app({ searches: [{ issues: beans, points: 3 }] });
    // 5 points: the page of two (3) and the two writes (1 each).
    const result = await sweep(f, { phase: 'stamped' }, { perHour: 100, spent: 95 });
    expect(result.tickets).toBe(2);
  });

  it('the points a failed page spent are charged all the same', async () => {
    const { bean } = searchedTicket(12);
    const f = await app({ searches: [{ issues: [bean] }] });
    await dueInIndex(f, 'SUP-1');
    await dueInIndex(f, 'SUP-7');
    const error = new JiraHttpError('getIssue', 403, '');
    f.deps.jira.getIssue = async () => {
      f.stats.totalPoints += 1;
      throw error;
    };
    await expect(sweep(f)).rejects.toBe(error);
    expect(await spent(f)).toBe(3);
  });
});

describe('sweepProject: tickets held back', () => {
  it('a ticket Jira holds back says when it may be written again', async () => {
    const { bean } = searchedTicket(12);
    const f = await app({
      searches: [{ issues: [bean] }],
      site: { failWrites: [new RateLimitedError('editIssue', 90, 'issue', 'issue')] },
    });
    await dueInIndex(f, 'SUP-1');
    expect(await sweep(f)).toStrictEqual({
      tickets: 1,
      outcomes: { deferred: 1 },
      budgetExhausted: false,
      heldIssuesRetryAfter: 90,
    });
  });

  it('a ticket that failed for a passing reason is only looked at again', async () => {
    const { bean } = searchedTicket(12);
    const f = await app({
      searches: [{ issues: [bean] }],
      site: { failWrites: [1, 2, 3].map(() => new UpstreamError('editIssue', 'timeout')) },
    });
    await dueInIndex(f, 'SUP-1');
    const result = await sweep(f);
    expect(result.heldIssuesRetryAfter).toBe(60);
    expect(result.lookAgain).toBe(true);
  });

  it('held tickets are reported when the sweep stops early too', async () => {
    const { bean } = searchedTicket(12);
    for (const [limits, stop] of [
      [{ remainingMs: timeRunsOutAfter(2) }, 'continueAt'],
      [{}, 'budgetExhausted'],
    ] as const) {
      const f = await app({
        ...limits,
        searches: [{ issues: [bean], nextPageToken: 'p2', points: 15 }],
        site: { failWrites: [1, 2, 3].map(() => new UpstreamError('editIssue', 'timeout')) },
      });
      const result = await sweep(f, { phase: 'stamped' }, stop === 'budgetExhausted' ? { perHour: 20 } : {});
      expect(result).toMatchObject({ heldIssuesRetryAfter: 60, lookAgain: true });
      if (stop === 'budgetExhausted') expect(result.budgetExhausted).toBe(true);
      else expect(result.continueAt).toBeDefined();
    }
  });
});

describe('sweepProject: what it reads besides the tickets it sweeps', () => {
  it('a ticket it sweeps is not read again afterwards', async () => {
    const { bean } = ticket(12);
    for (const phase of ['due', 'stamped', 'unstamped'] as const) {
      const f = await app({ searches: [{ issues: [bean] }] });
      await dueInIndex(f, 'SUP-1');
      await sweep(f, { phase });
      expect(f.site.calls.filter((c) => c.startsWith('issue SUP-1 updated'))).toEqual([]);
    }
  });

  it("the points spent before this project are not counted as its tickets' cost nor charged again", async () => {
    const beans = [ticket(12, 'SUP-1').bean, ticket(12, 'SUP-2').bean];
    const f = await app({
      searches: [{ issues: beans, nextPageToken: 'p2' }, { issues: [ticket(12, 'SUP-3').bean] }],
    });
    f.stats.totalPoints = 500;
    const result = await sweep(f, { phase: 'stamped' }, { perHour: 100 });
    expect(result.tickets).toBe(3);
    expect(await spent(f)).toBe(f.stats.totalPoints - 500);
  });

  it('the last ticket that fits in the time is still read', async () => {
    let remaining = 600_000;
    const beans = Array.from({ length: 10 }, (_, i) => ticket(12, `SUP-${i + 1}`).bean);
    const f = await app({ remainingMs: () => remaining, searches: [{ issues: beans, nextPageToken: 'p2' }] });
    const edit = f.deps.jira.editIssue.bind(f.deps.jira);
    f.deps.jira.editIssue = async (...args) => {
      remaining -= 45_000;
      return edit(...args);
    };
    // Ten tickets took 450 s: the 120 s left beyond the margin hold one more at that pace (67.5 s).
    await sweep(f, { phase: 'stamped' });
    expect(f.searches.map((s) => s.maxResults).slice(0, 2)).toEqual([10, 1]);
  });

  /** A fresh index of the site's fields: the searches carry the portal's copy. */
  const freshFieldIndex = (f: SweepApp) =>
    f.store.set('events:field-ids', { at: now.toISOString(), byName: {} });

  it("with the field index fresh, a ticket the rebuild finds without a state gets the portal's copy", async () => {
    const f = await app({ searches: [{ issues: [statelessBean()] }] });
    await freshFieldIndex(f);
    await sweep(f, { phase: 'stateless' });
    expect(await readStoredCopy(f.store, 'SUP-5')).toMatchObject({ basis: expect.any(String) });
  });

  it("with the field index fresh, a ticket the sweep finds gets the portal's copy", async () => {
    const { bean, state } = ticket(1);
    const f = await app({ searches: [{ issues: [bean] }] });
    await freshFieldIndex(f);
    await dueInIndex(f, 'SUP-1');
    f.deps.jira.getIssue = async (key) => ({
      id: '1',
      key,
      fields: { updated: bean.fields?.updated },
      properties: { [PROCESS_STATE_KEY]: state },
    });
    await sweep(f);
    expect(await readStoredCopy(f.store, 'SUP-1')).toMatchObject({ basis: expect.any(String) });
  });

  it('without a fresh field index no copy is kept', async () => {
    const f = await app({ searches: [{ issues: [statelessBean()] }] });
    await sweep(f, { phase: 'stateless' });
    expect(await readStoredCopy(f.store, 'SUP-5')).toBeUndefined();
  });
});
