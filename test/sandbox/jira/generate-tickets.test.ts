import { generateTickets } from '../../../sandbox/jira/seed/generate-tickets';
import { FIELD, ISSUE_TYPE, STATUS } from '../../../sandbox/jira/seed/demo-ids';
import { createJiraSite } from '../../../sandbox/jira/site';

const NOW = new Date('2026-11-27T10:00:00Z');

describe('generateTickets', () => {
  test('is deterministic by seed', () => {
    const snapshot = (seed: number) => {
      const site = createJiraSite({ seed: { seed: 1 } });
      generateTickets(site, { count: 200, seed, now: NOW });
      return [...site.store.issues()].map((i) => `${i.key}:${i.issueTypeId}:${i.statusId}:${i.created}`);
    };
    expect(snapshot(5)).toEqual(snapshot(5));
    expect(snapshot(5)).not.toEqual(snapshot(6));
  });

  test('gives a realistic mix whose status-entry dates are recoverable from the changelog', () => {
    const site = createJiraSite({ seed: { seed: 1 } });
    generateTickets(site, { count: 5000, seed: 11, now: NOW });
    const issues = [...site.store.issues()];
    const share = (status: string) => issues.filter((i) => i.statusId === status).length / issues.length;
    expect(share(STATUS.clarification)).toBeGreaterThan(0.05);
    expect(share(STATUS.resolved)).toBeGreaterThan(0.1);
    expect(share(STATUS.estimationAvailable)).toBeGreaterThan(0.002);
    const pending = issues.filter((i) => i.statusId === STATUS.deliveryPending);
    expect(pending.some((i) => i.custom[FIELD.deliveryVersion] === 'CUSTOM')).toBe(true);
    expect(issues.some((i) => i.issueTypeId === ISSUE_TYPE.delivery && i.statusId === STATUS.planned)).toBe(
      true,
    );
    for (const issue of issues) {
      const last = issue.histories.filter((h) => h.items.some((it) => it.fieldId === 'status')).at(-1);
      const lastTo = last?.items.find((it) => it.fieldId === 'status')?.to;
      if (last) expect(lastTo).toBe(issue.statusId);
      expect(new Date(issue.updated).getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  test('inserts 50,000 tickets with distinct keys (its speed is measured by npm run bench)', () => {
    const site = createJiraSite({ seed: { seed: 1 } });
    generateTickets(site, { count: 50_000, seed: 1, now: NOW });
    expect(site.store.issueCount).toBe(50_000);
    expect(new Set([...site.store.issues()].map((i) => i.key)).size).toBe(site.store.issueCount);
  });
});
