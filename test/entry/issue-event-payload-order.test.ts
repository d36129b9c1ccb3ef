import { FIELD, STATUS } from '../../sandbox/jira/seed/demo-ids';
import { closeSiteAfterEach, startEventsSite, type LocalSite } from '../support/local-site';

const MINUTE = 60_000;

/**
 * Events decided from their payload and the due index's state copy (docs/decisions/0020) on the local site: an
 * event newer than every view of the ticket the state was decided from costs its write only; an older one reads
 * the ticket, whatever its payload shows.
 */
describe('issue events decided from the payload: the event must be newer than the state', () => {
  let s: LocalSite;
  closeSiteAfterEach(() => s);

  it('a move after the last decision costs its write only', async () => {
    s = await startEventsSite('2026-11-30T09:00:00Z');
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'Export fails' });
    await s.settle();
    s.clock.advance(MINUTE);
    await s.agent.transition(key, { status: 'In Progress' });
    await s.settle();
    s.clock.advance(MINUTE);
    const spent = await s.measure(() => s.agent.transition(key, { status: 'Resolved', resolution: 'Done' }));
    expect(spent.byOperation).toEqual({ editIssue: 1 });
    expect(spent.points).toBe(1);
    expect(s.state(key)).toMatchObject({ timer: 'resolved', statusId: STATUS.resolved });
  });

  it('comments made before a re-typing the app set back read the ticket: the Resolved timer stays', async () => {
    s = await startEventsSite('2026-11-30T09:00:00Z');
    const reporter = 'customer-acme-1';
    const key = await s
      .as(reporter)
      .createIssue({ project: 'SD', issueType: 'Consulting Request', summary: 'Advice' });
    await s.settle();
    // Each change a minute after the last, all handled late and in order: the re-typing is forbidden in
    // Resolved and set back by the app, and the Confidential change is decided on the ticket as it is then.
    for (const change of [
      () => s.agent.transition(key, { status: 'Resolved', resolution: 'Done' }),
      () => s.agent.edit(key, { issuetype: { name: 'Incident' } }),
      () => s.agent.edit(key, { [FIELD.confidential]: { value: 'Yes' } }),
      () => s.agent.comment(key, 'We are on it.'),
      () => s.as(reporter).comment(key, 'Any news?'),
    ]) {
      s.clock.advance(MINUTE);
      await change();
    }
    await s.settle();
    expect(s.typeName(key)).toBe('Consulting Request');
    expect(s.status(key)).toBe('Resolved');
    // The comments' payloads show an Incident, for which Resolved has no timer; the state was decided after the
    // type was set back, so they are older than it and read the ticket.
    expect(s.state(key)).toMatchObject({ timer: 'resolved', statusId: STATUS.resolved });
    expect(s.state(key)?.nextDueAt).toBeDefined();
  });
});
