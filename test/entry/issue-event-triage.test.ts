import { FIELD, USER } from '../../sandbox/jira/seed/demo-ids';
import { startEventsSite, type LocalSite, closeSiteAfterEach } from '../support/local-site';

/**
 * Events no rule reacts to are left before any Jira call (`triageIssueChange`): field edits outside the watched
 * fields, internal notes, and comments on a ticket whose due index says no timer runs. Events that matter are
 * still handled.
 */
describe('issue events no rule reacts to cost 0 Jira points', () => {
  let s: LocalSite;
  closeSiteAfterEach(() => s);

  it('an edit of the summary, an internal note and a public comment without a running timer', async () => {
    s = await startEventsSite();
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Incident', summary: 'Q' });
    await s.settle();
    // The first sweep builds the project's due index; before that an absent entry cannot say "no timer".
    await s.host.runScheduled('process-sweep');
    await s.settle();
    expect((await s.measure(() => s.agent.edit(key, { summary: 'Login fails' }))).points).toBe(0);
    expect((await s.measure(() => s.agent.comment(key, 'checked the logs', { internal: true }))).points).toBe(
      0,
    );
    expect((await s.measure(() => s.as('customer-acme-1').comment(key, 'any news?'))).points).toBe(0);
    expect(s.appComments(key)).toEqual([]);
  });

  it('a link of another type, the priority of an Incident and an assignment after Open', async () => {
    s = await startEventsSite();
    const a = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Incident', summary: 'A' });
    const b = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Incident', summary: 'B' });
    await s.settle();
    expect((await s.measure(() => s.agent.link('Relates', a, b))).points).toBe(0);
    expect((await s.measure(() => s.agent.edit(a, { priority: { name: 'P1' } }))).points).toBe(0);
    await s.agent.edit(b, { issuetype: { name: 'Software Defect' } });
    await s.agent.transition(b, { status: 'In Progress' });
    await s.settle();
    const before = s.state(b);
    expect((await s.measure(() => s.agent.edit(b, { assignee: { accountId: USER.agentDach } }))).points).toBe(
      0,
    );
    expect(s.state(b)).toEqual(before);
    // The priority of a Software Defect is still read: P1 there gets the §5 note.
    expect((await s.measure(() => s.agent.edit(b, { priority: { name: 'P1' } }))).points).toBeGreaterThan(0);
    expect(s.appComments(b)).toEqual([expect.objectContaining({ internal: true })]);
  });

  it("a customer's reply on a waiting ticket is public without reading the comment", async () => {
    s = await startEventsSite();
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Request', summary: 'Q' });
    await s.settle();
    await s.agent.transition(key, { status: 'Clarification required / On hold' });
    await s.settle();
    const before = Number(s.state(key)?.cycle);
    const reply = await s.measure(() => s.as('customer-acme-1').comment(key, 'here it is'));
    expect(reply.byOperation.getComment ?? 0).toBe(0);
    expect(s.state(key)?.cycle).toBe(before + 1);
  });

  it('a comment on a waiting ticket, and a watched field, are still read and acted on', async () => {
    s = await startEventsSite();
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Request', summary: 'Q' });
    await s.settle();
    await s.host.runScheduled('process-sweep');
    await s.agent.transition(key, { status: 'Clarification required / On hold' });
    await s.settle();
    const before = s.state(key)?.cycle;
    const reply = await s.measure(() => s.as('customer-acme-1').comment(key, 'here is the log'));
    expect(reply.points).toBeGreaterThan(0);
    expect(s.state(key)?.cycle).toBe(Number(before) + 1);
    const answered = await s.measure(() => s.agent.edit(key, { [FIELD.confidential]: { value: 'Yes' } }));
    expect(answered.points).toBeGreaterThan(0);
    expect(s.securityLevel(key)).toBe('DACH support');
  });
});
