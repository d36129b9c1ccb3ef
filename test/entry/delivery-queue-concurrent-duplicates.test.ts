/**
 * Delivery work goes through the queue (`process-work`); at-least-once delivery may run the two copies of one
 * queue event AT THE SAME TIME, past the work's concurrency limit. Every product event and every queue event is
 * delivered twice here, both copies started together: the Delivery's table, the shipped tickets' transitions,
 * their comments and the completion's audit entry still happen once, and each waiting ticket ends up linked once
 * (guide §3.1.1, §3.3), with one link request and one audit entry per ticket.
 */
import { FIELD } from '../../sandbox/jira/seed/demo-ids';
import { startEventsSite, type LocalSite } from '../support/local-site';
import { createDeliveryOn, waitingTickets } from '../support/deliveries';

const twiceAtOnce = { duplicateRate: 1, concurrent: true } as const;

describe('Delivery queue work delivered twice, concurrently', () => {
  let s: LocalSite;
  afterEach(() => {
    // A copy that finds the other copy at work asks to be redelivered later (a retry, not a failure).
    const failed = s.failedInvocations().filter((f) => f !== 'work-consumer: retry');
    s.close();
    expect(failed).toEqual([]);
  });

  async function delivery(version: string): Promise<string> {
    const key = await createDeliveryOn(s, version);
    await s.settle();
    return key;
  }

  /** Queue deliveries that started at the same moment as another one (the copies of one event do). */
  function startedTogether(): number {
    const starts = s.host.invocations.filter((r) => r.kind === 'consumer').map((r) => r.startedAt);
    return starts.filter((at, i) => starts.indexOf(at) !== i).length;
  }

  /** Link creations the app requested, over every invocation. */
  function linkRequests(): number {
    return s.host.invocations
      .flatMap((r) => r.requests)
      .filter((q) => q.method === 'POST' && q.path === '/rest/api/3/issueLink').length;
  }

  /** Writes of the app to `key` of the given REST operation (path prefix), over every invocation. */
  function appWrites(key: string, method: string, path: RegExp): number {
    const id = s.site.store.issue(key)?.id ?? '';
    return s.host.invocations
      .flatMap((r) => r.requests)
      .filter(
        (q) => q.method === method && path.test(q.path) && (q.path.includes(key) || q.path.includes(id)),
      ).length;
  }

  it('a completed Delivery resolves and closes each shipped ticket once, with one comment each', async () => {
    s = await startEventsSite(undefined, twiceAtOnce);
    const del = await delivery('14.21.3.1');
    const shipped: string[] = [];
    for (const issueType of ['Software Defect', 'Consulting Request', 'Customisation']) {
      const key = await s.as('customer-acme-1').createIssue({ project: 'SD', issueType, summary: 'Fix' });
      if (issueType === 'Customisation') {
        for (const status of ['Estimation in progress', 'Estimation available', 'Ordered'])
          await s.agent.transition(key, { status });
      }
      await s.agent.transition(key, { status: 'In Progress' });
      await s.agent.edit(key, { [FIELD.deliveryVersion]: '14.21.3.1' });
      await s.agent.transition(key, { status: 'Delivery Pending' });
      shipped.push(key);
    }
    await s.settle();
    expect(s.shipped(del)).toEqual([...shipped].sort());

    await s.agent.transition(del, { status: 'Delivered' });
    await s.settle();

    expect(startedTogether()).toBeGreaterThan(0);
    expect(shipped.map((key) => s.status(key))).toEqual(['Resolved', 'Resolved', 'Closed']);
    for (const key of shipped) {
      expect({ key, comments: s.appComments(key).filter((c) => !c.internal).length }).toEqual({
        key,
        comments: 1,
      });
      expect({ key, transitions: appWrites(key, 'POST', /\/transitions/) }).toEqual({ key, transitions: 1 });
    }
    const completions = s.audit().filter((e) => e.issueKey === del && e.action === 'deliveryCompleted');
    expect(completions.map((e) => e.detail)).toEqual(['resolved:2,closed:1']);
  });

  it('tickets waiting for a Delivery each end up linked once, and its table is written once', async () => {
    s = await startEventsSite(undefined, twiceAtOnce);
    const del = await delivery('15.0.0.0');
    const keys = waitingTickets(s, 20, '15.0.0.0');
    await s.settle();
    const tableWritesBefore = appWrites(del, 'PUT', /^\/rest\/api\/3\/issue\//);

    await s.agent.edit(del, { summary: 'Delivery 15.0.0.0 (rescheduled)' });
    await s.settle();

    expect(startedTogether()).toBeGreaterThan(0);
    expect(s.shipped(del)).toEqual([...keys].sort());
    expect(appWrites(del, 'PUT', /^\/rest\/api\/3\/issue\//) - tableWritesBefore).toBe(1);
  });

  it('collecting waiting tickets sends one link request and one audit entry per ticket', async () => {
    s = await startEventsSite(undefined, twiceAtOnce);
    const del = await delivery('15.0.0.0');
    const keys = waitingTickets(s, 20, '15.0.0.0');
    await s.settle();
    const linkRequestsBefore = linkRequests();

    await s.agent.edit(del, { summary: 'Delivery 15.0.0.0 (rescheduled)' });
    await s.settle();

    expect(startedTogether()).toBeGreaterThan(0);
    expect(s.shipped(del)).toEqual([...keys].sort());
    expect(linkRequests() - linkRequestsBefore).toBe(keys.length);
    const linked = s.audit().filter((e) => e.action === 'deliveryLinked');
    expect(linked.map((e) => e.issueKey).sort()).toEqual([...keys].sort());
    const onDelivery = s
      .audit()
      .filter((e) => e.issueKey === del && e.action === 'deliveryTicketsLinked')
      .map((e) => Number(e.detail?.replace('tickets:', '')));
    expect(onDelivery.reduce((sum, n) => sum + n, 0)).toBe(keys.length);
  });

  it('tickets entering Delivery Pending, each event run twice at once, are each linked with one request', async () => {
    s = await startEventsSite(undefined, twiceAtOnce);
    const del = await delivery('14.21.3.1');
    const keys: string[] = [];
    for (let i = 0; i < 5; i++) {
      const key = await s
        .as('customer-acme-1')
        .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'Fix' });
      await s.agent.transition(key, { status: 'In Progress' });
      await s.agent.edit(key, { [FIELD.deliveryVersion]: '14.21.3.1' });
      keys.push(key);
    }
    await s.settle();
    const linkRequestsBefore = linkRequests();

    for (const key of keys) await s.agent.transition(key, { status: 'Delivery Pending' });
    await s.settle();

    expect(s.shipped(del)).toEqual([...keys].sort());
    expect(linkRequests() - linkRequestsBefore).toBe(keys.length);
    const linked = s.audit().filter((e) => e.action === 'deliveryLinked');
    expect(linked.map((e) => e.issueKey).sort()).toEqual([...keys].sort());
  });
});
