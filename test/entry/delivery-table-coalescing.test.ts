import type { SiteRequest } from '../../sandbox/contract';
import type { InvocationRecord } from '../../sandbox/forge/invocation';
import { FIELD } from '../../sandbox/jira/seed/demo-ids';
import { TABLE_DELAY_SECONDS, TABLE_MARK_STALE_SECONDS } from '../../src/domain/delivery/table-regeneration';
import { expectFailedInvocations } from '../support/honest-run';
import { plainText, startEventsSite, type LocalSite } from '../support/local-site';
import { createDeliveryOn, pendingOn } from '../support/deliveries';

/**
 * A Delivery's "Included tickets" table is regenerated once per burst of link changes (docs/decisions/0023): the
 * first change marks it and queues a regeneration {@link TABLE_DELAY_SECONDS} later, the others within that window
 * find the mark. These cases count the regenerations (a queue invocation that reads the Delivery's links) and what
 * they spend, and check that no change is ever left out of the table.
 */

/** The ticket keys of a Delivery's table, in table order. */
function tableKeys(s: LocalSite, deliveryKey: string): string[] {
  const doc = s.field(deliveryKey, FIELD.includedTickets) as
    { content: { type: string; content: { content: unknown[] }[] }[] } | undefined;
  const table = doc?.content.find((n) => n.type === 'table');
  return (table?.content ?? []).slice(1).map((row) => plainText(row.content[0]).trim());
}

const idOf = (s: LocalSite, key: string) => s.site.store.issue(key)?.id ?? '';

/** Reads the Delivery's links: what a regeneration does first (the app reads an issue by its id). */
const readsLinks = (s: LocalSite, deliveryKey: string) => (r: InvocationRecord) =>
  r.requests.some(
    (q) => q.method === 'GET' && q.path.startsWith(`/rest/api/3/issue/${idOf(s, deliveryKey)}?`),
  );

/** The queue invocations since `from` that regenerated the Delivery's table. */
function regenerations(s: LocalSite, deliveryKey: string, from: number): InvocationRecord[] {
  return s.host.invocations
    .slice(from)
    .filter((r) => r.moduleKey === 'work-consumer' && readsLinks(s, deliveryKey)(r));
}

const linksIssues = (q: { method: string; path: string }) =>
  q.method === 'POST' && q.path.startsWith('/rest/api/3/issueLink');

/** The test kills a link event's invocation on purpose (after its mark). */
const KILLED = /^issue-events.*killed after a successful kvs write/;

const searchesOf = (r: InvocationRecord) =>
  r.requests.filter((q) => q.method === 'POST' && q.path.startsWith('/rest/api/3/search/jql'));

/** A site for each test, closed after it; it fails on any failed invocation but the `expected` ones. */
function siteEach(options: Parameters<typeof startEventsSite>[1] = {}) {
  let s: LocalSite | undefined;
  let killed = false;
  beforeEach(async () => {
    s = await startEventsSite(undefined, options);
    killed = false;
  });
  afterEach(() => {
    // A copy of a queue event that finds another copy at work asks to be redelivered later: not a failure.
    const failed = s
      ?.failedInvocations()
      .filter((f) => f !== 'work-consumer: retry' && !(killed && KILLED.test(f)));
    s?.close();
    expect(failed).toEqual([]);
  });
  return {
    site: () => {
      if (!s) throw new Error('no site');
      return s;
    },
    allowKill: (on: LocalSite) => {
      killed = true;
      expectFailedInvocations(on.host, KILLED);
    },
  };
}

describe('a Delivery’s table: one regeneration per burst of changes', () => {
  const { site, allowKill } = siteEach();

  it('six tickets entering Delivery Pending 15 s apart cost one regeneration with one search, none in the events', async () => {
    const s = site();
    const del = await createDeliveryOn(s, '14.21.3.1');
    await s.settle();
    const from = s.host.invocations.length;
    const keys: string[] = [];
    for (let n = 0; n < 6; n++) {
      keys.push(await pendingOn(s, 'Software Defect', '14.21.3.1', `Defect ${n}`));
      await s.host.drain();
      await s.host.advance(15_000);
    }
    expect(s.shipped(del)).toEqual([...keys].sort());
    // Within the window: linked, not listed yet.
    expect(tableKeys(s, del)).toEqual([]);
    await s.settle();
    expect(tableKeys(s, del)).toEqual(keys);
    const runs = regenerations(s, del, from);
    expect(runs).toHaveLength(1);
    // One search for the table: 1 point and 1 per ticket it returns (one per ticket linked before: 6 + 5 + … + 1
    // tickets, 27 points, and 6 GETs of the Delivery).
    expect(runs.flatMap(searchesOf).map((q) => q.points)).toEqual([1 + 6]);
    const events = s.host.invocations.slice(from).filter((r) => r.moduleKey === 'issue-events');
    expect(events.filter(readsLinks(s, del))).toEqual([]);
    // The regeneration ran the window after the first link (the clock had moved 90 s since).
    const after =
      Date.parse(runs[0]?.startedAt ?? '') - Date.parse(s.host.invocations[from]?.startedAt ?? '');
    expect(after).toBeGreaterThanOrEqual(TABLE_DELAY_SECONDS * 1000);
    expect(after).toBeLessThan(TABLE_DELAY_SECONDS * 1000 + 5_000);
  });

  it('a ticket linked while the regeneration runs, after it read the links, gets a regeneration of its own', async () => {
    const s = site();
    const del = await createDeliveryOn(s, '14.21.3.1');
    await s.settle();
    const first = await pendingOn(s, 'Software Defect', '14.21.3.1', 'First');
    await s.host.drain();
    // Right after Jira answered the regeneration's read of the Delivery's links, and before the app sees it, a
    // second ticket enters Delivery Pending and its events are handled.
    const original = s.site.handle.bind(s.site);
    let second = '';
    let meanwhile: Promise<void> = Promise.resolve();
    s.site.handle = async (request: SiteRequest) => {
      const reply = await original(request);
      const read = request.method === 'GET' && request.path.startsWith(`/rest/api/3/issue/${idOf(s, del)}?`);
      if (!second && read && request.principal.kind === 'app') {
        // The regeneration waits for this answer until the event that links the second ticket has ended.
        const linked = new Promise<void>((resolve) => {
          const stop = s.host.onInvocation((r) => {
            if (r.moduleKey !== 'issue-events' || !r.requests.some(linksIssues)) return;
            stop();
            resolve();
          });
        });
        second = await pendingOn(s, 'Software Defect', '14.21.3.1', 'Second');
        meanwhile = s.host.drain();
        await linked;
      }
      return reply;
    };
    const from = s.host.invocations.length;
    await s.settle();
    await meanwhile;
    await s.settle();
    expect(second).not.toBe('');
    expect(s.shipped(del)).toEqual([first, second].sort());
    expect(tableKeys(s, del)).toEqual([first, second]);
    expect(regenerations(s, del, from)).toHaveLength(2);
  });

  it('a mark whose invocation died before it queued the regeneration is repaired by the hourly sweep', async () => {
    const s = site();
    const del = await createDeliveryOn(s, '14.70.0.0');
    await s.agent.transition(del, { status: 'Delivered' });
    await s.settle();
    const a = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'A' });
    const b = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'B' });
    await s.settle();
    // An agent records a shipped ticket by hand; the link event's invocation dies right after its first KVS
    // write: the table's mark, before the regeneration was queued.
    s.host.setKills({ rate: 1, targets: ['kvs'], kinds: ['product-trigger'] });
    await s.agent.link('Delivery', del, a);
    await s.host.drain();
    s.host.setKills({ rate: 0 });
    expect(s.host.kills.kvs).toBe(1);
    allowKill(s);
    // A second link within the window finds the mark and queues nothing; nothing lists either ticket yet.
    await s.host.advance(30_000);
    await s.agent.link('Delivery', del, b);
    await s.settle();
    expect(tableKeys(s, del)).toEqual([]);
    // The next hourly sweep finds the stale mark and queues its regeneration again.
    const from = s.host.invocations.length;
    await s.advance(60 * 60_000);
    expect(tableKeys(s, del)).toEqual([a, b]);
    expect(regenerations(s, del, from)).toHaveLength(1);
  });

  it('a change that finds a stale mark queues the regeneration again itself', async () => {
    const s = site();
    const del = await createDeliveryOn(s, '14.70.0.0');
    await s.agent.transition(del, { status: 'Delivered' });
    await s.settle();
    const a = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'A' });
    const b = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'B' });
    await s.settle();
    s.host.setKills({ rate: 1, targets: ['kvs'], kinds: ['product-trigger'] });
    await s.agent.link('Delivery', del, a);
    await s.host.drain();
    s.host.setKills({ rate: 0 });
    allowKill(s);
    // Before the hour ends, once the mark is stale, another link queues a regeneration that lists both.
    s.jump(new Date(Date.now() + TABLE_MARK_STALE_SECONDS * 1000));
    await s.agent.link('Delivery', del, b);
    await s.settle();
    expect(tableKeys(s, del)).toEqual([a, b]);
  });
});

describe('a Delivery’s table with every queue event delivered twice', () => {
  describe.each([
    ['one after the other', false],
    ['at the same time', true],
  ] as const)('%s', (_name, concurrent) => {
    const { site } = siteEach({ duplicateRate: 1, concurrent });

    it('regenerates once per mark', async () => {
      const s = site();
      const del = await createDeliveryOn(s, '14.21.3.1');
      await s.settle();
      const from = s.host.invocations.length;
      const keys: string[] = [];
      for (let n = 0; n < 3; n++)
        keys.push(await pendingOn(s, 'Software Defect', '14.21.3.1', `Defect ${n}`));
      await s.settle();
      expect(s.shipped(del)).toEqual([...keys].sort());
      expect(tableKeys(s, del)).toEqual(keys);
      expect(regenerations(s, del, from)).toHaveLength(1);
    });
  });
});
