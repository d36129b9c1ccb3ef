import {
  deliveryKeyOf,
  deliveryVersionView,
  includedTickets,
  shippedIds,
  shippedKeys,
  toContractKind,
} from '../../../src/app/panel/delivery-views';
import type { IssueBean, JiraGateway } from '../../../src/app/ports/jira';
import { JiraHttpError } from '../../../src/app/ports/jira-errors';
import type { IssueLinkRef } from '../../../src/domain/ticket';
import { configForProject } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';

const cfg = configForProject(defaultConfig, 'SUP');
const VERSION = 'customfield_10010';
const ESTIMATE = 'customfield_10011';
const REQUEST_TYPE = 'customfield_10015';
const ids = { deliveryVersion: VERSION, estimatedDeliveryDate: ESTIMATE };

function link(typeName: string, direction: 'inward' | 'outward', n: number): IssueLinkRef {
  return { id: `${n}`, typeName, direction, otherId: `${n}000`, otherKey: `SUP-${n}` };
}

/** Only the fields asked for, as Jira answers. */
function only(bean: IssueBean, fields: readonly string[]): IssueBean {
  const wanted = new Set(fields);
  return {
    ...bean,
    fields: Object.fromEntries(Object.entries(bean.fields ?? {}).filter(([k]) => wanted.has(k))),
  };
}

/** Reads issues as the user from a table; a missing key answers `missing` (404 by default). */
function reader(issues: Record<string, IssueBean>, missing = 404): Pick<JiraGateway, 'getIssue'> {
  return {
    getIssue: (key, options) => {
      const bean = issues[key];
      if (!bean) return Promise.reject(new JiraHttpError('getIssue', missing, '{}'));
      return Promise.resolve(only(bean, options.fields));
    },
  };
}

const DELIVERY: IssueBean = {
  id: '20000',
  key: 'SUP-20',
  fields: {
    status: { id: '1', name: 'Planned' },
    [VERSION]: '14.21.3',
    [ESTIMATE]: '2027-01-12',
    summary: 'x',
  },
};

describe('shippedKeys and shippedIds', () => {
  const ticket = {
    links: [
      link('Delivery', 'outward', 3),
      link('delivery', 'outward', 4),
      link('Delivery', 'inward', 5),
      link('Relates', 'outward', 6),
    ],
  };

  it("name the tickets a Delivery ships: outward links of the Delivery link type, whatever the type's case", () => {
    expect(shippedKeys(ticket, cfg)).toEqual(['SUP-3', 'SUP-4']);
    expect(shippedIds(ticket, cfg)).toEqual([3000, 4000]);
  });

  it('give the id of every ticket shipped, past the 50 one search reconciles', () => {
    const many = { links: Array.from({ length: 51 }, (_, i) => link('Delivery', 'outward', i + 1)) };
    expect(shippedIds(many, cfg)).toEqual(Array.from({ length: 51 }, (_, i) => (i + 1) * 1000));
    expect(shippedKeys(many, cfg)).toHaveLength(51);
  });
});

describe('deliveryKeyOf', () => {
  it.each<[string, IssueLinkRef[], string | null]>([
    [
      'the inward link of the Delivery type',
      [link('Relates', 'inward', 2), link('DELIVERY', 'inward', 3)],
      'SUP-3',
    ],
    ['no outward link of the Delivery type', [link('Delivery', 'outward', 3)], null],
    ['no inward link of another type', [link('Relates', 'inward', 3)], null],
    ['nothing without links', [], null],
  ])('finds %s', (_, links, key) => {
    expect(deliveryKeyOf({ links }, cfg)).toBe(key);
  });
});

describe('deliveryVersionView', () => {
  const pending = (deliveryVersion: string | undefined, links: IssueLinkRef[] = []) => ({
    status: 'deliveryPending' as const,
    links,
    ...(deliveryVersion === undefined ? {} : { deliveryVersion }),
  });

  it.each([
    ['a patch version', '14.21.3.1', { type: 'patch', value: '14.21.3.1' }],
    ['the custom value in any case', 'custom', { type: 'custom' }],
    ['nothing without a version', undefined, null],
  ])('shows %s', async (_, raw, version) => {
    const view = await deliveryVersionView(reader({}), pending(raw), cfg, ids);
    expect(view.version).toEqual(version);
  });

  it('shows the Delivery the ticket ships in, as the user reads it', async () => {
    const view = await deliveryVersionView(
      reader({ 'SUP-20': DELIVERY }),
      pending('14.21.3', [link('Delivery', 'inward', 20)]),
      cfg,
      ids,
    );
    expect(view).toEqual({
      version: { type: 'patch', value: '14.21.3' },
      deliveryTicket: {
        key: 'SUP-20',
        status: { name: 'Planned', role: 'planned' },
        version: '14.21.3',
        estimatedDate: '2027-01-12',
      },
      warnings: [],
    });
  });

  it('names the Delivery by the key it was read under when the answer carries none', async () => {
    const { key: _, ...keyless } = DELIVERY;
    const view = await deliveryVersionView(
      reader({ 'SUP-20': keyless }),
      pending('14.21.3', [link('Delivery', 'inward', 20)]),
      cfg,
      {},
    );
    expect(view.deliveryTicket).toEqual({
      key: 'SUP-20',
      status: { name: 'Planned', role: 'planned' },
      version: null,
      estimatedDate: null,
    });
  });

  it.each([404, 403])(
    'warns of a Delivery Pending ticket without version or a Delivery the user gets %s for',
    async (status) => {
      const view = await deliveryVersionView(
        reader({}, status),
        pending(undefined, [link('Delivery', 'inward', 20)]),
        cfg,
        ids,
      );
      expect(view).toEqual({
        version: null,
        deliveryTicket: null,
        warnings: ['missingVersion', 'noDeliveryTicket'],
      });
    },
  );

  it('warns of nothing outside Delivery Pending', async () => {
    const view = await deliveryVersionView(reader({}), { status: 'inProgress', links: [] }, cfg, ids);
    expect(view.warnings).toEqual([]);
  });

  it('passes on any other failure to read the Delivery', async () => {
    await expect(
      deliveryVersionView(reader({}, 500), pending('1', [link('Delivery', 'inward', 20)]), cfg, ids),
    ).rejects.toBeInstanceOf(JiraHttpError);
    const broken: Pick<JiraGateway, 'getIssue'> = { getIssue: () => Promise.reject(new TypeError('broken')) };
    await expect(
      deliveryVersionView(broken, pending('1', [link('Delivery', 'inward', 20)]), cfg, ids),
    ).rejects.toBeInstanceOf(TypeError);
  });
});

describe('includedTickets', () => {
  const found: IssueBean[] = [
    {
      id: '3000',
      key: 'SUP-3',
      fields: {
        summary: 'Export fails',
        status: { id: '1', name: 'Delivery Pending' },
        issuetype: { id: '2', name: 'Consulting Request' },
        [REQUEST_TYPE]: { requestType: { name: 'Get help' } },
      },
    },
    {
      id: '4000',
      key: 'SUP-4',
      fields: {
        summary: 'Next delivery',
        status: { id: '1', name: 'Planned' },
        issuetype: { id: '3', name: 'Delivery' },
        [REQUEST_TYPE]: { requestType: { name: 'Ship it' } },
      },
    },
  ];

  function searcher() {
    const searches: unknown[] = [];
    const user: Pick<JiraGateway, 'searchAll'> = {
      searchAll: (request) => {
        searches.push(request);
        return Promise.resolve(found.map((bean) => only(bean, request.fields ?? [])));
      },
    };
    return { user, searches };
  }

  it('searches nothing for no keys', async () => {
    const { user, searches } = searcher();
    await expect(includedTickets(user, [], cfg, REQUEST_TYPE, [])).resolves.toEqual([]);
    expect(searches).toEqual([]);
  });

  it('reads the tickets in one search by key, reconciled, with their request type', async () => {
    const { user, searches } = searcher();
    await expect(includedTickets(user, ['SUP-3', 'SUP-4'], cfg, REQUEST_TYPE, [3000, 4000])).resolves.toEqual(
      [
        {
          key: 'SUP-3',
          requestType: 'Get help',
          summary: 'Export fails',
          kind: 'consultingRequest',
          status: { name: 'Delivery Pending', role: 'deliveryPending' },
        },
        {
          key: 'SUP-4',
          requestType: 'Ship it',
          summary: 'Next delivery',
          kind: null,
          status: { name: 'Planned', role: 'planned' },
        },
      ],
    );
    expect(searches).toEqual([
      {
        jql: 'key in ("SUP-3", "SUP-4") ORDER BY key ASC',
        fields: ['summary', 'status', 'issuetype', REQUEST_TYPE],
        maxResults: 100,
        reconcileIssues: [3000, 4000],
      },
    ]);
  });

  it('names the issue type where the site has no request type field, and reconciles nothing unasked', async () => {
    const { user, searches } = searcher();
    const tickets = await includedTickets(user, ['SUP-3'], cfg, undefined, []);
    expect(tickets.map((t) => t.requestType)).toEqual(['Consulting Request', 'Delivery']);
    expect(searches).toEqual([
      {
        jql: 'key in ("SUP-3") ORDER BY key ASC',
        fields: ['summary', 'status', 'issuetype'],
        maxResults: 100,
      },
    ]);
  });
});

describe('includedTickets of a Delivery shipping more than 50 tickets', () => {
  const shipped = Array.from({ length: 51 }, (_, i) => i + 1);
  const bean = (n: number, status: string): IssueBean => ({
    id: `${n}000`,
    key: `SUP-${n}`,
    fields: {
      summary: `Ticket ${n}`,
      status: { id: '1', name: status },
      issuetype: { id: '2', name: 'Incident' },
    },
  });

  it('shows the 51st ticket as it is now, through a second search that reconciles it', async () => {
    const searches: { jql: string; reconcileIssues?: readonly number[] }[] = [];
    const user: Pick<JiraGateway, 'searchAll'> = {
      searchAll: (request) => {
        searches.push({
          jql: request.jql,
          ...(request.reconcileIssues ? { reconcileIssues: request.reconcileIssues } : {}),
        });
        const reconciled = new Set(request.reconcileIssues ?? []);
        // The index still holds SUP-51 in Delivery Pending; only a search that reconciles it sees it Closed.
        const all = shipped.map((n) =>
          bean(n, n === 51 && !reconciled.has(51000) ? 'Delivery Pending' : 'Closed'),
        );
        const narrowed = /id in \(([\d,]+)\)/.exec(request.jql)?.[1]?.split(',');
        return Promise.resolve(narrowed ? all.filter((b) => narrowed.includes(b.id)) : all);
      },
    };
    const tickets = await includedTickets(
      user,
      shipped.map((n) => `SUP-${n}`),
      cfg,
      undefined,
      shipped.map((n) => n * 1000),
    );
    expect(tickets).toHaveLength(51);
    expect(tickets.at(-1)).toMatchObject({ key: 'SUP-51', status: { name: 'Closed' } });
    expect(searches).toHaveLength(2);
    expect(searches[0]?.reconcileIssues).toEqual(shipped.slice(0, 50).map((n) => n * 1000));
    expect(searches[1]).toEqual({
      jql: `(key in (${shipped.map((n) => `"SUP-${n}"`).join(', ')})) AND id in (51000) ORDER BY key ASC`,
      reconcileIssues: [51000],
    });
  });
});

describe('toContractKind', () => {
  it.each([
    [null, null],
    [undefined, null],
    ['delivery', null],
    ['softwareDefect', 'softwareDefect'],
  ] as const)('maps %s to %s', (kind, expected) => {
    expect(toContractKind(kind)).toBe(expected);
  });
});
