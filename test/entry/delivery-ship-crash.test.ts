/**
 * A completed Delivery ships its tickets a few to a queue item, claiming them one at a time
 * (docs/decisions/0028). An item that dies right after one of its transitions landed, before it heard Jira's answer,
 * holds only that ticket's claim: the queue's redelivery finds the shipped ones done, ships the others at once, and
 * takes the held one over after the ledger's lease, reading it again to find the transition landed. Each ticket is
 * transitioned and commented once, none is left behind (guide §3.3).
 */
import { expectFailedInvocations } from '../support/honest-run';
import { startEventsSite, type LocalSite } from '../support/local-site';
import { createDeliveryOn, waitingTickets } from '../support/deliveries';

const KILLED =
  /^work-consumer.*killed after a successful jira write \(POST \/rest\/api\/3\/issue\/[^/]+\/transitions\)/;

describe('shipping a completed Delivery when an item dies mid-way', () => {
  let s: LocalSite;
  afterEach(() => {
    // A redelivered item that finds tickets still claimed by the dead one asks to run again after the lease.
    const failed = s.failedInvocations().filter((f) => f !== 'work-consumer: retry' && !KILLED.test(f));
    s.close();
    expect(failed).toEqual([]);
  });

  /** The app's transition requests to the ticket `key`, over every invocation. */
  function transitionsOf(key: string): number {
    const id = s.site.store.issue(key)?.id ?? '';
    const paths = [key, id].map((k) => `/rest/api/3/issue/${k}/transitions`);
    return s.host.invocations
      .flatMap((r) => r.requests)
      .filter((q) => q.method === 'POST' && paths.includes(q.path)).length;
  }

  /** Kills the queue invocation right after its `nth` successful transition from now on, once. */
  function killAfterTransition(nth: number): () => number {
    const g = globalThis as {
      __forge_fetch__?: (target: unknown, path: string, init?: { method?: string }) => Promise<unknown>;
    };
    const real = g.__forge_fetch__;
    let seen = 0;
    g.__forge_fetch__ = async (target, path, init) => {
      const transition = init?.method === 'POST' && /^\/rest\/api\/3\/issue\/[^/]+\/transitions$/.test(path);
      if (transition && ++seen === nth) s.host.setKills({ rate: 1, targets: ['jira'], kinds: ['consumer'] });
      try {
        return await real?.(target, path, init);
      } finally {
        if (s.host.kills.jira > 0) s.host.setKills({ rate: 0 });
      }
    };
    return () => {
      g.__forge_fetch__ = real;
      return s.host.kills.jira;
    };
  }

  it('the tickets after the death are shipped at once, the held one after the lease, each once', async () => {
    s = await startEventsSite();
    const tickets = waitingTickets(s, 5, '16.1.0.0');
    const del = await createDeliveryOn(s, '16.1.0.0');
    await s.settle();
    expect(s.shipped(del)).toEqual([...tickets].sort());

    expectFailedInvocations(s.host, KILLED);
    const restore = killAfterTransition(2);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let logged: string[] = [];
    try {
      await s.agent.transition(del, { status: 'Delivered' });
      await s.settle();
    } finally {
      logged = errors.mock.calls.map((c) => String(c[0]));
      errors.mockRestore();
    }
    expect(restore()).toBe(1);
    // The dead item's later platform calls fail, so its attempt to park the item fails and is logged, once.
    expect(logged).toEqual([expect.stringContaining('"event":"work.parkingFailed"')]);

    expect(tickets.map((key) => s.status(key))).toEqual(tickets.map(() => 'Resolved'));
    for (const key of tickets) {
      expect({ key, transitions: transitionsOf(key) }).toEqual({ key, transitions: 1 });
      expect({ key, notes: s.appComments(key).filter((c) => !c.internal).length }).toEqual({ key, notes: 1 });
    }
    // The redelivery waited for the dead item's claim: it asked to run again after the lease at least once.
    expect(s.failedInvocations()).toContain('work-consumer: retry');
  });
});
