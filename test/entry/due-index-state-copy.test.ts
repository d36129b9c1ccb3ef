import type { SweepPreviewView } from '../../src/contract/admin-views';
import {
  afterAnswer,
  asAdmin,
  DAY,
  dropStateCopy,
  HOUR,
  startSweepSite,
  type LocalSite,
} from '../support/local-site';

/**
 * The index rebuild keeps a copy of the ticket's state in every due-index entry that lacks one (a ticket waiting
 * since before copies were kept), so the admin page's reports know it; a state write racing the rebuild is never
 * covered by an older copy (docs/decisions/0015).
 */
const START = Date.parse('2026-11-02T08:30:00Z');
const CLARIFICATION = 'Clarification required / On hold';
const REPAIR_MARKER = 'sweep:repair:SD';

type Entry = Record<string, unknown> & { state?: unknown };

function entryOf(s: LocalSite, key: string): Entry {
  const entry = s.host.kvs.get('entity:due-index', key);
  if (!entry) throw new Error(`no index entry for ${key}`);
  return entry.value as Entry;
}

/** The project's index as built by the previous index version: the next sweep rebuilds it. */
function builtByPreviousVersion(s: LocalSite): void {
  const marker = s.host.kvs.get('kvs', REPAIR_MARKER);
  const value = marker?.value as { at: string; basis: string } | undefined;
  if (!marker || !value) throw new Error('the project was never repaired');
  const basis = value.basis.replace(/^due-index-\d+:/, 'due-index-2:');
  s.host.kvs.put('kvs', REPAIR_MARKER, { ...marker, value: { ...value, basis } });
}

describe('the index rebuild keeps the state copies the entries lack', () => {
  let s: LocalSite;
  let waiting: string;
  let resolved: string;
  beforeEach(async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    waiting = await s.ticket('Support Request', [CLARIFICATION]);
    resolved = await s.ticket('Support Request', []);
    await s.site.actAs('agent-dach-anna').transition(resolved, { status: 'Resolved', resolution: 'Done' });
    await s.host.drain();
    await s.advance(2 * HOUR);
    s.jump(new Date(START + 5 * DAY));
    await s.advance(HOUR);
  });
  afterEach(() => s.close());

  /** The customer writes on the waiting ticket; the event handler restarts its timer (a newer state). */
  const customerRepliesUndrained = async () => {
    await s.site.actAs('customer-acme-1').comment(waiting, 'Here is the log you asked for');
  };
  const customerReplies = async () => {
    await customerRepliesUndrained();
    await s.host.drain();
  };

  it('a ticket with a state but no copy is known after the rebuild, for one read of it', async () => {
    dropStateCopy(s, waiting);
    // Index queries see an entity as it was a few seconds earlier.
    s.jump(new Date(Date.now() + 10_000));
    expect((await asAdmin<SweepPreviewView>(s, 'previewSweep')).unknown).toEqual({
      count: 1,
      tickets: [waiting],
    });
    builtByPreviousVersion(s);
    const reads = s.site.metrics.of('getIssue').requests;
    await s.advance(HOUR);
    expect(entryOf(s, waiting).state).toEqual(s.state(waiting));
    expect(entryOf(s, resolved).state).toEqual(s.state(resolved));
    // Only the ticket without a copy was read; the other entry's copy was current.
    expect(s.site.metrics.of('getIssue').requests - reads).toBe(1);
    s.jump(new Date(Date.now() + 10_000));
    const view = await asAdmin<SweepPreviewView>(s, 'previewSweep');
    expect(view).toMatchObject({ unknown: { count: 0 }, unindexedProjects: [] });
    expect(view.week.map((i) => i.issueKey)).toEqual([waiting]);
  });

  it('the copy it keeps carries the view it was read in, so the next event is decided from its payload', async () => {
    dropStateCopy(s, waiting);
    builtByPreviousVersion(s);
    await s.advance(HOUR);
    const entry = entryOf(s, waiting);
    expect(entry.state).toEqual(s.state(waiting));
    expect(entry.basis).toBe(new Date(s.site.store.issue(waiting)?.updated ?? '').toISOString());
    expect(entry.viewless).toBeUndefined();
    s.jump(new Date(Date.now() + 60_000));
    const spent = await s.measure(customerRepliesUndrained);
    // No read of the ticket (the field ids are looked up again after the days that passed).
    expect(spent.byOperation).toMatchObject({ editIssue: 1 });
    expect(spent.byOperation.getIssue).toBeUndefined();
    expect(s.state(waiting)?.lastReset).toMatchObject({ reason: 'customerComment' });
  });

  it('an event made before the rebuild read the ticket, handled after it, reads the ticket', async () => {
    dropStateCopy(s, waiting);
    builtByPreviousVersion(s);
    const race = afterAnswer(
      s,
      (request, body) =>
        request.path.startsWith('/rest/api/3/search/jql') &&
        (request.body ?? '').includes('IS NOT EMPTY') &&
        body.includes(`"key":"${waiting}"`),
      customerRepliesUndrained,
    );
    const reads = s.site.metrics.of('getIssue').requests;
    await s.advance(HOUR);
    expect(race.fired()).toBe(true);
    // The rebuild's read and the event's: the event is not newer than the view the copy was read in.
    expect(s.site.metrics.of('getIssue').requests - reads).toBe(2);
    expect(s.state(waiting)?.lastReset).toMatchObject({ reason: 'customerComment' });
    expect(entryOf(s, waiting).state).toEqual(s.state(waiting));
  });

  it('a newer state written after the rebuild searched is the one copied, not the searched one', async () => {
    dropStateCopy(s, waiting);
    builtByPreviousVersion(s);
    const searched = s.state(waiting);
    const race = afterAnswer(
      s,
      (request, body) =>
        request.path.startsWith('/rest/api/3/search/jql') &&
        (request.body ?? '').includes('IS NOT EMPTY') &&
        body.includes(`"key":"${waiting}"`),
      async () => {
        await customerReplies();
        // The newer write overlapped another writer: it left the entry without a copy.
        dropStateCopy(s, waiting);
      },
    );
    await s.advance(HOUR);
    expect(race.fired()).toBe(true);
    expect(s.state(waiting)?.cycle).toBe(Number(searched?.cycle) + 1);
    expect(entryOf(s, waiting).state).toEqual(s.state(waiting));
  });

  it('a newer state written while the rebuild reads the ticket leaves no copy rather than the older one', async () => {
    dropStateCopy(s, waiting);
    builtByPreviousVersion(s);
    const before = s.state(waiting);
    const race = afterAnswer(
      s,
      (request) =>
        request.method === 'GET' &&
        request.path.startsWith(`/rest/api/3/issue/${waiting}?`) &&
        request.path.includes('properties=jsm-process-state'),
      customerReplies,
    );
    await s.advance(HOUR);
    expect(race.fired()).toBe(true);
    const now = s.state(waiting);
    expect(now?.cycle).toBe(Number(before?.cycle) + 1);
    // The rebuild read the older state: it keeps no copy, and the newer write overlapped it, so neither does that;
    // the entry stays at the earlier due time.
    expect(entryOf(s, waiting).state).toBeUndefined();
    expect(Date.parse(String(entryOf(s, waiting).dueAt))).toBeLessThanOrEqual(
      Date.parse(String(now?.nextDueAt)),
    );
  });
});
