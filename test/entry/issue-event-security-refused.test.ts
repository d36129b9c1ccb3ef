import { FIELD } from '../../sandbox/jira/seed/demo-ids';
import { startEventsSite, type LocalSite, closeSiteAfterEach } from '../support/local-site';

const confidential = { [FIELD.confidential]: { value: 'Yes' } };

describe('Jira refuses the security level to the app (guide §2.2.1)', () => {
  let s: LocalSite;
  closeSiteAfterEach(() => s);

  it.each<[400 | 403, string]>([
    [403, 'the permission scheme refuses the write'],
    [400, 'Jira’s documented answer for a field the caller may not set'],
  ])('%i (%s): recorded, flagged, no untrue note, no retries', async (status) => {
    s = await startEventsSite();
    s.site.setFaults({ deniedFieldWrites: [{ field: 'security', status }] });
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Request', summary: 'Personal data', fields: confidential });
    const spent = await s.measure(() => Promise.resolve());
    expect(s.securityLevel(key)).toBeUndefined();
    expect(s.site.metrics.of('editIssue').statuses).toEqual({ [status]: 1, 204: 1 });
    expect(s.site.metrics.of('getSecurityLevelsForProject').requests).toBe(2);
    expect(s.state(key)?.flags).toContain('confidentialityFailed');
    // The admin's Activity tab lists the failure; the agents see nothing that claims a restriction.
    expect(s.audit()).toContainEqual(
      expect.objectContaining({
        issueKey: key,
        action: 'securitySet',
        outcome: 'failed',
        detail: `HTTP ${status}`,
      }),
    );
    expect(s.appComments(key)).toEqual([]);
    expect(s.logs().some((l) => l.includes('events.securityRefused') && !l.includes('Personal data'))).toBe(
      true,
    );
    expect(spent.work).toBe(0);
    expect(spent.calls).toBeLessThanOrEqual(7);

    // Later changes to the ticket do not try again: one refusal, not one per event.
    s.site.metrics.reset();
    await s.agent.edit(key, { summary: 'Personal data (call back)' });
    await s.as('customer-acme-1').comment(key, 'Any news?');
    await s.settle();
    expect(s.site.metrics.of('editIssue').statuses[status]).toBeUndefined();
    expect(s.securityLevel(key)).toBeUndefined();

    // The refusal listed the project's levels once more (the kept id might have been gone) and found the same id:
    // the next confidential ticket, once Jira accepts the level, lists nothing.
    s.site.setFaults({});
    const next = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Request', summary: 'More data', fields: confidential });
    await s.settle();
    expect(s.site.metrics.of('getSecurityLevelsForProject').requests).toBe(0);
    expect(s.securityLevel(next)).toBe('DACH support');
  });

  it('a kept level deleted and created again under a new id: the levels are listed again and the ticket restricted', async () => {
    s = await startEventsSite();
    const first = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Request', summary: 'Data', fields: confidential });
    await s.settle();
    expect(s.securityLevel(first)).toBe('DACH support');
    const levels = s.site.store.securityLevels;
    const old = [...levels.values()].find((l) => l.name === 'DACH support');
    if (!old) throw new Error('no DACH support level on the demo site');
    levels.delete(old.id);
    levels.set('19999', { ...old, id: '19999' });
    const next = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Request', summary: 'More data', fields: confidential });
    await s.settle();
    expect(s.securityLevel(next)).toBe('DACH support');
    expect(s.state(next)?.flags ?? []).not.toContain('confidentialityFailed');
    expect(s.site.metrics.of('getSecurityLevelsForProject').requests).toBe(2);
    expect(s.appComments(next)).toEqual([
      expect.objectContaining({ internal: true, text: expect.stringContaining('DACH support') }),
    ]);
  });
});
