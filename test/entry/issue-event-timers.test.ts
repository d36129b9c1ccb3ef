import { STATUS } from '../../sandbox/jira/seed/demo-ids';
import { DAY, startEventsSite, type LocalSite } from '../support/local-site';
import { indexedInstant } from '../../src/domain/timers/indexed-instant';

const iso = (ms: number) => new Date(ms).toISOString();
/** A due time as the app stores it in the indexed `nextDueAt`. */
const due = (ms: number) => indexedInstant(new Date(ms));

describe('issue events on the local site: timer stamps (PROCESS.md §4, guide §3.1)', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startEventsSite();
  });
  afterEach(() => {
    const failed = s.failedInvocations();
    s.close();
    expect(failed).toEqual([]);
  });

  async function inClarification(): Promise<{ key: string; enteredAt: number }> {
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Export fails' });
    await s.settle();
    s.clock.advance(3_600_000);
    const enteredAt = Date.now();
    await s.agent.transition(key, { status: 'Clarification required / On hold' });
    await s.settle();
    return { key, enteredAt };
  }

  it('entering and leaving Clarification writes the state with the next due time', async () => {
    const created = Date.now();
    const { key, enteredAt } = await inClarification();
    expect(s.state(key)).toMatchObject({
      timer: 'clarification',
      statusId: STATUS.clarification,
      enteredAt: iso(enteredAt),
      nextDueAt: due(enteredAt + 10 * DAY),
      stepsDone: 0,
    });
    expect(enteredAt).toBeGreaterThan(created);
    const spent = await s.measure(() => s.agent.transition(key, { status: 'Open' }));
    const state = s.state(key) ?? {};
    expect(state).toMatchObject({ timer: 'none', statusId: STATUS.open });
    expect(state.nextDueAt).toBeUndefined();
    expect(spent.calls).toBeLessThanOrEqual(2);
  });

  it('Resolved starts the 50-day close timer; Estimation available the 16-week validity', async () => {
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Support Request', summary: 'Q' });
    await s.agent.transition(key, { status: 'Resolved', resolution: 'Done' });
    await s.settle();
    expect(s.state(key)).toMatchObject({
      timer: 'resolved',
      nextDueAt: due(s.statusChangedAt(key) + 50 * DAY),
    });
    const custom = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Customisation', summary: 'C' });
    await s.agent.transition(custom, { status: 'Estimation in progress' });
    await s.agent.transition(custom, { status: 'Estimation available' });
    await s.settle();
    expect(s.state(custom)).toMatchObject({
      timer: 'estimate',
      nextDueAt: due(s.statusChangedAt(custom) + 16 * 7 * DAY),
    });
  });

  it('an assignment or a move out of Open to a status without a timer writes nothing (decision 0027)', async () => {
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Non-Software Defect', summary: 'Printer' });
    await s.settle();
    s.clock.advance(600_000);
    const assigned = await s.measure(() => s.agent.edit(key, { assignee: { accountId: 'agent-dach-anna' } }));
    expect(assigned.points).toBe(0);
    s.clock.advance(60_000);
    const moved = await s.measure(() => s.agent.transition(key, { status: 'In Progress' }));
    expect(moved.points).toBe(0);
    expect(s.state(key)).toBeUndefined();
  });

  it.each([
    ['the reporter', 'customer-acme-1'],
    ['an organization member', 'customer-acme-2'],
    ['a request participant', 'customer-globex-1'],
  ])('a public comment by %s restarts the cycle', async (_who, author) => {
    const { key, enteredAt } = await inClarification();
    await s.agent.addParticipants(key, ['customer-globex-1']);
    await s.settle();
    s.clock.advance(4 * DAY);
    const commentAt = Date.now();
    const spent = await s.measure(() => s.as(author).comment(key, 'Here is the log you asked for.'));
    expect(s.state(key)).toMatchObject({
      timer: 'clarification',
      enteredAt: iso(enteredAt),
      cycleStartedAt: iso(commentAt),
      nextDueAt: due(commentAt + 10 * DAY),
      stepsDone: 0,
      lastReset: { at: iso(commentAt), reason: 'customerComment' },
    });
    // The event does not say whether the comment is public, but its author's account is a JSM customer account,
    // which writes only public comments: the comment is not read.
    expect(spent.calls).toBeLessThanOrEqual(5);
    expect(spent.byOperation.getComment ?? 0).toBe(0);
  });

  it.each([
    ['an agent’s public comment', 'agent-dach-anna', false],
    ['an internal note', 'agent-dach-anna', true],
  ])('%s does not restart the cycle', async (_what, author, internal) => {
    const { key, enteredAt } = await inClarification();
    s.clock.advance(4 * DAY);
    await s.as(author).comment(key, 'We are looking into it.', { internal });
    await s.settle();
    expect(s.state(key)).toMatchObject({
      cycleStartedAt: iso(enteredAt),
      nextDueAt: due(enteredAt + 10 * DAY),
    });
  });

  it('the app’s own comments never come back as events (ignoreSelf)', async () => {
    const { key, enteredAt } = await inClarification();
    const before = s.host.stats.productEvents.delivered;
    await s.site.actAs({ kind: 'app' }).comment(key, 'Reminder');
    await s.settle();
    expect(s.host.stats.productEvents.delivered).toBe(before);
    expect(s.state(key)).toMatchObject({ cycleStartedAt: iso(enteredAt) });
  });
});
