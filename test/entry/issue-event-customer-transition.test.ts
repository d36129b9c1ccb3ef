import { ISSUE_TYPE, STATUS } from '../../sandbox/jira/seed/demo-ids';
import { DAY, useEventsSite, type LocalSite } from '../support/local-site';

const HOUR = DAY / 24;

const CUSTOMER = 'customer-acme-1';

/**
 * A customer moves a ticket whose timer runs through JSM's customer transitions (PROCESS.md §3, §4): the timer
 * stops, no reminder, close or expiry follows, and the audit trail says the customer did it. With the event lost,
 * the sweep finds the ticket moved and still sends nothing.
 */
describe('issue events on the local site: customer transitions on every timer', () => {
  const site = useEventsSite();
  let s: LocalSite;
  beforeEach(() => {
    s = site();
  });

  /** Runs the hourly sweep at each moment the stopped timer would have acted, and a day after the last one. */
  async function sweepThrough(dueDays: readonly number[], from: number): Promise<void> {
    for (const day of [...dueDays, dueDays[dueDays.length - 1]! + 1]) {
      s.clock.set(new Date(from + day * DAY + HOUR).toISOString());
      await s.host.runScheduled('process-sweep');
      await s.settle();
    }
  }

  /** A customer's ticket whose `timer` runs (the app has stamped it); the clock then moves on three days. */
  async function waiting(timer: string, prepare: (key: string) => Promise<void>) {
    const type = timer === 'estimate' ? 'Customisation' : 'Support Request';
    const key = await s.as(CUSTOMER).createIssue({ project: 'SD', issueType: type, summary: 'Q' });
    await prepare(key);
    await s.settle();
    expect(s.state(key)).toMatchObject({ timer });
    const started = Date.now();
    s.clock.advance(3 * DAY);
    return { key, started };
  }

  const timers = [
    {
      timer: 'resolved',
      transition: 'Close ticket',
      dueDays: [50],
      async prepare(key: string) {
        await s.agent.transition(key, { status: 'Resolved', resolution: 'Done' });
      },
    },
    {
      timer: 'clarification',
      transition: 'Withdraw request',
      dueDays: [10, 20, 30, 40],
      async prepare(key: string) {
        await s.agent.transition(key, { status: 'Clarification required / On hold' });
      },
    },
    {
      timer: 'estimate',
      transition: 'Decline estimate',
      dueDays: [16 * 7],
      async prepare(key: string) {
        for (const status of ['Estimation in progress', 'Estimation available'])
          await s.agent.transition(key, { status });
      },
    },
  ] as const;

  it.each(timers)(
    '$timer: the customer’s "$transition" stops the timer; nothing follows; the audit says so',
    async ({ timer, transition, dueDays, prepare }) => {
      const { key, started } = await waiting(timer, prepare);
      await s.as('customer-acme-2').customerTransition(key, transition, 'Not needed any more');
      await s.settle();
      expect(s.status(key)).toBe('Closed');
      const state = s.state(key) ?? {};
      expect(state).toMatchObject({ timer: 'none', statusId: STATUS.closed });
      expect(state.nextDueAt).toBeUndefined();
      const before = s.appComments(key);
      await sweepThrough(dueDays, started);
      expect(s.appComments(key)).toEqual(before);
      expect(s.status(key)).toBe('Closed');
      const entries = s.audit().filter((e) => e.issueKey === key);
      expect(entries.filter((e) => e.action === 'timerStopped')).toEqual([
        expect.objectContaining({ outcome: 'done', detail: `${timer}:closed:byCustomer` }),
      ]);
      expect(
        entries.filter((e) => ['reminder', 'close', 'expire', 'expiryNotice'].includes(e.action)),
      ).toEqual([]);
    },
  );

  it.each(timers)(
    '$timer: with the event of "$transition" lost, the sweep finds the ticket closed and sends nothing',
    async ({ timer, transition, dueDays, prepare }) => {
      const { key, started } = await waiting(timer, prepare);
      // The app is not listening while the customer acts: the product event never reaches it.
      s.host.uninstall();
      await s.as(CUSTOMER).customerTransition(key, transition);
      s.host.install();
      const before = s.appComments(key);
      await sweepThrough(dueDays, started);
      expect(s.appComments(key)).toEqual(before);
      expect(s.status(key)).toBe('Closed');
      expect(s.state(key)?.nextDueAt).toBeUndefined();
      // The sweep did look at the ticket at its first due time: it rebuilt the state instead of acting.
      expect(s.audit()).toContainEqual(
        expect.objectContaining({ issueKey: key, action: 'statusChanged', detail: 'stateRebuilt' }),
      );
    },
  );

  it('a customer close from a status that does not wait for them is refused and flagged; an agent’s stands', async () => {
    // A site that offers customers "Cancel order" on a Customisation waiting for its delivery.
    const workflow = [...s.site.store.projects.values()][0]?.workflows[ISSUE_TYPE.customisation];
    if (!workflow) throw new Error('the demo site has a Customisation workflow');
    workflow.transitions.push({
      id: '990',
      name: 'Cancel order',
      from: [STATUS.deliveryPending],
      to: STATUS.closed,
      screenFields: [],
      customerFacing: true,
    });
    const inDelivery = async () => {
      const key = await s
        .as(CUSTOMER)
        .createIssue({ project: 'SD', issueType: 'Customisation', summary: 'C' });
      for (const status of ['Estimation in progress', 'Estimation available', 'Ordered', 'In Progress'])
        await s.agent.transition(key, { status });
      await s.agent.edit(key, { customfield_10020: 'CUSTOM' });
      await s.agent.transition(key, { status: 'Delivery Pending' });
      await s.settle();
      return key;
    };
    const byCustomer = await inDelivery();
    await s.as(CUSTOMER).customerTransition(byCustomer, 'Cancel order');
    await s.settle();
    // Jira's workflow has no way back from Closed: the app flags the ticket for agents and says why.
    expect(s.state(byCustomer)).toMatchObject({ flags: expect.arrayContaining(['illegalTransition']) });
    expect(s.appComments(byCustomer)).toContainEqual(
      expect.objectContaining({
        internal: true,
        text: expect.stringContaining('Kunden können nur ein Ticket schließen'),
      }),
    );
    expect(s.audit()).toContainEqual(
      expect.objectContaining({ issueKey: byCustomer, action: 'transitionReverted', detail: 'noWayBack' }),
    );
    const byAgent = await inDelivery();
    await s.agent.transition(byAgent, { status: 'Closed' });
    await s.settle();
    expect(s.status(byAgent)).toBe('Closed');
    expect(s.state(byAgent)).toMatchObject({ flags: expect.not.arrayContaining(['illegalTransition']) });
    expect(s.audit().filter((e) => e.issueKey === byAgent && e.action === 'transitionReverted')).toEqual([]);
  });

  it('an agent closing a Resolved ticket stops the timer too, and the audit does not name the customer', async () => {
    const key = await s
      .as(CUSTOMER)
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Q' });
    await s.agent.transition(key, { status: 'Resolved', resolution: 'Done' });
    await s.settle();
    await s.agent.transition(key, { status: 'Closed' });
    await s.settle();
    expect(s.audit().filter((e) => e.action === 'timerStopped')).toEqual([
      expect.objectContaining({ issueKey: key, detail: 'resolved:closed' }),
    ]);
  });
});
