import { DEFAULT_SEARCH_INDEX_LAG_MS } from '../../sandbox/jira/site';
import { FIELD, SECURITY_LEVEL, STATUS } from '../../sandbox/jira/seed/demo-ids';
import { DEMO_CONFIG, startEventsSite, closeSiteAfterEach, type LocalSite } from '../support/local-site';

/**
 * A new Incident or Request created on a working day of every region is first asked, in one reconciled search,
 * whether a rule acts on what its payload lacks (Confidential, a security level, the e-mail channel): 1 point when
 * not, and the search is the ticket's read when so (docs/decisions/0029).
 */
type Entry = Record<string, unknown>;

const CUSTOMER = 'customer-acme-1';

function entryOf(s: LocalSite, key: string): Entry | undefined {
  return s.host.kvs.get('entity:due-index', key)?.value as Entry | undefined;
}

describe('a new ticket is asked before it is read', () => {
  let s: LocalSite;
  closeSiteAfterEach(() => s);

  it.each(['Request', 'Incident'])(
    'a new %s with nothing to act on costs its search alone, and its first move is decided from the payload',
    async (issueType) => {
      s = await startEventsSite();
      // The weekly field list is read by the first event: one ticket before the one measured.
      await s.as(CUSTOMER).createIssue({ project: 'SD', issueType, summary: 'First' });
      await s.settle();
      let key = '';
      const created = await s.measure(async () => {
        key = await s.as(CUSTOMER).createIssue({ project: 'SD', issueType, summary: 'Q' });
      });
      expect(created.byOperation).toEqual({ searchAndReconsileIssuesUsingJqlPost: 1 });
      expect(created.points).toBe(1);
      expect(s.state(key)).toBeUndefined();
      expect(s.appComments(key)).toEqual([]);
      expect(entryOf(s, key)).toMatchObject({ stateless: true });
      expect(entryOf(s, key)?.basis).toBe(new Date(s.site.store.issue(key)?.updated ?? '').toISOString());
      s.clock.advance(60_000);
      const moved = await s.measure(() =>
        s.agent.transition(key, { status: 'Clarification required / On hold' }),
      );
      expect(moved.byOperation).toEqual({ editIssue: 1 });
      expect(s.state(key)).toMatchObject({
        timer: 'clarification',
        statusId: STATUS.clarification,
        cycle: 1,
      });
    },
  );

  it('a confidential new Request is found and read by that search before the index knows it, and restricted', async () => {
    s = await startEventsSite();
    let key = '';
    const createdAt = Date.now();
    const created = await s.measure(async () => {
      key = await s.as(CUSTOMER).createIssue({
        project: 'SD',
        issueType: 'Request',
        summary: 'Personal data',
        fields: { [FIELD.confidential]: { value: 'Yes' } },
      });
    });
    expect(s.securityLevel(key)).toBe('DACH support');
    expect(created.byOperation.getIssue).toBeUndefined();
    expect(created.byOperation.searchAndReconsileIssuesUsingJqlPost).toBe(1);
    // Restricted before the search index knew the new ticket: the search found it because it reconciles it.
    const restricted = s.site.store
      .issue(key)
      ?.histories.find((h) => h.items.some((i) => i.field === 'security' || i.fieldId === 'security'));
    expect(Date.parse(restricted?.created ?? '') - createdAt).toBeLessThan(DEFAULT_SEARCH_INDEX_LAG_MS);
  });

  it('a new Request created with a security level and Confidential = No has the restriction lifted', async () => {
    s = await startEventsSite(undefined, {
      config: { ...DEMO_CONFIG, regions: { ...DEMO_CONFIG.regions, liftRestrictionOnNo: true } },
    });
    const key = await s.as('admin-sarah').createIssue({
      project: 'SD',
      issueType: 'Request',
      summary: 'Q',
      fields: { [FIELD.confidential]: { value: 'No' }, security: { id: SECURITY_LEVEL.dach } },
    });
    await s.settle();
    expect(s.securityLevel(key)).toBeUndefined();
  });

  it('when only some regions are out of hours, the search finds their customers’ tickets, which are answered', async () => {
    // Sunday 23:30 in London, Monday 00:30 in Saarbrücken (the default region).
    s = await startEventsSite('2026-11-29T23:30:00Z');
    await s.as(CUSTOMER).createIssue({ project: 'SD', issueType: 'Request', summary: 'First' });
    await s.settle();
    let working = '';
    const acme = await s.measure(async () => {
      working = await s.as(CUSTOMER).createIssue({ project: 'SD', issueType: 'Request', summary: 'Q' });
    });
    expect(acme.byOperation).toEqual({ searchAndReconsileIssuesUsingJqlPost: 1 });
    expect(s.appComments(working)).toEqual([]);
    let off = '';
    const globex = await s.measure(async () => {
      off = await s
        .as('customer-globex-1')
        .createIssue({ project: 'SD', issueType: 'Request', summary: 'Q' });
    });
    expect(globex.byOperation.getIssue).toBeUndefined();
    expect(globex.byOperation.searchAndReconsileIssuesUsingJqlPost).toBe(1);
    expect(s.appComments(off)).toEqual([expect.objectContaining({ internal: false })]);
  });

  it('a new Request on a Saturday is read and answered out of hours', async () => {
    s = await startEventsSite('2026-11-28T10:00:00Z');
    let key = '';
    const created = await s.measure(async () => {
      key = await s.as(CUSTOMER).createIssue({ project: 'SD', issueType: 'Request', summary: 'Q' });
    });
    expect(created.byOperation.getIssue).toBe(1);
    expect(created.byOperation.searchAndReconsileIssuesUsingJqlPost).toBeUndefined();
    expect(s.appComments(key)).toEqual([expect.objectContaining({ internal: false })]);
  });
});
