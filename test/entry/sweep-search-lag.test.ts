import { ISSUE_TYPE, STATUS, USER } from '../../sandbox/jira/seed/demo-ids';
import { SEARCH_CHANGELOG_LIMIT } from '../../sandbox/jira/ops/search-ops';
import { DAY, HOUR, insertTickets, startSweepSite, type LocalSite } from '../support/local-site';

const CLARIFICATION = 'Clarification required / On hold';
const START = '2026-11-02T08:30:00Z';

/**
 * JQL search is eventually consistent and `expand=changelog` on search is truncated (docs/decisions/0014). The
 * sweep stays exact under both: a ticket whose write has not reached the index yet is found again with its old
 * state and is not reminded twice; a rebuild whose status entry is older than the 40 histories search returns
 * reads the older ones from the changelog endpoint.
 */
describe('the sweep under search index lag and a truncated changelog', () => {
  let s: LocalSite;
  afterEach(() => {
    const failed = s.host.invocations.filter((r) => r.outcome !== 'ok').map((r) => r.error ?? r.outcome);
    s.close();
    expect(failed).toEqual([]);
  });

  // A duplicate run inside the same ten-minute slot stops at once; runs in later slots search again.
  it.each([
    ['half an hour', 30 * 60_000],
    ['two hours, longer than the sweep interval', 2 * HOUR],
  ])(
    'with an index lag of %s, sweeps before the index caught up remind once',
    async (_name, searchIndexLagMs) => {
      s = await startSweepSite(START, { searchIndexLagMs });
      const key = await s.ticket('Software Defect', ['In Progress', CLARIFICATION]);
      s.jump(new Date(Date.parse(START) + 10 * DAY + HOUR));
      await s.host.runScheduled('process-sweep');
      expect(s.appCommentTexts(key)).toHaveLength(1);
      // The search index still holds the old state. The due index follows the app's own writes, so an early
      // entry (as a writer that died before settling leaves it) sends the next runs to the ticket again, and the
      // search returns its old state.
      const entry = s.host.kvs.get('entity:due-index', key);
      if (!entry) throw new Error('no due index entry');
      const early = {
        ...(entry.value as Record<string, unknown>),
        dueAt: new Date(Date.now() - HOUR).toISOString(),
      };
      s.host.kvs.put('entity:due-index', key, { ...entry, value: early });
      const before = s.host.invocations.length;
      for (let run = 0; run < 3; run++) {
        s.clock.advance(11 * 60_000);
        await s.host.runScheduled('process-sweep');
        await s.host.drain();
      }
      const searches = s.host.invocations
        .slice(before)
        .flatMap((r) => r.requests)
        .filter((c) => c.path.includes('/search/jql'));
      // A search that returned the ticket costs 2 points (request + issue): the early entry did lead to it.
      expect(searches.some((c) => (c.points ?? 0) >= 2)).toBe(true);
      expect(s.appCommentTexts(key)).toHaveLength(1);
      expect(s.state(key)).toMatchObject({ stepsDone: 1 });
      await s.advance(2 * HOUR);
      expect(s.appCommentTexts(key)).toHaveLength(1);
    },
  );

  it.each([
    ['half an hour', 30 * 60_000],
    ['two hours, longer than the sweep interval', 2 * HOUR],
  ])(
    'with an index lag of %s, a sweep after a status change never reminds for the status the ticket left',
    async (_name, searchIndexLagMs) => {
      s = await startSweepSite(START, { searchIndexLagMs, searchFieldLagMs: searchIndexLagMs });
      const key = await s.ticket('Software Defect', ['In Progress', CLARIFICATION]);
      // The reminder is due; just before the sweep, an agent takes the ticket back into work.
      s.jump(new Date(Date.parse(START) + 10 * DAY + HOUR));
      await s.agent.transition(key, { status: 'In Progress' });
      await s.settle();
      const searched = await s.site.handle({
        method: 'POST',
        path: '/rest/api/3/search/jql',
        headers: {},
        principal: { kind: 'app' },
        body: JSON.stringify({ jql: `key = ${key}`, fields: ['status'] }),
      });
      // The index still shows the ticket in Clarification.
      expect(searched.body).toContain('Clarification');
      const before = s.host.invocations.length;
      await s.host.runScheduled('process-sweep');
      await s.host.drain();
      const found = s.host.invocations
        .slice(before)
        .flatMap((r) => r.requests)
        .some((c) => c.path.includes('/search/jql') && (c.points ?? 0) >= 2);
      // The sweep did find the ticket, in its old status and with its old state.
      expect(found).toBe(true);
      expect(s.appCommentTexts(key)).toEqual([]);
      expect(s.state(key)).toMatchObject({ timer: 'none' });
      await s.advance(3 * HOUR);
      expect(s.appCommentTexts(key)).toEqual([]);
    },
  );

  it(`rebuilds from the status entry even when it is older than the ${SEARCH_CHANGELOG_LIMIT} histories search returns`, async () => {
    s = await startSweepSite(START);
    const entered = Date.parse(START) - 25 * DAY;
    const [key = ''] = insertTickets(s.site, ISSUE_TYPE.softwareDefect, STATUS.clarification, [entered]);
    const issue = s.site.store.issue(key);
    if (!issue) throw new Error('no ticket');
    // Edits after the ticket entered Clarification: the status change falls out of the search's changelog.
    for (let n = 0; n < SEARCH_CHANGELOG_LIMIT + 5; n++) {
      issue.histories.push({
        id: s.site.store.nextId('history'),
        authorAccountId: USER.agentDach,
        created: new Date(entered + (n + 1) * HOUR).toISOString(),
        items: [
          {
            field: 'labels',
            fieldtype: 'jira',
            fieldId: 'labels',
            from: null,
            fromString: null,
            to: null,
            toString: `note-${n}`,
          },
        ],
      });
    }
    s.site.metrics.reset();
    await s.advance(HOUR);
    expect(s.state(key)).toMatchObject({
      timer: 'clarification',
      enteredAt: new Date(entered).toISOString(),
    });
    expect(s.site.metrics.all().getChangeLogs?.requests).toBe(1);
  });
});
