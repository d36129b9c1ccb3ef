import {
  includedTickets,
  plannedDeliveries,
  reconcileList,
} from '../../../src/app/events/delivery/delivery-queries';
import type { EventDeps } from '../../../src/app/events/event-deps';
import type { IssueBean, SearchRequest } from '../../../src/app/ports/jira';
import type { FieldIds } from '../../../src/domain/ticket';
import { projectConfig } from '../../domain/events/rule-fixtures';

const VERSION = 'customfield_10010';
const ORGANIZATIONS = 'customfield_10002';
const DATE = 'customfield_10020';
const REQUEST_TYPE = 'customfield_10030';
const IDS: FieldIds = {
  deliveryVersion: VERSION,
  organizations: ORGANIZATIONS,
  estimatedDeliveryDate: DATE,
  requestType: REQUEST_TYPE,
};
const config = projectConfig();

/**
 * A site whose search answers every query with `answer(request)`; the requests are recorded.
 */
function searching(answer: (request: Omit<SearchRequest, 'nextPageToken'>) => IssueBean[]) {
  const searches: Omit<SearchRequest, 'nextPageToken'>[] = [];
  const jira = {
    async searchAll(request: Omit<SearchRequest, 'nextPageToken'>) {
      searches.push(request);
      return answer(request);
    },
  };
  return { searches, deps: { jira } as unknown as EventDeps };
}

/**
 * A site holding `issues`; an `id in (…)` search returns those it names, except the ones the search index does
 * not hold yet (`unindexed`), which only a search reconciling them returns.
 */
function site(issues: IssueBean[], unindexed: readonly string[] = []) {
  return searching((request) => {
    const named = new Set(/id in \(([^)]*)\)/.exec(request.jql)?.[1]?.split(',') ?? []);
    const reconciled = new Set((request.reconcileIssues ?? []).map(String));
    return issues.filter(
      (issue) => named.has(issue.id) && (!unindexed.includes(issue.id) || reconciled.has(issue.id)),
    );
  });
}

describe('JQL building blocks', () => {
  it('the ids to reconcile: the ones this invocation must see first, then the recent changes, each once', () => {
    expect(reconcileList([30, 20, 10], ['20', '40'])).toEqual([20, 40, 30, 10]);
  });

  it('without ids of its own, the recent changes alone', () => {
    expect(reconcileList([30, 20])).toEqual([30, 20]);
  });
});

describe('planned Deliveries: one search of the project’s Planned Deliveries, only the fields that place tickets', () => {
  const PLANNED = 'project = "SD" AND issuetype = "Delivery" AND status = "Planned"';

  it('the search names the project, the Delivery type and the Planned status, and reconciles the recent ones', async () => {
    const s = searching(() => []);
    await plannedDeliveries(s.deps, config, IDS, [20001, 20002]);
    expect(s.searches).toEqual([
      {
        jql: `${PLANNED} ORDER BY key ASC`,
        fields: [VERSION, ORGANIZATIONS, DATE],
        maxResults: 100,
        reconcileIssues: [20001, 20002],
      },
    ]);
  });

  it('names as the configuration spells them are quoted', async () => {
    const quoted = projectConfig({
      names: { kinds: { delivery: 'Release "big"' }, statuses: { planned: 'Geplant' } },
    });
    const s = searching(() => []);
    await plannedDeliveries(s.deps, quoted, IDS, []);
    expect(s.searches[0]?.jql).toBe(
      'project = "SD" AND issuetype = "Release \\"big\\"" AND status = "Geplant" ORDER BY key ASC',
    );
  });

  it('fields the site lacks are not asked for', async () => {
    const s = searching(() => []);
    await plannedDeliveries(s.deps, config, { organizations: ORGANIZATIONS }, []);
    expect(s.searches[0]?.fields).toEqual([ORGANIZATIONS]);
  });

  it('with customers, only the Deliveries shared with one of them', async () => {
    const s = searching(() => []);
    await plannedDeliveries(s.deps, config, IDS, [], ['ACME', 'Say "Hi" GmbH']);
    expect(s.searches[0]?.jql).toBe(
      `${PLANNED} AND cf[10002] in ("ACME", "Say \\"Hi\\" GmbH") ORDER BY key ASC`,
    );
  });

  it('with an empty list of customers, no Delivery and no search', async () => {
    const s = searching(() => []);
    await expect(plannedDeliveries(s.deps, config, IDS, [], [])).resolves.toEqual([]);
    expect(s.searches).toEqual([]);
  });

  it.each([
    { name: 'no organization field', ids: { deliveryVersion: VERSION }, customers: ['ACME'] },
    { name: 'no organization field', ids: { deliveryVersion: VERSION }, customers: [] },
    {
      name: 'an organization field JQL cannot name by id',
      ids: { organizations: 'organizations' },
      customers: ['ACME'],
    },
  ])(
    'a site with $name searches every Planned Delivery, whatever the customers ($customers)',
    async ({ ids, customers }) => {
      const s = searching(() => []);
      await plannedDeliveries(s.deps, config, ids, [], customers);
      expect(s.searches[0]?.jql).toBe(`${PLANNED} ORDER BY key ASC`);
    },
  );

  it('each Delivery found is a candidate with its customers, version and estimated date', async () => {
    const s = searching(() => [
      {
        id: 'd1',
        key: 'DL-1',
        fields: {
          [VERSION]: '2026.12',
          [ORGANIZATIONS]: [
            { id: 1, name: 'ACME' },
            { id: '2', name: 'Globex' },
          ],
          [DATE]: '2026-12-15',
        },
      },
      { id: 'd2', key: 'DL-2', fields: { [VERSION]: { value: '2027.01' }, [ORGANIZATIONS]: [] } },
      { id: 'd3' },
    ]);
    await expect(plannedDeliveries(s.deps, config, IDS, [])).resolves.toStrictEqual([
      { id: 'd1', key: 'DL-1', organizationIds: ['1', '2'], version: '2026.12', estimatedDate: '2026-12-15' },
      { id: 'd2', key: 'DL-2', organizationIds: [], version: '2027.01' },
      { id: 'd3', key: 'd3', organizationIds: [] },
    ]);
  });

  it('a site without the fields reads no version, date or customer, whatever the Delivery holds', async () => {
    const s = searching(() => [
      {
        id: 'd1',
        key: 'DL-1',
        fields: { [VERSION]: '2026.12', [ORGANIZATIONS]: [{ id: '1', name: 'ACME' }] },
      },
    ]);
    await expect(plannedDeliveries(s.deps, config, {}, [])).resolves.toStrictEqual([
      { id: 'd1', key: 'DL-1', organizationIds: [] },
    ]);
  });
});

describe('included tickets: key, kind and summary of the tickets a Delivery lists', () => {
  const issue = (id: string, fields: Record<string, unknown> = {}): IssueBean => ({
    id,
    key: `SD-${id}`,
    fields: { summary: `Ticket ${id}`, issuetype: { name: 'Support Request' }, ...fields },
  });

  it('one search by id, with the summary, the issue type and the request type, reconciling the recent ones among them', async () => {
    const s = site([issue('1'), issue('2')]);
    await expect(includedTickets(s.deps, IDS, ['1', '2'], [2, 99])).resolves.toStrictEqual([
      { key: 'SD-1', summary: 'Ticket 1', requestType: 'Support Request' },
      { key: 'SD-2', summary: 'Ticket 2', requestType: 'Support Request' },
    ]);
    expect(s.searches).toEqual([
      {
        jql: 'id in (1,2) ORDER BY key ASC',
        fields: ['summary', 'issuetype', REQUEST_TYPE],
        maxResults: 100,
        reconcileIssues: [2],
      },
    ]);
  });

  it('without a request type field, only summary and issue type are asked for', async () => {
    const s = site([issue('1')]);
    await includedTickets(s.deps, {}, ['1'], []);
    expect(s.searches).toEqual([
      { jql: 'id in (1) ORDER BY key ASC', fields: ['summary', 'issuetype'], maxResults: 100 },
    ]);
  });

  it('no ticket, no search', async () => {
    const s = site([]);
    await expect(includedTickets(s.deps, IDS, [], [1])).resolves.toEqual([]);
    expect(s.searches).toEqual([]);
  });

  it.each([
    { name: 'the issue type', fields: {}, requestType: 'Support Request' },
    {
      name: 'the issue type, even when a request type is set',
      fields: { [REQUEST_TYPE]: { requestType: { name: 'Request' } } },
      requestType: 'Support Request',
    },
    {
      name: 'the request type when the issue type is missing',
      fields: { issuetype: null, [REQUEST_TYPE]: { requestType: { name: 'Request' } } },
      requestType: 'Request',
    },
    { name: 'nothing when both are missing', fields: { issuetype: null }, requestType: undefined },
  ])('the kind shown is $name', async ({ fields, requestType }) => {
    const s = site([issue('1', fields)]);
    const [ticket] = await includedTickets(s.deps, IDS, ['1'], []);
    expect(ticket).toStrictEqual({
      key: 'SD-1',
      summary: 'Ticket 1',
      ...(requestType !== undefined ? { requestType } : {}),
    });
  });

  it('a site without a request type field shows no request type', async () => {
    const s = site([issue('1', { issuetype: null, [REQUEST_TYPE]: { requestType: { name: 'Request' } } })]);
    await expect(includedTickets(s.deps, {}, ['1'], [])).resolves.toStrictEqual([
      { key: 'SD-1', summary: 'Ticket 1' },
    ]);
  });

  it('a ticket without summary or key is listed by its id with an empty summary', async () => {
    const s = site([{ id: '1', fields: { summary: 42 } }, { id: '2' }]);
    await expect(includedTickets(s.deps, {}, ['1', '2'], [])).resolves.toStrictEqual([
      { key: '1', summary: '' },
      { key: '2', summary: '' },
    ]);
  });

  it('more than 100 tickets: one search per 100, each reconciling only its own recent ones', async () => {
    const ids = Array.from({ length: 201 }, (_, i) => String(1000 + i));
    const s = site(ids.map((id) => issue(id)));
    const listed = await includedTickets(s.deps, {}, ids, [1000, 1100, 1200]);
    expect(listed.map((t) => t.key)).toEqual(ids.map((id) => `SD-${id}`));
    expect(s.searches.map((r) => [r.jql.split(',').length, r.reconcileIssues])).toEqual([
      [100, [1000]],
      [100, [1100]],
      [1, [1200]],
    ]);
    expect(s.searches[1]?.jql.startsWith('id in (1100,')).toBe(true);
  });

  it('a ticket too new for the search index is searched once more, reconciled', async () => {
    const s = site([issue('1'), issue('2'), issue('3')], ['2', '3']);
    await expect(includedTickets(s.deps, {}, ['1', '2', '3'], [])).resolves.toStrictEqual([
      { key: 'SD-1', summary: 'Ticket 1', requestType: 'Support Request' },
      { key: 'SD-2', summary: 'Ticket 2', requestType: 'Support Request' },
      { key: 'SD-3', summary: 'Ticket 3', requestType: 'Support Request' },
    ]);
    expect(s.searches.map((r) => [r.jql, r.reconcileIssues])).toEqual([
      ['id in (1,2,3) ORDER BY key ASC', undefined],
      ['id in (2,3) ORDER BY key ASC', [2, 3]],
    ]);
  });

  it('a ticket the first search already reconciled is not searched again, even when it is gone', async () => {
    const s = site([issue('1')]);
    await expect(includedTickets(s.deps, {}, ['1', '2'], [2])).resolves.toHaveLength(1);
    expect(s.searches).toHaveLength(1);
  });

  it('a deleted ticket costs one more search and is left out', async () => {
    const s = site([issue('1')]);
    await expect(includedTickets(s.deps, {}, ['1', '2'], [])).resolves.toStrictEqual([
      { key: 'SD-1', summary: 'Ticket 1', requestType: 'Support Request' },
    ]);
    expect(s.searches.map((r) => r.jql)).toEqual([
      'id in (1,2) ORDER BY key ASC',
      'id in (2) ORDER BY key ASC',
    ]);
  });
});
