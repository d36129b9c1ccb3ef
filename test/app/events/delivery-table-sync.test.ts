import { regenerateDeliveryTable } from '../../../src/app/events/delivery/delivery-table-sync';
import type { EventDeps } from '../../../src/app/events/event-deps';
import type { IssueBean, SearchRequest } from '../../../src/app/ports/jira';
import { buildIncludedTicketsTable, type IncludedTicket } from '../../../src/domain/delivery/delivery-table';
import type { FieldIds } from '../../../src/domain/ticket';
import { projectConfig } from '../../domain/events/rule-fixtures';

const TABLE = 'customfield_10040';
const ORGANIZATIONS = 'customfield_10002';
const IDS: FieldIds = { includedTickets: TABLE, organizations: ORGANIZATIONS };
const config = projectConfig({
  names: { deliveryLinkType: { name: 'Shipment' } },
  defaultLanguage: 'de',
  languageByOrganization: { ACME: 'en' },
});

/** A link on the Delivery; `outward` when the Delivery ships the other issue. */
function jiraLink(otherId: string, options: { type?: string; outward?: boolean } = {}) {
  const other = { id: otherId, key: `SD-${otherId}` };
  return {
    id: `l${otherId}`,
    type: { name: options.type ?? 'Shipment' },
    ...((options.outward ?? true) ? { outwardIssue: other } : { inwardIssue: other }),
  };
}

const ticketBean = (id: string, summary = `Ticket ${id}`): IssueBean => ({
  id,
  key: `SD-${id}`,
  fields: { summary, issuetype: { name: 'Support Request' } },
});

const row = (id: string, summary = `Ticket ${id}`): IncludedTicket => ({
  key: `SD-${id}`,
  summary,
  requestType: 'Support Request',
});

const tableOf = (rows: IncludedTicket[], language: 'de' | 'en' = 'de') =>
  buildIncludedTicketsTable(rows, language, (key) => `/browse/${key}`).doc;

/**
 * A site holding Delivery `d1` (`delivery`, its fields as a GET returns them) and the tickets `tickets`; reads,
 * searches, edits and warnings are recorded.
 */
function site(delivery: Omit<IssueBean, 'id'>, tickets: IssueBean[] = []) {
  const reads: { key: string; fields: string[] }[] = [];
  const searches: Omit<SearchRequest, 'nextPageToken'>[] = [];
  const edits: { key: string; edit: unknown; options: unknown }[] = [];
  const warnings: { event: string; data: unknown }[] = [];
  const deps = {
    jira: {
      async getIssue(key: string, options: { fields: string[] }) {
        reads.push({ key, fields: options.fields });
        return { id: 'd1', ...delivery };
      },
      async searchAll(request: Omit<SearchRequest, 'nextPageToken'>) {
        searches.push(request);
        const named = /id in \(([^)]*)\)/.exec(request.jql)?.[1]?.split(',') ?? [];
        return tickets.filter((t) => named.includes(t.id));
      },
      async editIssue(key: string, edit: unknown, options: unknown) {
        edits.push({ key, edit, options });
      },
    },
    log: {
      warn(event: string, data: unknown) {
        warnings.push({ event, data });
      },
    },
  } as unknown as EventDeps;
  return { deps, reads, searches, edits, warnings };
}

describe('regenerating a Delivery’s “Included tickets” table from its links', () => {
  it('the Delivery is read with its links, the table and its customers; the tickets it ships are listed', async () => {
    const s = site(
      {
        key: 'DL-1',
        fields: {
          issuelinks: [
            jiraLink('2'),
            jiraLink('1', { type: 'SHIPMENT' }),
            jiraLink('3', { outward: false }),
            jiraLink('4', { type: 'Relates' }),
          ],
        },
      },
      ['1', '2', '3', '4'].map((id) => ticketBean(id)),
    );
    await expect(regenerateDeliveryTable(s.deps, config, IDS, 'd1', [2])).resolves.toEqual({
      listed: 2,
      omitted: 0,
    });
    expect(s.reads).toEqual([{ key: 'd1', fields: ['issuelinks', TABLE, ORGANIZATIONS] }]);
    expect(s.searches.map((r) => [r.jql, r.reconcileIssues])).toEqual([
      ['id in (2,1) ORDER BY key ASC', [2]],
    ]);
    expect(s.edits).toEqual([
      {
        key: 'DL-1',
        edit: { fields: { [TABLE]: tableOf([row('1'), row('2')]) } },
        options: { notifyUsers: false },
      },
    ]);
    expect(s.warnings).toEqual([]);
  });

  it('a ticket linked twice is listed once', async () => {
    const s = site(
      { key: 'DL-1', fields: { issuelinks: [jiraLink('1'), { ...jiraLink('1'), id: 'l1b' }] } },
      [ticketBean('1')],
    );
    await expect(regenerateDeliveryTable(s.deps, config, IDS, 'd1', [])).resolves.toEqual({
      listed: 1,
      omitted: 0,
    });
    expect(s.searches.map((r) => r.jql)).toEqual(['id in (1) ORDER BY key ASC']);
  });

  it('a table that already shows the links is not written again', async () => {
    const s = site({ key: 'DL-1', fields: { issuelinks: [jiraLink('1')], [TABLE]: tableOf([row('1')]) } }, [
      ticketBean('1'),
    ]);
    await regenerateDeliveryTable(s.deps, config, IDS, 'd1', []);
    expect(s.edits).toEqual([]);
  });

  it('a Delivery without links and without a table gets the empty table', async () => {
    const s = site({ key: 'DL-1', fields: {} });
    await expect(regenerateDeliveryTable(s.deps, config, IDS, 'd1', [])).resolves.toEqual({
      listed: 0,
      omitted: 0,
    });
    expect(s.searches).toEqual([]);
    expect(s.edits).toEqual([
      { key: 'DL-1', edit: { fields: { [TABLE]: tableOf([]) } }, options: { notifyUsers: false } },
    ]);
  });

  it('a Delivery whose read carries no key nor fields is written by its id', async () => {
    const s = site({});
    await regenerateDeliveryTable(s.deps, config, IDS, 'd1', []);
    expect(s.edits.map((e) => e.key)).toEqual(['d1']);
  });

  it.each([
    {
      name: 'a customer with a language',
      organizations: [{ id: '1', name: 'ACME' }],
      language: 'en' as const,
    },
    {
      name: 'the first customer with a language',
      organizations: [
        { id: '2', name: 'Globex' },
        { id: '1', name: 'ACME' },
      ],
      language: 'en' as const,
    },
    { name: 'a customer without one', organizations: [{ id: '2', name: 'Globex' }], language: 'de' as const },
    {
      name: 'a customer named like an object key',
      organizations: [{ id: '3', name: 'toString' }],
      language: 'de' as const,
    },
    { name: 'no customer', organizations: [], language: 'de' as const },
  ])('the header speaks the language of $name: $language', async ({ organizations, language }) => {
    const s = site({ key: 'DL-1', fields: { issuelinks: [], [ORGANIZATIONS]: organizations } });
    await regenerateDeliveryTable(s.deps, config, IDS, 'd1', []);
    expect(s.edits[0]?.edit).toEqual({ fields: { [TABLE]: tableOf([], language) } });
  });

  it('a site without an organization field reads none and speaks the default language', async () => {
    const s = site({ key: 'DL-1', fields: { issuelinks: [], [ORGANIZATIONS]: [{ id: '1', name: 'ACME' }] } });
    await regenerateDeliveryTable(s.deps, config, { includedTickets: TABLE }, 'd1', []);
    expect(s.reads[0]?.fields).toEqual(['issuelinks', TABLE]);
    expect(s.edits[0]?.edit).toEqual({ fields: { [TABLE]: tableOf([], 'de') } });
  });

  it('tickets that do not fit are counted and reported', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => String(100 + i));
    const long = 'x'.repeat(1000);
    const s = site(
      { key: 'DL-1', fields: { issuelinks: ids.map((id) => jiraLink(id)) } },
      ids.map((id) => ticketBean(id, long)),
    );
    const expected = buildIncludedTicketsTable(
      ids.map((id) => row(id, long)),
      'de',
      (key) => `/browse/${key}`,
    );
    expect(expected.omitted).toBeGreaterThan(0);
    const listed = ids.length - expected.omitted;
    await expect(regenerateDeliveryTable(s.deps, config, IDS, 'd1', [])).resolves.toEqual({
      listed,
      omitted: expected.omitted,
    });
    expect(s.warnings).toEqual([
      {
        event: 'events.deliveryTableTruncated',
        data: { deliveryId: 'd1', listed, omitted: expected.omitted },
      },
    ]);
  });

  it('a dry run reads and writes nothing', async () => {
    const s = site({ key: 'DL-1', fields: { issuelinks: [jiraLink('1')] } }, [ticketBean('1')]);
    const dry = projectConfig({ automation: { dryRun: true } });
    await expect(regenerateDeliveryTable(s.deps, dry, IDS, 'd1', [])).resolves.toBeUndefined();
    expect([s.reads, s.searches, s.edits, s.warnings]).toEqual([[], [], [], []]);
  });

  it('a site without the “Included tickets” field warns and reads nothing', async () => {
    const s = site({ key: 'DL-1', fields: { issuelinks: [jiraLink('1')] } }, [ticketBean('1')]);
    await expect(
      regenerateDeliveryTable(s.deps, config, { organizations: ORGANIZATIONS }, 'd1', []),
    ).resolves.toBeUndefined();
    expect(s.warnings).toEqual([{ event: 'events.deliveryTableFieldMissing', data: { deliveryId: 'd1' } }]);
    expect([s.reads, s.searches, s.edits]).toEqual([[], [], []]);
  });
});
