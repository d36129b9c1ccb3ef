import { FIELD, STATUS } from '../../sandbox/jira/seed/demo-ids';
import { DAY, DEMO_CONFIG, startEventsSite, type LocalSite, closeSiteAfterEach } from '../support/local-site';

describe('issue events on the local site: duplicates, reordering, stale events, missing configuration', () => {
  let s: LocalSite;
  closeSiteAfterEach(() => s);

  it('every event twice and shuffled: one auto-reply, one restart, the same final state', async () => {
    s = await startEventsSite('2026-11-28T10:00:00Z', { duplicateRate: 1, reorder: true, seed: 3 });
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Q' });
    await s.agent.transition(key, { status: 'Clarification required / On hold' });
    await s.settle();
    expect(s.appComments(key).filter((c) => !c.internal)).toHaveLength(1);
    s.clock.advance(2 * DAY);
    const commentAt = Date.now();
    await s.as('customer-acme-1').comment(key, 'Answer');
    await s.settle();
    expect(s.state(key)).toMatchObject({
      timer: 'clarification',
      cycle: 2,
      cycleStartedAt: new Date(commentAt).toISOString(),
    });
    await s.agent.transition(key, { status: 'Open' });
    await s.agent.transition(key, { status: 'Resolved', resolution: 'Done' });
    await s.settle();
    expect(s.state(key)).toMatchObject({ timer: 'resolved', statusId: STATUS.resolved });
    expect(s.host.stats.productEvents.duplicated).toBeGreaterThan(3);
  });

  it('an event for a ticket that changed again meanwhile is history: only the current status counts', async () => {
    s = await startEventsSite();
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Q' });
    await s.settle();
    // Forbidden Open → In Progress, corrected by the agent to Resolved before the app sees the first event.
    await s.agent.transition(key, { status: 'In Progress' });
    await s.agent.transition(key, { status: 'Resolved', resolution: 'Done' });
    await s.settle();
    expect(s.status(key)).toBe('Resolved');
    expect(s.appComments(key)).toEqual([]);
    expect(s.state(key)).toMatchObject({ timer: 'resolved', flags: [] });
  });

  it('without a stored configuration nothing is managed and nothing is written', async () => {
    s = await startEventsSite();
    // What a fresh installation has: the guide's defaults, no project listed.
    s.configure({});
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Q' });
    const spent = await s.measure(() => s.agent.transition(key, { status: 'Resolved', resolution: 'Done' }));
    expect(s.state(key)).toBeUndefined();
    expect(spent.calls).toBe(0);
    expect(s.logs().some((l) => l.includes('projectNotManaged'))).toBe(true);
  });

  it('with field names the site does not have, the rules that need them step aside and the rest still work', async () => {
    s = await startEventsSite(undefined, {
      config: {
        ...DEMO_CONFIG,
        names: { fields: { confidential: 'Vertraulich?', deliveryVersion: 'Auslieferung mit Version' } },
      },
    });
    const key = await s.as('customer-acme-1').createIssue({
      project: 'SD',
      issueType: 'Software Defect',
      summary: 'Q',
      fields: { [FIELD.confidential]: { value: 'Yes' } },
    });
    await s.agent.transition(key, { status: 'In Progress' });
    await s.agent.edit(key, { [FIELD.deliveryVersion]: '1.0' });
    await s.agent.transition(key, { status: 'Delivery Pending' });
    await s.settle();
    expect(s.securityLevel(key)).toBeUndefined();
    // Both moves are allowed and stay; without a field to read, nothing else is recorded.
    expect(s.status(key)).toBe('Delivery Pending');
    expect(s.appComments(key)).toEqual([]);
    expect(s.state(key)?.flags ?? []).toEqual([]);
  });

  it('automation switched off: events change nothing', async () => {
    s = await startEventsSite(undefined, { config: { ...DEMO_CONFIG, automation: { enabled: false } } });
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Q' });
    await s.agent.transition(key, { status: 'Resolved', resolution: 'Done' });
    await s.settle();
    expect(s.state(key)).toBeUndefined();
  });
});
