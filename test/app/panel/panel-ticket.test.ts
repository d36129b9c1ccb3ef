import { panelFieldIds, toPanelTicket } from '../../../src/app/panel/panel-ticket';
import { fieldNameIndex } from '../../../src/app/shared/field-ids';
import { ticketFields, toTicket } from '../../../src/app/shared/ticket';
import type { IssueBean } from '../../../src/app/ports/jira';
import { configForProject } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';

const cfg = configForProject(defaultConfig, 'SUP');
const custom = (id: string, name: string, schema?: string) => ({
  id,
  name,
  custom: true,
  ...(schema ? { schema: { type: 'any', custom: schema } } : {}),
});
const index = fieldNameIndex([
  { id: 'summary', name: 'Summary' },
  custom('customfield_10010', cfg.names.fields.deliveryVersion),
  custom('customfield_10011', cfg.names.fields.estimatedDeliveryDate),
  custom('customfield_10012', cfg.names.fields.cloudEnvironment),
  custom('customfield_10013', cfg.names.fields.confidential),
  custom('customfield_10014', 'Organizations', 'com.atlassian.servicedesk:sd-customer-organizations'),
  custom('customfield_10015', 'Request Type', 'com.atlassian.servicedesk:vp-origin'),
  custom('customfield_10016', cfg.names.fields.affectedSystem),
]);

/** Every field Jira has on the ticket, whether the panel asks for it or not. */
const everything: Record<string, unknown> = {
  summary: 'Login fails',
  status: { id: '3', name: cfg.names.statuses.clarification },
  issuetype: { id: '10', name: cfg.names.kinds.softwareDefect },
  project: { key: 'SUP', projectTypeKey: 'service_desk' },
  priority: { id: '2', name: cfg.names.priorities.P2 },
  created: '2026-11-20T09:00:00.000+0100',
  resolutiondate: '2026-11-26T17:30:00.000+0100',
  reporter: { accountId: 'customer-1' },
  assignee: { accountId: 'agent-1' },
  security: { id: '100', name: 'Support SB' },
  issuelinks: [{ id: '7', type: { name: 'Delivery' }, inwardIssue: { id: '9000', key: 'SUP-9' } }],
  updated: '2026-11-26T17:30:00.000+0100',
  description: 'not shown',
  customfield_10010: { value: 'CUSTOM' },
  customfield_10011: '2026-12-15',
  customfield_10012: { value: 'Dedicated Cloud' },
  customfield_10013: { value: 'Yes' },
  customfield_10014: [{ id: '1', name: 'Acme GmbH' }],
  customfield_10015: { requestType: { name: 'Report a bug' } },
  customfield_10016: { value: 'Production' },
};

const bean = (fields: Record<string, unknown>): IssueBean => ({
  id: '1000',
  key: 'SUP-1',
  fields,
  changelog: {
    histories: [
      {
        id: '1',
        created: '2026-11-21T10:00:00.000+0100',
        items: [{ field: 'status', fromString: 'Open', toString: cfg.names.statuses.clarification }],
      },
      {
        id: '2',
        created: '2026-11-22T10:00:00.000+0100',
        items: [{ field: 'status', fromString: 'In Progress', toString: cfg.names.statuses.clarification }],
      },
    ],
  },
});

describe('the panel reads its ticket with the one ticket reader', () => {
  const { ids, request } = panelFieldIds(index, cfg);

  it('is the domain ticket of the shared reader plus what only the panel shows', () => {
    const ticket = toPanelTicket(bean(everything), cfg, ids);
    const { resolutionDate, cloudEnvironment, clarificationFrom, acceptedAt, ...domain } = ticket;
    expect(domain).toEqual(
      toTicket(
        bean(everything),
        {
          deliveryVersion: 'customfield_10010',
          estimatedDeliveryDate: 'customfield_10011',
          confidential: 'customfield_10013',
          organizations: 'customfield_10014',
        },
        cfg,
      ),
    );
    expect({ resolutionDate, cloudEnvironment, clarificationFrom, acceptedAt }).toEqual({
      resolutionDate: '2026-11-26T16:30:00.000Z',
      cloudEnvironment: 'Dedicated Cloud',
      clarificationFrom: 'In Progress',
      // Created with an assignee (no change of it in the changelog): accepted at its creation.
      acceptedAt: '2026-11-20T08:00:00.000Z',
    });
    expect(ticket).toMatchObject({
      kind: 'softwareDefect',
      status: 'clarification',
      priority: 'P2',
      deliveryVersion: 'CUSTOM',
      estimatedDeliveryDate: '2026-12-15',
      confidential: 'Yes',
      securityLevel: { id: '100', name: 'Support SB' },
      organizations: [{ id: '1', name: 'Acme GmbH' }],
      links: [expect.objectContaining({ direction: 'inward', otherKey: 'SUP-9', typeName: 'Delivery' })],
    });
  });

  it('asks Jira for every field the reader reads, so the page’s answer gives the same ticket', () => {
    // Jira answers only the fields asked for: what the reader reads beyond them would silently be missing.
    const answered = Object.fromEntries(Object.entries(everything).filter(([id]) => request.includes(id)));
    expect(toPanelTicket(bean(answered), cfg, ids)).toEqual(toPanelTicket(bean(everything), cfg, ids));
  });

  it('asks for nothing the panel does not show', () => {
    expect(request).not.toContain('description');
    expect(request).not.toContain('comment');
    expect(request).not.toContain('customfield_10015');
    expect(request).not.toContain('customfield_10016');
    expect(new Set(request).size).toBe(request.length);
  });

  it('leaves out what Jira does not say: an unresolved ticket, a ticket that never waited', () => {
    const ticket = toPanelTicket(
      { ...bean({ ...everything, resolutiondate: null }), changelog: { histories: [] } },
      cfg,
      ids,
    );
    expect(ticket.resolutionDate).toBeUndefined();
    expect(ticket.clarificationFrom).toBeUndefined();
  });
});

describe('the status a ticket came from when it last entered Clarification', () => {
  const { ids } = panelFieldIds(index, cfg);
  const CLARIFICATION = cfg.names.statuses.clarification;
  type History = NonNullable<IssueBean['changelog']>['histories'][number];
  const history = (
    created: string,
    items: { field: string; fromString?: string | null; toString?: string | null }[],
  ): History => ({ id: created, created, items });
  const cameFrom = (histories: History[] | undefined) =>
    toPanelTicket(
      { id: '1000', key: 'SUP-1', fields: everything, ...(histories ? { changelog: { histories } } : {}) },
      cfg,
      ids,
    ).clarificationFrom;

  it('is the latest entry’s origin, whatever order Jira lists the histories in', () => {
    expect(
      cameFrom([
        history('2026-11-22T10:00:00.000+0100', [
          { field: 'status', fromString: 'In Progress', toString: CLARIFICATION },
        ]),
        history('2026-11-21T10:00:00.000+0100', [
          { field: 'status', fromString: 'Open', toString: CLARIFICATION },
        ]),
      ]),
    ).toBe('In Progress');
  });

  it('takes the entry listed last of two at the same instant', () => {
    const at = '2026-11-22T10:00:00.000+0100';
    expect(
      cameFrom([
        history(at, [{ field: 'status', fromString: 'Open', toString: CLARIFICATION }]),
        history(at, [{ field: 'status', fromString: 'In Progress', toString: CLARIFICATION }]),
      ]),
    ).toBe('In Progress');
  });

  it('counts only status changes into Clarification', () => {
    expect(
      cameFrom([
        history('2026-11-21T10:00:00.000+0100', [
          { field: 'status', fromString: 'Open', toString: CLARIFICATION },
        ]),
        history('2026-11-22T10:00:00.000+0100', [
          { field: 'labels', fromString: 'Waiting', toString: CLARIFICATION },
          { field: 'status', fromString: CLARIFICATION, toString: 'In Progress' },
          { field: 'status', fromString: 'Resolved', toString: null },
        ]),
      ]),
    ).toBe('Open');
  });

  it('skips a history without a readable time', () => {
    expect(
      cameFrom([
        history('2026-11-21T10:00:00.000+0100', [
          { field: 'status', fromString: 'Open', toString: CLARIFICATION },
        ]),
        history('yesterday', [{ field: 'status', fromString: 'In Progress', toString: CLARIFICATION }]),
      ]),
    ).toBe('Open');
  });

  it('is unknown without a changelog', () => {
    expect(cameFrom(undefined)).toBeUndefined();
  });
});

describe('the fields the panel asks a site for', () => {
  const partial = fieldNameIndex([
    { id: 'summary', name: 'Summary' },
    custom('customfield_10010', cfg.names.fields.deliveryVersion),
    custom('customfield_10014', 'Organizations', 'com.atlassian.servicedesk:sd-customer-organizations'),
  ]);

  it('asks for the reader’s fields the site has and the resolution date, without a cloud environment', () => {
    const { ids, request } = panelFieldIds(partial, cfg);
    expect(ids.cloudEnvironment).toBeUndefined();
    expect(request).toEqual([
      ...ticketFields({ deliveryVersion: 'customfield_10010', organizations: 'customfield_10014' }),
      'resolutiondate',
    ]);
  });

  it('asks a complete site for the shown fields, the resolution date and the cloud environment', () => {
    const { ids, request } = panelFieldIds(index, cfg);
    expect(ids.cloudEnvironment).toBe('customfield_10012');
    expect(request).toEqual([
      ...ticketFields({
        deliveryVersion: 'customfield_10010',
        estimatedDeliveryDate: 'customfield_10011',
        confidential: 'customfield_10013',
        organizations: 'customfield_10014',
      }),
      'resolutiondate',
      'customfield_10012',
    ]);
  });

  it('reads the ticket without a cloud environment', () => {
    const { ids } = panelFieldIds(partial, cfg);
    const ticket = toPanelTicket(bean(everything), cfg, ids);
    expect('cloudEnvironment' in ticket).toBe(false);
    expect(ticket).toMatchObject({
      deliveryVersion: 'CUSTOM',
      organizations: [{ id: '1', name: 'Acme GmbH' }],
    });
  });
});
