import { validator } from '@atlaskit/adf-utils/validator';
import { FIELD, ISSUE_TYPE, ORG, PROJECT_ID, REQUEST_TYPE, STATUS } from '../../sandbox/jira/seed/demo-ids';
import { newIssue } from '../../sandbox/jira/model/new-issue';
import { FIELD_LIMIT } from '../../src/domain/delivery/delivery-table';
import { DEMO_CONFIG, plainText, startEventsSite, type LocalSite } from '../support/local-site';

const validate = validator();

/** The rows of a Delivery's "Included tickets" table: [key, request type, summary]. */
function rows(doc: unknown): string[][] {
  const table = (doc as { content: { type: string; content: { content: unknown[] }[] }[] }).content.find(
    (n) => n.type === 'table',
  );
  return (table?.content ?? []).slice(1).map((row) => row.content.map((cell) => plainText(cell).trim()));
}

/** The header row of a Delivery's "Included tickets" table. */
function header(doc: unknown): string[] {
  const table = (doc as { content: { type: string; content: { content: unknown[] }[] }[] }).content.find(
    (n) => n.type === 'table',
  );
  return (table?.content[0]?.content ?? []).map((cell) => plainText(cell).trim());
}

describe('issue events on the local site: Delivery tickets (guide §3.1.1, §3.3)', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startEventsSite();
  });
  afterEach(() => {
    const failed = s.failedInvocations();
    s.close();
    expect(failed).toEqual([]);
  });

  async function delivery(version: string, estimated = '2026-12-15', org = '1'): Promise<string> {
    const key = await s.agent.createIssue({
      project: 'SD',
      issueType: 'Delivery',
      summary: `Delivery ${version}`,
      fields: {
        [FIELD.deliveryVersion]: version,
        [FIELD.organizations]: [{ id: org }],
        [FIELD.estimatedDeliveryDate]: estimated,
      },
    });
    await s.settle();
    return key;
  }

  /** A customer's ticket in progress with a Delivery version, one step before Delivery Pending. */
  async function readyToShip(
    issueType: string,
    version: string,
    summary = 'Export fails',
    customer = 'customer-acme-1',
  ): Promise<string> {
    const key = await s.as(customer).createIssue({ project: 'SD', issueType, summary });
    if (issueType === 'Customisation') {
      for (const status of ['Estimation in progress', 'Estimation available', 'Ordered'])
        await s.agent.transition(key, { status });
    }
    await s.agent.transition(key, { status: 'In Progress' });
    await s.agent.edit(key, { [FIELD.deliveryVersion]: version });
    return key;
  }

  async function pending(...args: Parameters<typeof readyToShip>): Promise<string> {
    const key = await readyToShip(...args);
    await s.agent.transition(key, { status: 'Delivery Pending' });
    return key;
  }

  it('links a ticket entering Delivery Pending to its Delivery and writes the table as valid ADF', async () => {
    const del = await delivery('14.21.3.1');
    const other = await delivery('14.21.3.1', '2026-12-15', '2');
    const sd = await pending(
      'Software Defect',
      '14.21.3.1',
      'Login *fails* with <b>500</b> & [link|http://x]',
    );
    // A request raised through the portal carries its JSM request type; one raised otherwise has none.
    const portal = s.site.store.issue(sd);
    if (portal) portal.requestTypeId = REQUEST_TYPE.incident;
    const viaApi = await pending('Consulting Request', '14.21.3.1', 'Question');
    const spent = await s.measure(() => Promise.resolve());
    await s.settle();
    expect(s.shipped(del)).toEqual([sd, viaApi]);
    expect(s.shipped(other)).toEqual([]);
    const table = s.field(del, FIELD.includedTickets);
    expect(validate(table as never)).toMatchObject({ valid: true });
    // The column shows the kind after reclassification (raised as an Incident, now a Software Defect).
    expect(rows(table)).toEqual([
      [sd, 'Software Defect', 'Login *fails* with <b>500</b> & [link|http://x]'],
      [viaApi, 'Consulting Request', 'Question'],
    ]);
    expect(JSON.stringify(table)).toContain(`/browse/${sd}`);
    void spent;
  });

  it('Delivery header-language: the table header speaks the language kept for the Delivery’s organization', async () => {
    s.close();
    s = await startEventsSite(undefined, {
      config: { ...DEMO_CONFIG, languageByOrganization: { 'Globex Ltd': 'en', 'Acme GmbH': 'de' } },
    });
    const acme = await delivery('14.21.3.1', '2026-12-15', ORG.acme);
    const globex = await delivery('14.21.3.1', '2026-12-15', ORG.globex);
    await pending('Software Defect', '14.21.3.1', 'Umlauts', 'customer-acme-1');
    await pending('Software Defect', '14.21.3.1', 'Rounding', 'customer-globex-1');
    await s.settle();
    expect(header(s.field(acme, FIELD.includedTickets))).toEqual([
      'Schlüssel',
      'Anfragetyp',
      'Zusammenfassung',
    ]);
    expect(header(s.field(globex, FIELD.includedTickets))).toEqual(['Key', 'Request type', 'Summary']);
  });

  it('CUSTOM goes to the customer’s next Planned Delivery by estimated date', async () => {
    const later = await delivery('14.22.0.0', '2027-02-01');
    const next = await delivery('14.21.9.0', '2026-12-20');
    const ticket = await pending('Consulting Request', 'CUSTOM');
    await s.settle();
    expect(s.shipped(next)).toEqual([ticket]);
    expect(s.shipped(later)).toEqual([]);
  });

  it('a CUSTOM ticket moves when an earlier Planned Delivery is created: one Delivery, one table row', async () => {
    const first = await delivery('14.22.0.0', '2027-02-01');
    const ticket = await pending('Consulting Request', 'CUSTOM');
    await s.settle();
    expect(s.shipped(first)).toEqual([ticket]);
    const earlier = await delivery('14.21.9.0', '2026-12-20');
    await s.settle();
    expect(s.shipped(earlier)).toEqual([ticket]);
    expect(s.shipped(first)).toEqual([]);
    expect(rows(s.field(earlier, FIELD.includedTickets)).map((r) => r[0])).toEqual([ticket]);
    expect(rows(s.field(first, FIELD.includedTickets))).toEqual([]);
  });

  it('a CUSTOM ticket follows the estimated dates when a Delivery is rescheduled, both ways', async () => {
    const a = await delivery('14.22.0.0', '2026-12-20');
    const b = await delivery('14.21.9.0', '2027-01-15');
    const ticket = await pending('Consulting Request', 'CUSTOM');
    const defect = await pending('Software Defect', '14.22.0.0');
    await s.settle();
    expect(s.shipped(a)).toEqual([defect, ticket].sort());
    // A slips behind B: the CUSTOM ticket moves on to B; the versioned defect stays.
    await s.agent.edit(a, { [FIELD.estimatedDeliveryDate]: '2027-03-01' });
    await s.settle();
    expect(s.shipped(a)).toEqual([defect]);
    expect(s.shipped(b)).toEqual([ticket]);
    expect(rows(s.field(a, FIELD.includedTickets)).map((r) => r[0])).toEqual([defect]);
    expect(rows(s.field(b, FIELD.includedTickets)).map((r) => r[0])).toEqual([ticket]);
    // A is brought forward again: the ticket comes back, and B's table empties.
    await s.agent.edit(a, { [FIELD.estimatedDeliveryDate]: '2026-12-10' });
    await s.settle();
    expect(s.shipped(a)).toEqual([defect, ticket].sort());
    expect(s.shipped(b)).toEqual([]);
    expect(rows(s.field(b, FIELD.includedTickets))).toEqual([]);
  });

  it('without a Delivery says so once on the ticket, and links it when the Delivery is created', async () => {
    const sd = await pending('Software Defect', '14.30.0.0');
    await s.settle();
    expect(s.appComments(sd)).toEqual([
      expect.objectContaining({ internal: true, text: expect.stringContaining('14.30.0.0') }),
    ]);
    expect(s.state(sd)).toMatchObject({ flags: ['deliveryMissing'] });
    const del = await delivery('14.30.0.0');
    await s.settle();
    expect(s.shipped(del)).toEqual([sd]);
    expect(rows(s.field(del, FIELD.includedTickets))).toEqual([[sd, 'Software Defect', 'Export fails']]);
    expect(s.state(sd)).toMatchObject({ flags: [] });
    expect(s.appComments(sd)).toHaveLength(1);
  });

  it('without a Delivery says so again when the ticket comes back to Delivery Pending, once per entry', async () => {
    const sd = await pending('Software Defect', '14.30.0.0');
    await s.settle();
    // It waits for the customer and comes back, still without a Planned Delivery for its version.
    await s.agent.transition(sd, { status: 'Clarification required / On hold' });
    await s.settle();
    await s.agent.transition(sd, { status: 'Delivery Pending' });
    await s.settle();
    const notes = s.appComments(sd).filter((c) => c.internal && c.text.includes('14.30.0.0'));
    expect(notes).toHaveLength(2);
    expect(s.state(sd)).toMatchObject({ flags: ['deliveryMissing'] });
  });

  it('a version change, leaving Delivery Pending and a removed link update the tables', async () => {
    const a = await delivery('14.21.3.1');
    const b = await delivery('14.21.4.0');
    const sd = await pending('Software Defect', '14.21.3.1');
    const sd2 = await pending('Software Defect', '14.21.3.1', 'Second');
    await s.settle();
    expect(s.shipped(a)).toEqual([sd, sd2].sort());
    const versionChange = await s.measure(() => s.agent.edit(sd, { [FIELD.deliveryVersion]: '14.21.4.0' }));
    expect(s.shipped(a)).toEqual([sd2]);
    expect(s.shipped(b)).toEqual([sd]);
    expect(rows(s.field(a, FIELD.includedTickets)).map((r) => r[0])).toEqual([sd2]);
    expect(rows(s.field(b, FIELD.includedTickets)).map((r) => r[0])).toEqual([sd]);
    expect(versionChange.calls).toBeLessThanOrEqual(12);
    await s.agent.transition(sd, { status: 'Clarification required / On hold' });
    await s.settle();
    expect(s.shipped(b)).toEqual([]);
    expect(rows(s.field(b, FIELD.includedTickets))).toEqual([]);
    const link = s.site.store.linksOf(s.site.store.issue(a)?.id ?? '')[0];
    const removal = await s.measure(() =>
      s.agent.request('DELETE', `/rest/api/3/issueLink/${link?.id ?? ''}`),
    );
    expect(rows(s.field(a, FIELD.includedTickets))).toEqual([]);
    expect(removal.calls).toBeLessThanOrEqual(6);
  });

  it('a Delivery version set before the move into Delivery Pending costs nothing; the move links the ticket', async () => {
    const del = await delivery('14.21.3.1');
    const key = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Software Defect', summary: 'S' });
    await s.agent.transition(key, { status: 'In Progress' });
    await s.settle();
    const version = await s.measure(() => s.agent.edit(key, { [FIELD.deliveryVersion]: '14.21.3.1' }));
    expect(version.points).toBe(0);
    expect(s.shipped(del)).toEqual([]);
    await s.agent.transition(key, { status: 'Delivery Pending' });
    await s.settle();
    expect(s.shipped(del)).toEqual([key]);
    // Both acts handled after the move (the agent is faster than the events): the version's event, read late,
    // still reads nothing, since its payload shows the ticket before Delivery Pending; the move's reads once.
    const late = await s
      .as('customer-acme-1')
      .createIssue({ project: 'SD', issueType: 'Consulting Request', summary: 'Late' });
    await s.agent.transition(late, { status: 'In Progress' });
    await s.settle();
    await s.agent.edit(late, { [FIELD.deliveryVersion]: '14.21.3.1' });
    await s.agent.transition(late, { status: 'Delivery Pending' });
    const both = await s.measure(() => Promise.resolve());
    // One read for the move, whose search of Acme's Planned Deliveries is the first ticket's, kept minutes ago
    // (`customersPlannedDeliveries`); the table's regeneration (queue work) reads the Delivery and searches its
    // tickets. A version event that read too would add a read and a search.
    expect(both.events).toBe(2);
    expect(both.byOperation.getIssue).toBe(2);
    expect(both.byOperation.searchAndReconsileIssuesUsingJqlPost).toBe(1);
    expect(s.shipped(del)).toEqual([key, late].sort());
  });

  it('a Delivery planned between two tickets of its customer: the second is placed by a new search, not the answer kept for the first', async () => {
    const later = await delivery('14.21.3.1', '2026-12-20');
    const first = await pending('Software Defect', 'CUSTOM');
    await s.settle();
    expect(s.shipped(later)).toEqual([first]);
    // Acme's next Delivery, earlier than the one its CUSTOM tickets wait for: its event is handled first.
    const next = await delivery('14.22.0.0', '2026-12-10');
    const second = await pending('Consulting Request', 'CUSTOM');
    await s.settle();
    expect(s.shipped(next)).toEqual([first, second].sort());
    expect(s.shipped(later)).toEqual([]);
  });

  it('a Delivery deleted between two tickets of its customer: the second is placed without it, after a new search', async () => {
    const doomed = await delivery('14.22.0.0', '2026-12-10');
    const later = await delivery('14.21.3.1', '2026-12-20');
    const first = await pending('Software Defect', 'CUSTOM');
    await s.settle();
    expect(s.shipped(doomed)).toEqual([first]);
    // An agent deletes Acme's next Delivery (Jira deletes its links with it). The app handles no deleted-issue
    // event, so the answer kept for the first ticket still names it.
    const gone = s.site.store.issue(doomed);
    if (!gone) throw new Error(`no ${doomed}`);
    for (const link of s.site.store.linksOf(gone.id)) s.site.store.deleteLink(link);
    s.site.store.deleteIssue(gone);
    const second = await pending('Consulting Request', 'CUSTOM');
    await s.settle();
    expect(s.shipped(later)).toEqual([second]);
    expect(s.failedInvocations()).toEqual([]);
  });

  it('a ticket entering Delivery Pending searches only its customer’s Planned Deliveries, and leaves another customer’s it is linked to', async () => {
    const globex = [];
    for (let n = 0; n < 6; n++) globex.push(await delivery(`14.2${n}.0.0`, '2026-12-15', ORG.globex));
    const acme = await delivery('14.21.3.1', '2026-12-15', ORG.acme);
    const key = await readyToShip('Software Defect', '14.21.3.1');
    await s.settle();
    const entering = await s.measure(() => s.agent.transition(key, { status: 'Delivery Pending' }));
    expect(s.shipped(acme)).toEqual([key]);
    // Two searches, 1 point each plus 1 per issue returned: Acme's Planned Delivery, and the ticket for Acme's
    // table. Searching all seven Planned Deliveries would return six more.
    expect(entering.byOperation.searchAndReconsileIssuesUsingJqlPost).toBe(2);
    expect(s.site.metrics.of('searchAndReconsileIssuesUsingJqlPost').points).toBe(4);
    // An agent links the waiting ticket to another customer's Planned Delivery by hand; when its version changes,
    // it moves to Acme's Delivery of that version and the stray link goes too.
    const next = await delivery('14.22.0.0', '2027-01-15', ORG.acme);
    await s.agent.request('POST', '/rest/api/3/issueLink', {
      type: { name: 'Delivery' },
      inwardIssue: { key: globex[1] },
      outwardIssue: { key },
    });
    await s.settle();
    expect(s.shipped(globex[1] ?? '')).toEqual([key]);
    await s.agent.edit(key, { [FIELD.deliveryVersion]: '14.22.0.0' });
    await s.settle();
    expect(s.shipped(next)).toEqual([key]);
    expect(s.shipped(acme)).toEqual([]);
    expect(s.shipped(globex[1] ?? '')).toEqual([]);
  });

  it('a completed Delivery resolves its defects and consulting tickets and closes customisations, once each', async () => {
    const del = await delivery('14.21.3.1');
    const sd = await pending('Software Defect', '14.21.3.1');
    const cr = await pending('Consulting Request', '14.21.3.1');
    const cu = await pending('Customisation', '14.21.3.1');
    await s.settle();
    expect(s.shipped(del)).toEqual([sd, cr, cu].sort());
    const spent = await s.measure(() => s.agent.transition(del, { status: 'Delivered' }));
    expect([s.status(sd), s.status(cr), s.status(cu)]).toEqual(['Resolved', 'Resolved', 'Closed']);
    for (const key of [sd, cr]) {
      const publicNotes = s.appComments(key).filter((c) => !c.internal);
      expect(publicNotes).toEqual([
        expect.objectContaining({ text: expect.stringContaining('Version 14.21.3.1 ausgeliefert') }),
      ]);
      // The configured Resolved auto-close period (default 50 days), not a vague "after some time".
      expect(publicNotes[0]?.text).toContain('nach 50 Tagen automatisch geschlossen');
      expect(s.state(key)).toMatchObject({ timer: 'resolved', statusId: STATUS.resolved });
      // The app stamps the close timer when its invocation starts (rounded up to the second, the indexed
      // form); the transition lands a few calls later.
      const timerStart = Date.parse(String(s.state(key)?.nextDueAt)) - 50 * 86_400_000;
      expect(Math.abs(s.statusChangedAt(key) - timerStart)).toBeLessThan(60_000);
    }
    expect(s.appComments(cu).filter((c) => !c.internal)).toHaveLength(1);
    // The completion and one item that ships all three tickets, read in one search.
    expect(spent.work).toBe(2);
    // The Delivery is read by its status change and by the completion; its three tickets by one search.
    expect(spent.byOperation).toMatchObject({
      getIssue: 2,
      searchAndReconsileIssuesUsingJqlPost: 1,
      doTransition: 3,
    });
    expect(spent.calls).toBeLessThanOrEqual(3 + 3 * 5);
    // Taking the Delivery back and completing it again ships nothing twice.
    await s.site.actAs({ kind: 'app' }).transition(del, { status: 'Planned' });
    await s.agent.transition(del, { status: 'Delivered' });
    await s.settle();
    expect(s.appComments(sd).filter((c) => !c.internal)).toHaveLength(1);
    // The Delivery's own history: each link, and one entry per completion with what it handed on.
    const onDelivery = s
      .audit()
      .filter((e) => e.issueKey === del)
      .map((e) => [e.action, e.detail])
      .sort();
    expect(onDelivery).toEqual([
      ['deliveryCompleted', 'resolved:0,closed:0'],
      ['deliveryCompleted', 'resolved:2,closed:1'],
      ['deliveryTicketsLinked', 'tickets:1'],
      ['deliveryTicketsLinked', 'tickets:1'],
      ['deliveryTicketsLinked', 'tickets:1'],
    ]);
  });

  it('shipping reads each workflow’s transitions once, and reads them again when Jira refuses a kept one', async () => {
    const ship = async (version: string, tickets: number) => {
      const del = await delivery(version);
      const keys: string[] = [];
      for (let n = 0; n < tickets; n += 1) keys.push(await pending('Software Defect', version));
      await s.settle();
      const spent = await s.measure(() => s.agent.transition(del, { status: 'Delivered' }));
      expect(keys.map((key) => s.status(key))).toEqual(keys.map(() => 'Resolved'));
      for (const key of keys) expect(s.appComments(key).filter((c) => !c.internal)).toHaveLength(1);
      return spent.byOperation.getTransitions ?? 0;
    };
    expect(await ship('14.21.3.1', 1)).toBe(1);
    // Kept for the project, type and status: the next Delivery's tickets read nothing.
    expect(await ship('14.21.4.0', 2)).toBe(0);
    // What is kept for Software Defects in Delivery Pending now names a transition the workflow no longer offers.
    const kept = `tr:SD:${ISSUE_TYPE.softwareDefect}:${STATUS.deliveryPending}`;
    const entry = s.host.kvs.get('kvs', kept);
    expect(entry).toBeDefined();
    const stale = {
      toName: 'resolved',
      transition: { id: '999', toStatusId: STATUS.resolved, resolutionOnScreen: false },
    };
    s.host.kvs.put('kvs', kept, { ...entry!, value: { offered: [stale] } });
    expect(await ship('14.21.5.0', 1)).toBe(1);
  });

  it('a collect run searches only its customers’ and its own tickets: other customers’ waiting tickets cost nothing', async () => {
    const del = await delivery('14.21.3.1', '2026-12-15', ORG.acme);
    const acme = await pending('Software Defect', '14.21.3.1');
    await s.settle();
    const edit = (n: number) => s.measure(() => s.agent.edit(del, { summary: `Delivery 14.21.3.1 (${n})` }));
    await edit(1);
    const alone = await edit(2);
    for (let n = 0; n < 8; n += 1)
      await pending('Software Defect', '14.21.3.1', `Globex ${n}`, 'customer-globex-1');
    await s.settle();
    // Past the window in which the project's recent changes are reconciled in every search.
    s.jump(new Date(Date.now() + 60 * 60_000));
    await edit(3);
    const beside = await edit(4);
    expect(beside.points).toBe(alone.points);
    expect(s.shipped(del)).toEqual([acme]);
  });

  it('a ticket linked to a Delivery that changed customer leaves it when the Delivery is edited', async () => {
    const del = await delivery('14.21.3.1', '2026-12-15', ORG.acme);
    const acme = await pending('Software Defect', '14.21.3.1');
    await s.settle();
    expect(s.shipped(del)).toEqual([acme]);
    await s.agent.edit(del, { [FIELD.organizations]: [{ id: ORG.globex }] });
    await s.settle();
    expect(s.shipped(del)).toEqual([]);
    expect(rows(s.field(del, FIELD.includedTickets))).toEqual([]);
  });

  it('a Delivery with 300 tickets keeps a valid table within the field limit and ships all of them', async () => {
    const del = await delivery('15.0.0.0');
    // 300 Software Defects that reached Delivery Pending with this version before the Delivery was planned
    // (bulk-inserted: 300 customer creations would only exercise the simulator's rate limiter).
    const store = s.site.store;
    const project = store.projects.get(PROJECT_ID)!;
    const keys: string[] = [];
    for (let i = 0; i < 300; i++) {
      const issue = newIssue({
        id: store.nextId('issue'),
        key: `SD-${project.nextIssueNumber++}`,
        projectId: PROJECT_ID,
        issueTypeId: ISSUE_TYPE.softwareDefect,
        statusId: STATUS.deliveryPending,
        summary: `Defect ${i} **${'x'.repeat(80)}** {code}<script>`,
        reporterAccountId: 'customer-acme-1',
        created: new Date().toISOString(),
      });
      issue.organizationIds = [ORG.acme];
      issue.requestTypeId = REQUEST_TYPE.incident;
      issue.custom[FIELD.deliveryVersion] = '15.0.0.0';
      store.insertIssue(issue);
      keys.push(issue.key);
    }
    await s.settle();
    // Tickets that reached Delivery Pending before the Delivery existed are attached when it is edited.
    const attach = await s.measure(() => s.agent.edit(del, { summary: 'Delivery 15.0.0.0 (rescheduled)' }));
    expect(s.shipped(del)).toHaveLength(300);
    const table = s.field(del, FIELD.includedTickets);
    expect(validate(table as never)).toMatchObject({ valid: true });
    expect(JSON.stringify(table).length).toBeLessThanOrEqual(FIELD_LIMIT);
    expect(plainText(table)).toMatch(/\d+ weitere Ticket\(s\) sind mit dieser Delivery verknüpft/);
    expect(attach.byOperation.linkIssues).toBe(300);
    // One history entry on the Delivery per batch of links, not one per ticket.
    const linked = s.audit().filter((e) => e.issueKey === del && e.action === 'deliveryTicketsLinked');
    expect(linked.reduce((n, e) => n + Number(e.detail?.split(':')[1]), 0)).toBe(300);
    expect(linked.length).toBeLessThan(30);
    // Besides the 300 links: per batch of 15, the Planned-Delivery search, the read of the Delivery's customers and
    // links and the waiting-ticket search, and from the fourth batch on one narrow search per 50 tickets the earlier
    // batches linked (recent changes, reconciled so a lag of minutes never shows them unlinked; decision 0014).
    expect(attach.calls).toBeLessThanOrEqual(300 + 160);
    const ship = await s.measure(() => s.agent.transition(del, { status: 'Installation completed' }));
    expect(keys.filter((k) => s.status(k) !== 'Resolved')).toEqual([]);
    // The completion and one item per 5 tickets, each reading its tickets in one search.
    expect(ship.work).toBe(1 + 60);
    expect(ship.byOperation).toMatchObject({
      getIssue: 2,
      searchAndReconsileIssuesUsingJqlPost: 60,
      doTransition: 300,
    });
  }, 120_000);
});
