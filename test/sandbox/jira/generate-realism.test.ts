import { FIELD, ISSUE_TYPE, LINK_TYPE_DELIVERY, STATUS } from '../../../sandbox/jira/seed/demo-ids';
import { generateTickets } from '../../../sandbox/jira/seed/generate-tickets';
import { createJiraSite } from '../../../sandbox/jira/site';

const NOW = new Date('2026-11-27T10:00:00Z');

describe('generateTickets realism', () => {
  const site = createJiraSite({ seed: { seed: 1 } });
  generateTickets(site, { count: 4000, seed: 21, now: NOW });
  const { store } = site;
  const issues = [...store.issues()];

  test('comments come from people who may speak on the ticket, public and internal', () => {
    const commented = issues.filter((i) => i.comments.length > 0);
    expect(commented.length / issues.length).toBeGreaterThan(0.3);
    const all = commented.flatMap((i) => i.comments.map((c) => ({ issue: i, c })));
    const agents = new Set(store.projects.get(issues[0]?.projectId ?? '')?.agentAccountIds ?? []);
    let customer = 0;
    let internal = 0;
    for (const { issue, c } of all) {
      const orgMembers = issue.organizationIds.flatMap(
        (o) => store.organizations.get(o)?.memberAccountIds ?? [],
      );
      if (agents.has(c.authorAccountId)) {
        if (!c.jsdPublic) internal++;
      } else {
        customer++;
        // Customers (reporter, participants, org members) never write internal comments.
        expect(c.jsdPublic).toBe(true);
        expect([issue.reporterAccountId, ...issue.participantAccountIds, ...orgMembers]).toContain(
          c.authorAccountId,
        );
      }
      expect(Date.parse(c.created)).toBeGreaterThanOrEqual(Date.parse(issue.created));
      expect(Date.parse(c.created)).toBeLessThanOrEqual(Date.parse(issue.updated));
      if (issue.issueTypeId === ISSUE_TYPE.delivery) expect(c.jsdPublic).toBe(false);
    }
    expect(customer).toBeGreaterThan(0);
    expect(internal).toBeGreaterThan(0);
    expect(all.length - customer - internal).toBeGreaterThan(0);
    const withParticipants = issues.filter((i) => i.participantAccountIds.length > 0);
    expect(withParticipants.length).toBeGreaterThan(0);
    for (const issue of withParticipants)
      expect(issue.participantAccountIds).not.toContain(issue.reporterAccountId);
  });

  test('Planned Deliveries ship pending tickets of the same organization and version, or CUSTOM ones', () => {
    const links = [...store.links.values()].filter((l) => l.typeId === LINK_TYPE_DELIVERY);
    expect(links.length).toBeGreaterThan(10);
    let customLinks = 0;
    for (const link of links) {
      const delivery = store.issue(link.sourceIssueId);
      const ticket = store.issue(link.destinationIssueId);
      if (!delivery || !ticket) throw new Error('dangling link');
      expect(delivery.issueTypeId).toBe(ISSUE_TYPE.delivery);
      expect(delivery.statusId).toBe(STATUS.planned);
      expect(ticket.statusId).toBe(STATUS.deliveryPending);
      expect(ticket.organizationIds).toEqual(delivery.organizationIds);
      expect(Date.parse(String(delivery.custom[FIELD.estimatedDeliveryDate]))).toBeGreaterThan(NOW.getTime());
      const version = ticket.custom[FIELD.deliveryVersion];
      if (version === 'CUSTOM') customLinks++;
      else expect(delivery.custom[FIELD.deliveryVersion]).toBe(version);
      // Both changelogs record the link, after every earlier change.
      for (const end of [delivery, ticket]) {
        const times = end.histories.map((h) => Date.parse(h.created));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(end.histories.some((h) => h.items.some((i) => i.fieldId === 'issuelinks'))).toBe(true);
      }
    }
    expect(customLinks).toBeGreaterThan(0);
    // A pending ticket ships in at most one delivery.
    const shipped = links.map((l) => l.destinationIssueId);
    expect(new Set(shipped).size).toBe(shipped.length);
  });
});
