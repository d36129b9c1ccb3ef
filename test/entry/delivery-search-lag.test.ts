import { loadViewAsPage } from '../../sandbox/forge/page-view';
import { FIELD, USER } from '../../sandbox/jira/seed/demo-ids';
import type { PanelView } from '../../src/contract/resolvers';
import type { PortalView } from '../../src/contract/portal-view';
import { ACME, data, viewPortal } from '../support/portal-site';
import { DEFAULT_SEARCH_INDEX_LAG_MS } from '../../sandbox/jira/site';
import { plainText, startEventsSite, type LocalSite } from '../support/local-site';
import { createDeliveryOn, pendingOn, waitingTickets } from '../support/deliveries';
import { TABLE_DELAY_SECONDS } from '../../src/domain/delivery/table-regeneration';

/**
 * JQL search lags behind every write, field values included, unless the search names the issue in
 * `reconcileIssues` (developer.atlassian.com, "Search After Write with Search And Reconcile"). The Delivery rules
 * search right after tickets and Deliveries change: each case below runs on the local site with its default lag
 * (a change reaches search {@link DEFAULT_SEARCH_INDEX_LAG_MS} ms later) and with none, and must end the same, with
 * the same REST calls: reconciling rides on searches the app makes anyway.
 */
const LAGS = [
  ['default lag', undefined],
  ['no lag', 0],
] as const;

/** The ticket keys of a Delivery's "Included tickets" table, with their kind and summary. */
function rows(doc: unknown): string[][] {
  const table = (doc as { content: { type: string; content: { content: unknown[] }[] }[] }).content.find(
    (n) => n.type === 'table',
  );
  return (table?.content ?? []).slice(1).map((row) => row.content.map((cell) => plainText(cell).trim()));
}

/** A site with the given lags for each test, closed after it; the test fails on any failed invocation. */
function siteEach(options: { searchFieldLagMs?: number; searchIndexLagMs?: number }): () => LocalSite {
  let s: LocalSite | undefined;
  beforeEach(async () => {
    s = await startEventsSite(undefined, options);
  });
  afterEach(() => {
    const failed = s?.failedInvocations();
    s?.close();
    expect(failed).toEqual([]);
  });
  return () => {
    if (!s) throw new Error('no site');
    return s;
  };
}

describe.each(LAGS)('Delivery rules under search lag (%s)', (_name, searchFieldLagMs) => {
  const site = siteEach(searchFieldLagMs === undefined ? {} : { searchFieldLagMs });
  let s: LocalSite;
  beforeEach(() => {
    s = site();
  });
  const createDelivery = (version: string, estimated?: string) => createDeliveryOn(s, version, estimated);
  const pending = (issueType: string, version: string, summary?: string) =>
    pendingOn(s, issueType, version, summary);

  it('a ticket that entered Delivery Pending a moment before its Delivery was created is linked, with the calls of a site without lag', async () => {
    const sd = await pending('Software Defect', '14.30.0.0');
    await s.settle();
    let del = '';
    const spent = await s.measure(async () => {
      del = await createDelivery('14.30.0.0');
    });
    expect(s.shipped(del)).toEqual([sd]);
    expect(s.state(sd)).toMatchObject({ flags: [] });
    // The Delivery's own event (one read; it records nothing but its status: decisions 0026, 0027); its collect run: Planned Deliveries (one search), the
    // Delivery's customers and links (one read), the waiting tickets among them (one search; both searches
    // reconciling), one link, the flag cleared (one property write), the table (the Delivery's links, one search,
    // one edit). The same on a site without lag: reconciling costs no call.
    expect(spent.byOperation).toEqual({
      getIssue: 3,
      searchAndReconsileIssuesUsingJqlPost: 3,
      linkIssues: 1,
      setIssueProperty: 1,
      editIssue: 1,
    });
  });

  it('a ticket that left Delivery Pending a moment before a Delivery for it was created is not linked', async () => {
    const sd = await pending('Software Defect', '14.30.0.0');
    await s.settle();
    // Search has seen it waiting in Delivery Pending.
    s.jump(new Date(Date.now() + DEFAULT_SEARCH_INDEX_LAG_MS));
    await s.agent.transition(sd, { status: 'Clarification required / On hold' });
    const del = await createDelivery('14.30.0.0');
    await s.settle();
    expect(s.shipped(del)).toEqual([]);
  });

  it('a Delivery rescheduled a moment before a CUSTOM ticket enters Delivery Pending: the ticket goes by the new date', async () => {
    const a = await createDelivery('14.22.0.0', '2026-12-20');
    const b = await createDelivery('14.21.9.0', '2027-01-15');
    await s.settle();
    await s.agent.edit(a, { [FIELD.estimatedDeliveryDate]: '2027-03-01' });
    const ticket = await pending('Consulting Request', 'CUSTOM');
    await s.settle();
    expect(s.shipped(a)).toEqual([]);
    expect(s.shipped(b)).toEqual([ticket]);
    expect(rows(s.field(a, FIELD.includedTickets))).toEqual([]);
  });

  it('a ticket renamed a moment before it enters Delivery Pending shows its new summary in the table', async () => {
    const del = await createDelivery('14.40.0.0');
    await s.settle();
    const key = await s.as('customer-acme-1').createIssue({
      project: 'SD',
      issueType: 'Software Defect',
      summary: 'Export fails',
    });
    await s.agent.transition(key, { status: 'In Progress' });
    await s.settle();
    await s.agent.edit(key, { summary: 'Export fails for PDF', [FIELD.deliveryVersion]: '14.40.0.0' });
    await s.agent.transition(key, { status: 'Delivery Pending' });
    await s.settle();
    expect(rows(s.field(del, FIELD.includedTickets))).toEqual([
      [key, 'Software Defect', 'Export fails for PDF'],
    ]);
  });

  it('a ticket shipped a moment before another Planned Delivery for its customer is created is not linked to it', async () => {
    const a = await createDelivery('14.22.0.0', '2026-12-20');
    const ticket = await pending('Consulting Request', 'CUSTOM');
    await s.settle();
    expect(s.shipped(a)).toEqual([ticket]);
    // Search has seen it waiting in Delivery Pending.
    s.jump(new Date(Date.now() + DEFAULT_SEARCH_INDEX_LAG_MS));
    await s.agent.transition(a, { status: 'Delivered' });
    await s.settle();
    expect(s.status(ticket)).toBe('Resolved');
    const b = await createDelivery('14.23.0.0', '2026-12-10');
    await s.settle();
    expect(s.shipped(b)).toEqual([]);
  });

  it('the Delivery panel shows the status a ticket was moved to a moment before', async () => {
    const del = await createDelivery('14.50.0.0');
    const sd = await pending('Software Defect', '14.50.0.0');
    await s.settle();
    expect(s.shipped(del)).toEqual([sd]);
    s.jump(new Date(Date.now() + DEFAULT_SEARCH_INDEX_LAG_MS));
    await s.agent.transition(sd, { status: 'Clarification required / On hold' });
    const { result } = await loadViewAsPage(s.host, s.site, {
      moduleKey: 'process-panel',
      functionKey: 'getPanel',
      accountId: USER.agentDach,
      extension: { type: 'jira:issueContext', issue: { key: del }, project: { key: 'SD' } },
    });
    const view = (result as { ok: true; value: { data: PanelView } }).value.data;
    expect(view).toMatchObject({
      view: 'delivery',
      included: [{ key: sd, status: { name: 'Clarification required / On hold' } }],
    });
  });

  it('the portal does not list a ticket moved to another customer a moment before', async () => {
    const del = await createDelivery('14.60.0.0');
    const a = await pending('Software Defect', '14.60.0.0', 'Export fails');
    const b = await pending('Software Defect', '14.60.0.0', 'Import fails');
    await s.settle();
    expect(s.shipped(del)).toEqual([a, b].sort());
    s.jump(new Date(Date.now() + DEFAULT_SEARCH_INDEX_LAG_MS));
    await s.agent.edit(b, { [FIELD.organizations]: [{ id: '2' }] });
    await s.agent.addParticipants(del, [ACME]);
    await s.settle();
    const view = data<PortalView>((await viewPortal(s, ACME, del)).result);
    expect(view).toMatchObject({ delivery: { included: [{ key: a }] } });
    expect((view as { delivery: { included: unknown[] } }).delivery.included).toHaveLength(1);
  });
});

describe('Delivery rules when search takes minutes (within "a few seconds to minutes")', () => {
  // Longer than the window in which a Delivery's link changes coalesce into one regeneration of its table
  // (TABLE_DELAY_SECONDS), so the table is written while search still lags.
  const LAG = TABLE_DELAY_SECONDS * 1000 + 3 * 60_000;
  const site = siteEach({ searchFieldLagMs: LAG, searchIndexLagMs: LAG });

  it('a ticket an agent links to a delivered Delivery right after creating it is listed in the table', async () => {
    const s = site();
    const del = await createDeliveryOn(s, '14.70.0.0');
    await s.agent.transition(del, { status: 'Delivered' });
    await s.settle();
    // Recorded after the fact: a Delivery that shipped keeps its links (only Planned ones are kept in line).
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'Printing fails' });
    const created = Date.now();
    await s.agent.link('Delivery', del, key);
    await s.settle();
    expect(rows(s.field(del, FIELD.includedTickets))).toEqual([[key, 'Software Defect', 'Printing fails']]);
    // The table was written while search did not know the new ticket yet.
    expect(Date.now() - created).toBeLessThan(LAG);
  });
});

describe('more than 50 Delivery changes in one project within the lag', () => {
  /** "From a few seconds to minutes": long enough for 52 tickets to ship while search still lags. */
  const LAG = 10 * 60_000;
  const HOUR = 3_600_000;
  /** More than the 50 issues one search reconciles. */
  const SHIPPED = 52;
  const site = siteEach({ searchFieldLagMs: LAG, searchIndexLagMs: LAG });

  it('a ticket waiting behind 52 newer changes is still linked to the Delivery created for it, with one more search per 50', async () => {
    const s = site();
    const createDelivery = (version: string) => createDeliveryOn(s, version);
    const pending = (version: string) => pendingOn(s, 'Software Defect', version);
    // Delivery A collects 52 waiting tickets; those changes are out of the recent window and in the index.
    const shipped = waitingTickets(s, SHIPPED, '14.80.0.0');
    const a = await createDelivery('14.80.0.0');
    await s.settle();
    expect(s.shipped(a)).toHaveLength(SHIPPED);
    s.jump(new Date(Date.now() + HOUR + LAG));
    // The ticket enters Delivery Pending for a version no Delivery has yet: it is told so.
    const waiting = await pending('14.81.0.0');
    await s.settle();
    expect(s.state(waiting)).toMatchObject({ flags: ['deliveryMissing'] });
    // A ships: 52 newer changes, each noted as recent.
    await s.agent.transition(a, { status: 'Delivered' });
    await s.settle();
    expect(shipped.map((k) => s.status(k))).toEqual(shipped.map(() => 'Resolved'));
    let b = '';
    const spent = await s.measure(async () => {
      b = await createDelivery('14.81.0.0');
    });
    // Still within the lag: search has not seen the waiting ticket in Delivery Pending, nor the new Delivery.
    expect(Date.now() - s.statusChangedAt(waiting)).toBeLessThan(LAG);
    expect(s.shipped(b)).toEqual([waiting]);
    expect(s.state(waiting)).toMatchObject({ flags: [] });
    // 53 recent ticket changes: the waiting-ticket search adds one narrow search for the 3 beyond the first 50; the
    // Planned-Delivery search reconciles the 2 recent Deliveries only, the table's search its one ticket.
    expect(spent.byOperation.searchAndReconsileIssuesUsingJqlPost).toBe(3 + 1);
  });
});
