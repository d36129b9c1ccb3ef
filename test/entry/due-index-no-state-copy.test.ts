import type { SiteRequest } from '../../sandbox/contract';
import { ISSUE_TYPE, STATUS } from '../../sandbox/jira/seed/demo-ids';
import { afterAnswer, DAY, HOUR, insertTickets, startSweepSite, type LocalSite } from '../support/local-site';

/**
 * Tickets open since before the installation in a status without a timer have no state property and no due-index
 * entry. The index rebuild gives each a "no state yet" copy from its search, without reading the ticket, so that
 * its first event is decided from the payload (docs/decisions/0020); a state written meanwhile is never covered by
 * it.
 */
const CLARIFICATION = 'Clarification required / On hold';

type Entry = Record<string, unknown>;

function entryOf(s: LocalSite, key: string): Entry | undefined {
  return s.host.kvs.get('entity:due-index', key)?.value as Entry | undefined;
}

/** The rebuild's search for tickets without a state. */
const statelessSearch = (request: SiteRequest) =>
  request.path.startsWith('/rest/api/3/search/jql') && (request.body ?? '').includes('not in');

describe('the index rebuild keeps a "no state yet" copy of open tickets the app never wrote', () => {
  let s: LocalSite;
  let open: string[];
  beforeEach(async () => {
    s = await startSweepSite('2026-11-02T08:30:00Z');
    open = insertTickets(s.site, ISSUE_TYPE.supportRequest, STATUS.inProgress, [
      Date.now() - 3 * DAY,
      Date.now() - 2 * DAY,
    ]);
  });
  afterEach(() => s.close());

  it('from its search alone, and the first move is then decided from the payload', async () => {
    const reads = s.site.metrics.of('getIssue').requests;
    await s.advance(2 * HOUR);
    // The rebuild read none of the tickets: the copies come from the search.
    expect(s.site.metrics.of('getIssue').requests - reads).toBe(0);
    for (const key of open) {
      const entry = entryOf(s, key);
      expect(entry).toMatchObject({ stateless: true });
      expect(entry?.state).toBeUndefined();
      expect(entry?.dueAt).toBeUndefined();
      expect(entry?.basis).toBe(new Date(s.site.store.issue(key)?.updated ?? '').toISOString());
    }
    const [first] = open as [string];
    s.jump(new Date(Date.now() + 60_000));
    const spent = await s.measure(() => s.agent.transition(first, { status: CLARIFICATION }));
    expect(spent.byOperation).toMatchObject({ editIssue: 1 });
    expect(spent.byOperation.getIssue).toBeUndefined();
    expect(s.state(first)).toMatchObject({ timer: 'clarification', statusId: STATUS.clarification });
    expect(s.state(first)?.nextDueAt).toBeDefined();
    // The write keeps the new state as the copy, with the view it was decided from.
    expect(entryOf(s, first)).toMatchObject({ state: s.state(first) });
    expect(entryOf(s, first)?.stateless).toBeUndefined();
  });

  it('a state written between the search and the copy leaves the state, never "no state"', async () => {
    const [first] = open as [string];
    const race = afterAnswer(s, statelessSearch, async () => {
      await s.agent.transition(first, { status: CLARIFICATION });
      await s.host.drain();
    });
    await s.advance(2 * HOUR);
    expect(race.fired()).toBe(true);
    expect(s.state(first)).toMatchObject({ timer: 'clarification' });
    const entry = entryOf(s, first);
    expect(entry?.stateless).toBeUndefined();
    expect(entry?.state).toEqual(s.state(first));
  });
});
