import type { IssueBean } from '../../../src/app/ports/jira';
import { JiraHttpError } from '../../../src/app/ports/jira-errors';
import { announce, lowerDue } from '../../../src/app/shared/due-index';
import { COPIED_PROPERTIES } from '../../../src/app/shared/portal-copy';
import { WorkflowTransitions } from '../../../src/app/shared/workflow-transitions';
import type { SweepContext } from '../../../src/app/sweep/sweep-context';
import {
  stampedTicketsJql,
  statelessTicketsJql,
  unstampedTicketsJql,
} from '../../../src/app/sweep/sweep-queries';
import {
  firstPhase,
  keepNoStateCopy,
  keepStateCopy,
  markRepaired,
  raiseEarlyEntry,
  sourcePage,
} from '../../../src/app/sweep/sweep-sources';
import { PROCESS_STATE_KEY } from '../../../src/domain/process-state';
import type { MemoryDueIndex } from '../../support/memory-store';
import { cfg, DAY, jiraTime, now, searchedTicket, sweepAppDeps, type SweepApp } from './sweep-fakes';

const HOUR = 3_600_000;
const BASIS = 'due-index-6:4';
const MARKER = 'sweep:repair:SUP';
const PROGRESS = 'sweep:repair-progress:SUP';
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const NOTHING_PARKED: ReadonlySet<string> = new Set();
/** A due time as the index keeps it. */
const instant = (iso: string | undefined) => new Date(iso as string).toISOString();
const FIELDS = ['status', 'issuetype', 'updated', 'created', 'reporter'];

/** The sweep context of project SUP over the fixture's dependencies. */
function contextOf(f: SweepApp, options: { dryRun?: boolean } = {}): SweepContext {
  return {
    deps: f.deps,
    cfg,
    now,
    dryRun: options.dryRun ?? false,
    transitions: new WorkflowTransitions(f.deps.jira, f.store),
    organizationsFieldId: undefined,
  };
}

/** What `GET /issue/{key}` answers for the state and the view of the ticket. */
function answersIssue(f: SweepApp, answer: (key: string) => IssueBean | Error): string[] {
  const asked: string[] = [];
  f.deps.jira.getIssue = async (key, options) => {
    asked.push(`${key} ${options.fields.join(',')} ${(options.properties ?? []).join(',')}`);
    const bean = answer(key);
    if (bean instanceof Error) throw bean;
    return bean;
  };
  return asked;
}

const entryOf = (f: SweepApp, key = 'SUP-1') => f.deps.dueIndex.get(key);

describe('firstPhase: where a project sweep starts', () => {
  it.each([
    ['no repair was ever completed', undefined, { phase: 'stamped', rebuild: true }],
    [
      'the last repair followed other settings',
      { at: ago(HOUR), basis: 'due-index-6:3' },
      { phase: 'stamped', rebuild: true },
    ],
    ['the last repair is a day old', { at: ago(DAY), basis: BASIS }, { phase: 'unstamped', rebuild: false }],
    [
      'the last repair is not yet a day old',
      { at: ago(DAY - 1), basis: BASIS },
      { phase: 'due', rebuild: false },
    ],
  ])('when %s', async (_name, marker, first) => {
    const f = await sweepAppDeps();
    if (marker) await f.store.set(MARKER, marker);
    expect(await firstPhase(contextOf(f), BASIS)).toStrictEqual(first);
  });

  it('a dry run repairs every hour, from the first page', async () => {
    const f = await sweepAppDeps();
    await f.store.set(MARKER, { at: ago(HOUR), basis: BASIS });
    await f.store.set(PROGRESS, {
      at: ago(HOUR),
      basis: BASIS,
      phase: 'stateless',
      rebuild: false,
      nextPageToken: 'p',
    });
    expect(await firstPhase(contextOf(f, { dryRun: true }), BASIS)).toStrictEqual({
      phase: 'unstamped',
      rebuild: false,
    });
  });

  it('a sweep with nothing to repair starts at the due index, whatever position a repair saved', async () => {
    const f = await sweepAppDeps();
    await f.store.set(MARKER, { at: ago(HOUR), basis: BASIS });
    await f.store.set(PROGRESS, {
      at: ago(HOUR),
      basis: BASIS,
      phase: 'stateless',
      rebuild: true,
      nextPageToken: 'p',
    });
    expect(await firstPhase(contextOf(f), BASIS)).toStrictEqual({ phase: 'due', rebuild: false });
  });

  it.each([
    [
      'a rebuild continues a rebuild',
      undefined,
      true,
      { phase: 'stateless', rebuild: true, nextPageToken: 'p9' },
    ],
    [
      'a daily repair continues a rebuild that was left',
      { at: ago(DAY), basis: BASIS },
      true,
      { phase: 'stateless', rebuild: true, nextPageToken: 'p9' },
    ],
    [
      'a daily repair continues a daily repair',
      { at: ago(DAY), basis: BASIS },
      false,
      { phase: 'stateless', rebuild: false, nextPageToken: 'p9' },
    ],
    ['a rebuild does not continue a daily repair', undefined, false, { phase: 'stamped', rebuild: true }],
  ])('%s', async (_name, marker, rebuild, first) => {
    const f = await sweepAppDeps();
    if (marker) await f.store.set(MARKER, marker);
    await f.store.set(PROGRESS, {
      at: ago(HOUR),
      basis: BASIS,
      phase: 'stateless',
      rebuild,
      nextPageToken: 'p9',
    });
    expect(await firstPhase(contextOf(f), BASIS)).toStrictEqual(first);
  });

  it.each([
    ['on other settings', { basis: 'due-index-6:3' }, false],
    ['six days old (its page token may have expired)', { at: ago(6 * DAY) }, false],
    ['not yet six days old', { at: ago(6 * DAY - 1) }, true],
  ])('a saved repair position %s', async (_name, override, usable) => {
    const f = await sweepAppDeps();
    await f.store.set(PROGRESS, {
      at: ago(HOUR),
      basis: BASIS,
      phase: 'unstamped',
      rebuild: true,
      nextPageToken: 'p9',
      ...override,
    });
    expect(await firstPhase(contextOf(f), BASIS)).toStrictEqual(
      usable
        ? { phase: 'unstamped', rebuild: true, nextPageToken: 'p9' }
        : { phase: 'stamped', rebuild: true },
    );
  });

  it('a saved position without a page token starts its phase from the first page', async () => {
    const f = await sweepAppDeps();
    await f.store.set(PROGRESS, { at: ago(HOUR), basis: BASIS, phase: 'unstamped', rebuild: true });
    expect(await firstPhase(contextOf(f), BASIS)).toStrictEqual({ phase: 'unstamped', rebuild: true });
  });
});

describe('markRepaired', () => {
  it('records the repair of the basis now and forgets the saved position', async () => {
    const f = await sweepAppDeps();
    await f.store.set(PROGRESS, { at: ago(HOUR), basis: BASIS, phase: 'unstamped', rebuild: true });
    await markRepaired(contextOf(f), BASIS);
    expect(await f.store.get(MARKER)).toEqual({ at: now.toISOString(), basis: BASIS });
    expect(await f.store.get(PROGRESS)).toBeUndefined();
  });
});

describe('sourcePage: the repair phases', () => {
  it.each([
    ['stamped', stampedTicketsJql('SUP'), undefined],
    ['unstamped', unstampedTicketsJql(cfg), 'changelog'],
    ['stateless', statelessTicketsJql(cfg), undefined],
  ] as const)(
    'the %s phase searches its query, the changelog only for the repair',
    async (phase, jql, expand) => {
      const f = await sweepAppDeps({ searches: [{ nextPageToken: 'p2' }] });
      const page = await sourcePage(contextOf(f), phase, 25, 'p1', NOTHING_PARKED);
      expect(f.searches).toStrictEqual([
        {
          jql,
          fields: FIELDS,
          properties: [PROCESS_STATE_KEY],
          maxResults: 25,
          ...(expand ? { expand } : {}),
          nextPageToken: 'p1',
        },
      ]);
      expect(page).toEqual({ issues: [], nextPageToken: 'p2' });
    },
  );

  it('the first page of a phase is searched without a page token, and the last says so', async () => {
    const f = await sweepAppDeps({ searches: [{}] });
    const page = await sourcePage(contextOf(f), 'stamped', 25, undefined, NOTHING_PARKED);
    expect(f.searches[0]).not.toHaveProperty('nextPageToken');
    expect(page.nextPageToken).toBeUndefined();
  });

  it('continues at the page token Jira returns, and ends the phase without one', async () => {
    const f = await sweepAppDeps();
    f.deps.jira.search = async () => ({ issues: [], isLast: true });
    expect(
      (await sourcePage(contextOf(f), 'stamped', 25, undefined, NOTHING_PARKED)).nextPageToken,
    ).toBeUndefined();
    f.deps.jira.search = async () => ({ issues: [], isLast: false, nextPageToken: 'p3' });
    expect((await sourcePage(contextOf(f), 'stamped', 25, undefined, NOTHING_PARKED)).nextPageToken).toBe(
      'p3',
    );
    f.deps.jira.search = async () => ({ issues: [], nextPageToken: 'p4' });
    expect((await sourcePage(contextOf(f), 'stamped', 25, undefined, NOTHING_PARKED)).nextPageToken).toBe(
      'p4',
    );
  });

  it('the stamped phase tells the due index every due time it finds', async () => {
    const one = searchedTicket(12, 'SUP-1');
    const two = searchedTicket(3, 'SUP-2');
    const { properties: _none, ...withoutState } = searchedTicket(1, 'SUP-3').bean;
    const { key: _key, ...withoutKey } = searchedTicket(1, 'SUP-4').bean;
    const f = await sweepAppDeps({ searches: [{ issues: [one.bean, two.bean, withoutState, withoutKey] }] });
    await sourcePage(contextOf(f), 'stamped', 25, undefined, NOTHING_PARKED);
    expect((await entryOf(f, 'SUP-1'))?.dueAt).toBe(instant(one.state.nextDueAt));
    expect((await entryOf(f, 'SUP-2'))?.dueAt).toBe(instant(two.state.nextDueAt));
    expect(await entryOf(f, 'SUP-3')).toBeUndefined();
  });

  it.each([
    ['a dry run', 'stamped', true],
    ['the repair query', 'unstamped', false],
  ] as const)('%s leaves the due index alone', async (_name, phase, dryRun) => {
    const { bean } = searchedTicket(12);
    const f = await sweepAppDeps({ searches: [{ issues: [bean] }] });
    await sourcePage(contextOf(f, { dryRun }), phase, 25, undefined, NOTHING_PARKED);
    expect(await entryOf(f)).toBeUndefined();
  });
});

describe('sourcePage: the portal copy', () => {
  /** A fresh index of the site's fields: the searches carry the portal's copy. */
  const freshFieldIndex = (f: SweepApp) =>
    f.store.set('events:field-ids', { at: now.toISOString(), byName: {} });

  it.each(['stamped', 'due'] as const)(
    'with the field index fresh, the %s search carries what the portal copy holds',
    async (phase) => {
      const { bean } = searchedTicket(12);
      const f = await sweepAppDeps({ searches: [{ issues: [bean] }] });
      await freshFieldIndex(f);
      await lowerDue(f.deps.dueIndex, 'SUP-1', ago(HOUR));
      const page = await sourcePage(contextOf(f), phase, 25, undefined, NOTHING_PARKED);
      const [search] = f.searches;
      expect(search?.fields).toEqual(expect.arrayContaining([...FIELDS, 'summary']));
      expect(new Set(search?.fields).size).toBe(search?.fields?.length);
      expect(search?.properties).toEqual([...COPIED_PROPERTIES]);
      expect(page.portalFieldIds).toBeDefined();
    },
  );

  it('a dry run keeps no copy, so its search carries none', async () => {
    const f = await sweepAppDeps({ searches: [{}] });
    await freshFieldIndex(f);
    const page = await sourcePage(contextOf(f, { dryRun: true }), 'stamped', 25, undefined, NOTHING_PARKED);
    expect(f.searches[0]?.properties).toEqual([PROCESS_STATE_KEY]);
    expect(page.portalFieldIds).toBeUndefined();
  });
});

describe('sourcePage: the due index', () => {
  async function dueFixture(keys: string[], options: { searchReturns?: string[] } = {}) {
    const beans = keys.map((key) => searchedTicket(12, key).bean);
    const returned = beans.filter((b) => (options.searchReturns ?? keys).includes(b.key as string));
    const f = await sweepAppDeps({ searches: [{ issues: returned }] });
    for (const [i, key] of keys.entries()) await f.deps.dueIndex.create(dueEntry(key, ago(HOUR - i)));
    return f;
  }
  const dueEntry = (issueKey: string, dueAt: string) => ({
    issueKey,
    projectKey: 'SUP',
    dueAt: new Date(dueAt).toISOString(),
    version: 1,
    lastPre: 0,
    pending: [],
  });

  it('reads the due tickets of one index page in one search, most overdue first', async () => {
    const f = await dueFixture(['SUP-1', 'SUP-2']);
    await f.deps.dueIndex.create(dueEntry('SUP-9', new Date(now.getTime() + 60_000).toISOString()));
    const page = await sourcePage(contextOf(f), 'due', 25, undefined, NOTHING_PARKED);
    expect(f.searches).toStrictEqual([
      {
        jql: 'project = "SUP" AND key in ("SUP-1", "SUP-2") ORDER BY processNextDue ASC, id ASC',
        fields: FIELDS,
        properties: [PROCESS_STATE_KEY],
        maxResults: 2,
      },
    ]);
    expect(page.issues.map((b) => b.key)).toEqual(['SUP-1', 'SUP-2']);
  });

  it('asks the index for a page of the size given, from the cursor given, and continues at its cursor', async () => {
    const f = await dueFixture(['SUP-1']);
    const asked: unknown[] = [];
    const dueUntil = f.deps.dueIndex.dueUntil.bind(f.deps.dueIndex);
    f.deps.dueIndex.dueUntil = async (projectKey, until, options) => {
      asked.push({ projectKey, until, options });
      return { ...(await dueUntil(projectKey, until, options)), cursor: 'c2' };
    };
    const page = await sourcePage(contextOf(f), 'due', 7, 'c1', NOTHING_PARKED);
    expect(asked).toStrictEqual([
      { projectKey: 'SUP', until: now.toISOString(), options: { limit: 7, cursor: 'c1' } },
    ]);
    expect(page.nextPageToken).toBe('c2');
    await sourcePage(contextOf(f), 'due', 7, undefined, NOTHING_PARKED);
    expect(asked[1]).toStrictEqual({ projectKey: 'SUP', until: now.toISOString(), options: { limit: 7 } });
  });

  it('leaves out parked tickets, and searches nothing when only parked ones are due', async () => {
    const f = await dueFixture(['SUP-1', 'SUP-2']);
    await sourcePage(contextOf(f), 'due', 25, undefined, new Set(['SUP-1']));
    expect(f.searches[0]?.jql).toContain('key in ("SUP-2")');
    const page = await sourcePage(contextOf(f), 'due', 25, undefined, new Set(['SUP-1', 'SUP-2']));
    expect(f.searches).toHaveLength(1);
    expect(page).toEqual({ issues: [], nextPageToken: undefined });
  });

  it('a ticket the search did not return and Jira still finds under its key waits for the next sweep', async () => {
    const f = await dueFixture(['SUP-1', 'SUP-2'], { searchReturns: ['SUP-1'] });
    const asked = answersIssue(f, (key) => ({ id: '2', key }));
    await sourcePage(contextOf(f), 'due', 25, undefined, NOTHING_PARKED);
    expect(asked).toEqual([`SUP-2 project ${PROCESS_STATE_KEY}`]);
    expect((await entryOf(f, 'SUP-2'))?.dueAt).toBeDefined();
    expect(f.logged('sweep.ticketLeft')).toEqual([]);
  });

  it('a deleted ticket leaves the index', async () => {
    const f = await dueFixture(['SUP-1'], { searchReturns: [] });
    answersIssue(f, () => new JiraHttpError('getIssue', 404, ''));
    await sourcePage(contextOf(f), 'due', 25, undefined, NOTHING_PARKED);
    expect((await entryOf(f))?.dueAt).toBeUndefined();
    expect(f.logged('sweep.ticketLeft')).toStrictEqual([
      { level: 'info', event: 'sweep.ticketLeft', data: { issueKey: 'SUP-1' } },
    ]);
  });

  it('a moved ticket takes its due time to its new key', async () => {
    const f = await dueFixture(['SUP-1'], { searchReturns: [] });
    const { state } = searchedTicket(12, 'OPS-4');
    answersIssue(f, () => ({ id: '1', key: 'OPS-4', properties: { [PROCESS_STATE_KEY]: state } }));
    await sourcePage(contextOf(f), 'due', 25, undefined, NOTHING_PARKED);
    expect((await entryOf(f, 'OPS-4'))?.dueAt).toBe(instant(state.nextDueAt));
    expect((await entryOf(f))?.dueAt).toBeUndefined();
    expect(f.logged('sweep.ticketLeft')[0]?.data).toEqual({ issueKey: 'SUP-1', movedTo: 'OPS-4' });
  });

  it('a moved ticket with nothing due leaves only the old entry', async () => {
    const f = await dueFixture(['SUP-1'], { searchReturns: [] });
    answersIssue(f, () => ({ id: '1', key: 'OPS-4' }));
    await sourcePage(contextOf(f), 'due', 25, undefined, NOTHING_PARKED);
    expect(await entryOf(f, 'OPS-4')).toBeUndefined();
    expect((await entryOf(f))?.dueAt).toBeUndefined();
  });

  it('a missing ticket whose entry left the index meanwhile is only logged', async () => {
    const f = await dueFixture(['SUP-1'], { searchReturns: [] });
    answersIssue(f, () => {
      (f.deps.dueIndex as MemoryDueIndex).entries.delete('SUP-1');
      return new JiraHttpError('getIssue', 404, '');
    });
    await sourcePage(contextOf(f), 'due', 25, undefined, NOTHING_PARKED);
    expect(await entryOf(f)).toBeUndefined();
    expect(f.logged('sweep.ticketLeft')).toHaveLength(1);
  });

  it('another failure looking up a missing ticket is not swallowed', async () => {
    const f = await dueFixture(['SUP-1'], { searchReturns: [] });
    const error = new JiraHttpError('getIssue', 403, '');
    answersIssue(f, () => error);
    await expect(sourcePage(contextOf(f), 'due', 25, undefined, NOTHING_PARKED)).rejects.toBe(error);
  });

  it('a dry run does not look up missing tickets', async () => {
    const f = await dueFixture(['SUP-1'], { searchReturns: [] });
    const asked = answersIssue(f, () => new JiraHttpError('getIssue', 404, ''));
    await sourcePage(contextOf(f, { dryRun: true }), 'due', 25, undefined, NOTHING_PARKED);
    expect(asked).toEqual([]);
    expect((await entryOf(f))?.dueAt).toBeDefined();
  });
});

describe('raiseEarlyEntry and keepStateCopy: an entry follows the property', () => {
  const UPDATED = jiraTime(now.getTime() - HOUR);
  async function withEntry(entry: Record<string, unknown> = {}) {
    const f = await sweepAppDeps();
    await f.deps.dueIndex.create({
      issueKey: 'SUP-1',
      projectKey: 'SUP',
      dueAt: ago(2 * HOUR),
      version: 1,
      lastPre: 0,
      pending: [],
      ...entry,
    });
    return f;
  }

  it('an early entry is raised to the property and keeps its copy as of the view read', async () => {
    const f = await withEntry();
    const { state } = searchedTicket(12);
    const asked = answersIssue(f, (key) => ({
      id: '1',
      key,
      fields: { updated: UPDATED },
      properties: { [PROCESS_STATE_KEY]: state },
    }));
    await raiseEarlyEntry(contextOf(f), 'SUP-1');
    expect(asked).toEqual([`SUP-1 updated ${PROCESS_STATE_KEY}`]);
    expect(await entryOf(f)).toMatchObject({
      dueAt: instant(state.nextDueAt),
      state,
      basis: new Date(now.getTime() - HOUR).toISOString(),
      pending: [],
    });
    expect(await entryOf(f)).not.toHaveProperty('viewless');
  });

  it('a property read without the view keeps a copy events do not decide from', async () => {
    const f = await withEntry();
    const { state } = searchedTicket(12);
    answersIssue(f, (key) => ({
      id: '1',
      key,
      fields: { updated: 12 },
      properties: { [PROCESS_STATE_KEY]: state },
    }));
    await raiseEarlyEntry(contextOf(f), 'SUP-1');
    const entry = await entryOf(f);
    expect(entry).toMatchObject({ state, viewless: true });
    expect(entry).not.toHaveProperty('basis');
  });

  it('a ticket read without its fields keeps a copy events do not decide from', async () => {
    const f = await withEntry();
    const { state } = searchedTicket(12);
    answersIssue(f, (key) => ({ id: '1', key, properties: { [PROCESS_STATE_KEY]: state } }));
    await raiseEarlyEntry(contextOf(f), 'SUP-1');
    expect(await entryOf(f)).toMatchObject({ state, viewless: true });
  });

  it('a ticket without a property gets a "no state yet" copy and leaves the due range', async () => {
    const f = await withEntry();
    answersIssue(f, (key) => ({ id: '1', key, fields: { updated: UPDATED } }));
    await raiseEarlyEntry(contextOf(f), 'SUP-1');
    const entry = await entryOf(f);
    expect(entry).toMatchObject({ stateless: true, basis: new Date(now.getTime() - HOUR).toISOString() });
    expect(entry).not.toHaveProperty('dueAt');
  });

  it('a property the app cannot read keeps no copy', async () => {
    const f = await withEntry();
    answersIssue(f, (key) => ({
      id: '1',
      key,
      fields: { updated: UPDATED },
      properties: { [PROCESS_STATE_KEY]: { nonsense: true } },
    }));
    await raiseEarlyEntry(contextOf(f), 'SUP-1');
    const entry = await entryOf(f);
    expect(entry).not.toHaveProperty('state');
    expect(entry).not.toHaveProperty('stateless');
    expect(entry).not.toHaveProperty('basis');
    expect(entry).not.toHaveProperty('dueAt');
  });

  it('a deleted ticket leaves the due range without a copy', async () => {
    const f = await withEntry();
    answersIssue(f, () => new JiraHttpError('getIssue', 404, ''));
    await raiseEarlyEntry(contextOf(f), 'SUP-1');
    const entry = await entryOf(f);
    expect(entry).not.toHaveProperty('dueAt');
    expect(entry).not.toHaveProperty('stateless');
  });

  it('a failed read leaves the entry early, its announcement withdrawn, and is not swallowed', async () => {
    const f = await withEntry();
    const error = new JiraHttpError('getIssue', 403, '');
    answersIssue(f, () => error);
    await expect(raiseEarlyEntry(contextOf(f), 'SUP-1')).rejects.toBe(error);
    expect(await entryOf(f)).toMatchObject({ dueAt: new Date(ago(2 * HOUR)).toISOString(), pending: [] });
  });

  it('a writer that comes between keeps the entry early', async () => {
    const f = await withEntry();
    const { state } = searchedTicket(12);
    answersIssue(f, (key) => ({
      id: '1',
      key,
      fields: { updated: UPDATED },
      properties: { [PROCESS_STATE_KEY]: state },
    }));
    const read = f.deps.jira.getIssue;
    f.deps.jira.getIssue = async (key, options) => {
      await announce(f.deps.dueIndex, key, undefined, now);
      return read(key, options);
    };
    await raiseEarlyEntry(contextOf(f), 'SUP-1');
    expect((await entryOf(f))?.dueAt).toBe(new Date(ago(2 * HOUR)).toISOString());
  });

  it('a ticket without an entry is not read', async () => {
    const f = await sweepAppDeps();
    const asked = answersIssue(f, () => new Error('not expected'));
    await raiseEarlyEntry(contextOf(f), 'SUP-1');
    await keepStateCopy(contextOf(f), 'SUP-1');
    expect(asked).toEqual([]);
  });

  it('a dry run reads and writes nothing', async () => {
    const f = await withEntry();
    const asked = answersIssue(f, () => new Error('not expected'));
    await raiseEarlyEntry(contextOf(f, { dryRun: true }), 'SUP-1');
    await keepStateCopy(contextOf(f, { dryRun: true }), 'SUP-1');
    expect(asked).toEqual([]);
    expect((await entryOf(f))?.version).toBe(1);
  });

  it.each([
    ['without a copy', {}, true],
    ['with a copy but no view', { state: { x: 1 } }, true],
    ['with a copy its writer named no view of', { state: { x: 1 }, basis: ago(HOUR), viewless: true }, true],
    ['with a "no state yet" copy', { stateless: true, basis: ago(HOUR) }, true],
    ['with a copy and its view', { state: { x: 1 }, basis: ago(HOUR) }, false],
  ])('the rebuild refreshes an entry %s only when it lacks one', async (_name, entry, read) => {
    const f = await withEntry(entry);
    const asked = answersIssue(f, (key) => ({ id: '1', key, fields: { updated: UPDATED } }));
    await keepStateCopy(contextOf(f), 'SUP-1');
    expect(asked).toHaveLength(read ? 1 : 0);
  });
});

describe('keepNoStateCopy: the rebuild finds a ticket without a state', () => {
  const bean = (overrides: Partial<IssueBean> = {}): IssueBean => ({
    id: '1',
    key: 'SUP-1',
    fields: { updated: jiraTime(now.getTime() - HOUR) },
    ...overrides,
  });

  it('keeps a "no state yet" copy as of the view the search returned', async () => {
    const f = await sweepAppDeps();
    await keepNoStateCopy(contextOf(f), bean());
    expect(await entryOf(f)).toMatchObject({
      stateless: true,
      basis: new Date(now.getTime() - HOUR).toISOString(),
    });
  });

  it.each([
    ['in a dry run', bean(), true],
    ['without a key', bean({ key: undefined }), false],
    ['without its view', bean({ fields: {} }), false],
    ['without its fields', { id: '1', key: 'SUP-1' }, false],
    ['with a state after all', bean({ properties: { [PROCESS_STATE_KEY]: { x: 1 } } }), false],
  ])('keeps nothing %s', async (_name, found, dryRun) => {
    const f = await sweepAppDeps();
    await keepNoStateCopy(contextOf(f, { dryRun }), found);
    expect(await entryOf(f)).toBeUndefined();
  });
});
