import { DEMO_APP_CONFIG } from '../../sandbox/jira/seed/demo-config';
import { FIELD } from '../../sandbox/jira/seed/demo-ids';
import { startEventsSite, type LocalSite } from '../support/local-site';
import { createDeliveryOn, pendingOn } from '../support/deliveries';

/**
 * A dry run changes no ticket (README, "Install"): the Delivery rules record where a ticket would go and link
 * nothing, and no Delivery's table is written; a project switched off is left alone by link events too.
 */
describe('Delivery rules in a dry run and in a project switched off', () => {
  let s: LocalSite;
  afterEach(() => {
    const failed = s.failedInvocations();
    s.close();
    expect(failed).toEqual([]);
  });

  const table = (key: string) => s.field(key, FIELD.includedTickets);
  const linkWrites = () =>
    s.host.invocations
      .flatMap((r) => r.requests)
      .filter((q) => q.path.startsWith('/rest/api/3/issueLink') && q.method !== 'GET');

  it('in a dry run, a ticket entering Delivery Pending is not linked; the audit says where it would go', async () => {
    s = await startEventsSite(undefined, {
      config: { ...DEMO_APP_CONFIG, automation: { dryRun: true } },
    });
    const del = await createDeliveryOn(s, '14.21.3.1');
    await s.settle();
    const before = table(del);
    const key = await pendingOn(s, 'Software Defect', '14.21.3.1');
    await s.settle();
    await s.advance(10 * 60_000);
    expect(s.shipped(del)).toEqual([]);
    expect(linkWrites()).toEqual([]);
    expect(table(del)).toEqual(before);
    const wouldLink = s.audit().filter((e) => e.issueKey === key && e.action === 'deliveryLinked');
    expect(wouldLink).toEqual([expect.objectContaining({ outcome: 'dryRun', detail: del })]);
  });

  it('in a dry run, a Delivery delivered leaves its tickets where they are; the audit says where each would go', async () => {
    s = await startEventsSite();
    const del = await createDeliveryOn(s, '14.21.3.1');
    await s.settle();
    const sd = await pendingOn(s, 'Software Defect', '14.21.3.1');
    await s.settle();
    await s.advance(10 * 60_000);
    expect(s.shipped(del)).toEqual([sd]);
    s.configure({ ...DEMO_APP_CONFIG, automation: { dryRun: true } });
    const comments = s.appComments(sd).length;
    await s.agent.transition(del, { status: 'Delivered' });
    await s.settle();
    await s.advance(10 * 60_000);
    expect(s.status(sd)).toBe('Delivery Pending');
    expect(s.appComments(sd)).toHaveLength(comments);
    const wouldShip = s.audit().filter((e) => e.issueKey === sd && e.action === 'deliveryShipped');
    expect(wouldShip).toEqual([expect.objectContaining({ outcome: 'dryRun', detail: 'resolved' })]);
  });

  it.each([
    ['in a dry run', { automation: { dryRun: true } }],
    ['in a project switched off', { projectOverrides: { SD: { automation: { enabled: false } } } }],
  ])('%s, a Delivery link an agent makes leaves the table unwritten', async (_name, settings) => {
    s = await startEventsSite();
    const del = await createDeliveryOn(s, '14.70.0.0');
    const a = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'A' });
    await s.settle();
    s.configure({ ...DEMO_APP_CONFIG, ...settings });
    const before = table(del);
    const from = s.host.invocations.length;
    await s.agent.link('Delivery', del, a);
    await s.settle();
    await s.advance(10 * 60_000);
    expect(table(del)).toEqual(before);
    const ran = s.host.invocations.slice(from);
    expect(ran.filter((r) => r.moduleKey === 'issue-events')).not.toEqual([]);
    expect(ran.filter((r) => r.moduleKey === 'work-consumer')).toEqual([]);
  });
});
