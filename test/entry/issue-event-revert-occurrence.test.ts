/**
 * A revert names the one forbidden change it reverts (docs/decisions/0012), also when the update event carries no
 * `changelog.id` (the Forge event reference documents only the changelog's items): the app then names the change
 * by its entry in the ticket's changelog. Two separate identical forbidden changes are both reverted; two
 * deliveries of one change, even at the same time, revert it once.
 */
import { ISSUE_TYPE, STATUS } from '../../sandbox/jira/seed/demo-ids';
import { startEventsSite, type LocalSite, closeSiteAfterEach } from '../support/local-site';

/** A site whose Customisation workflow also offers "Back to open" (a way back for the app's revert). */
function addBackToOpen(s: LocalSite): void {
  s.site.store.projects.get('10000')?.workflows[ISSUE_TYPE.customisation]?.transitions.push({
    id: '902',
    name: 'Back to open',
    from: [STATUS.inProgress],
    to: STATUS.open,
    screenFields: [],
  });
}

const reverts = (s: LocalSite) =>
  s.audit().filter((e) => e.action === 'transitionReverted' && e.outcome === 'done');

describe.each(['present', 'absent'] as const)(
  'forbidden status changes, changelog id in the event: %s',
  (id) => {
    let s: LocalSite;
    closeSiteAfterEach(() => s);

    async function customisation(): Promise<string> {
      addBackToOpen(s);
      const key = await s
        .as('customer-acme-1')
        .createIssue({ project: 'SD', issueType: 'Customisation', summary: 'X' });
      await s.settle();
      return key;
    }

    it('two separate identical forbidden changes are both reverted, each with its note', async () => {
      s = await startEventsSite(undefined, { changelogIdInEvents: id });
      const key = await customisation();
      for (const round of [1, 2]) {
        await s.agent.transition(key, { status: 'In Progress' });
        await s.settle();
        expect(s.status(key)).toBe('Open');
        expect(s.appComments(key)).toHaveLength(round);
      }
      const keys = reverts(s).map((e) => e.idempotencyKey);
      expect(new Set(keys).size).toBe(2);
    });

    it('a change delivered twice at the same time is reverted once', async () => {
      s = await startEventsSite(undefined, { changelogIdInEvents: id, duplicateRate: 1, concurrent: true });
      const key = await customisation();
      await s.agent.transition(key, { status: 'In Progress' });
      await s.settle();
      expect(s.host.stats.productEvents.duplicated).toBeGreaterThan(0);
      expect(s.status(key)).toBe('Open');
      expect(s.appComments(key)).toHaveLength(1);
      expect(reverts(s)).toHaveLength(1);
    });

    it('a copy of the first change delivered after the second was reverted changes nothing', async () => {
      s = await startEventsSite(undefined, { changelogIdInEvents: id, duplicateRate: 1 });
      const key = await customisation();
      await s.agent.transition(key, { status: 'In Progress' });
      await s.settle();
      await s.agent.transition(key, { status: 'In Progress' });
      await s.settle();
      expect(s.status(key)).toBe('Open');
      expect(s.appComments(key)).toHaveLength(2);
      expect(reverts(s)).toHaveLength(2);
    });
  },
);
