import {
  auditDeliveryLinked,
  auditTicket,
  auditTicketsLinkedToDelivery,
  deliveryFor,
  deliveryLinks,
  hasVersion,
} from '../../../src/app/events/delivery/delivery-links';
import type { EventDeps } from '../../../src/app/events/event-deps';
import type { AuditEntry } from '../../../src/app/shared/audit-log';
import type { IssueLinkRef } from '../../../src/domain/ticket';
import { NOW, projectConfig, ticket } from '../../domain/events/rule-fixtures';

const config = projectConfig({
  names: { deliveryLinkType: { name: 'Shipment' }, customValue: 'NEXT' },
});

function link(id: string, typeName: string, direction: IssueLinkRef['direction']): IssueLinkRef {
  return { id, typeName, direction, otherId: `other-${id}`, otherKey: `SD-${id}` };
}

/** Deps whose audit log records what is appended. */
function recording() {
  const entries: AuditEntry[] = [];
  const deps = {
    audit: {
      async append(entry: AuditEntry) {
        entries.push(entry);
      },
    },
  } as unknown as EventDeps;
  return { entries, deps };
}

describe('delivery links: the configured link type, seen from one side', () => {
  const links = [
    link('1', 'Shipment', 'outward'),
    link('2', 'SHIPMENT', 'outward'),
    link('3', 'shipment', 'inward'),
    link('4', 'Relates', 'outward'),
    link('5', 'Shipments', 'outward'),
  ];

  it('a Delivery’s outward links of the type, in any case, are the tickets it ships', () => {
    expect(deliveryLinks(links, config, 'outward').map((l) => l.id)).toEqual(['1', '2']);
  });

  it('a ticket’s inward links of the type are the Deliveries it ships in', () => {
    expect(deliveryLinks(links, config, 'inward').map((l) => l.id)).toEqual(['3']);
  });

  it('the link type of the default configuration is “Delivery”', () => {
    expect(deliveryLinks([link('6', 'delivery', 'inward')], projectConfig(), 'inward')).toHaveLength(1);
  });
});

describe('delivery version: a ticket names one when the field is set', () => {
  it.each([
    { version: undefined, has: false },
    { version: '2026.12', has: true },
    { version: '', has: true },
  ])('version $version: $has', ({ version, has }) => {
    expect(hasVersion(ticket({ deliveryVersion: version }))).toBe(has);
  });
});

describe('delivery for a ticket: its own customer’s Planned Delivery of its version', () => {
  const candidates = [
    { id: 'd1', key: 'SD-101', version: '2026.12', organizationIds: ['2'], estimatedDate: '2026-12-01' },
    { id: 'd2', key: 'SD-102', version: '2026.12', organizationIds: ['1'], estimatedDate: '2026-12-20' },
    { id: 'd3', key: 'SD-103', version: '2027.01', organizationIds: ['1'], estimatedDate: '2026-12-10' },
  ];

  it('a version names the customer’s Delivery of that version', () => {
    const t = ticket({ deliveryVersion: '2026.12' }) as ReturnType<typeof ticket> & {
      deliveryVersion: string;
    };
    expect(deliveryFor(t, candidates, config)?.key).toBe('SD-102');
  });

  it('the project’s custom value names the customer’s next Delivery', () => {
    const t = ticket({ deliveryVersion: 'next' }) as ReturnType<typeof ticket> & { deliveryVersion: string };
    expect(deliveryFor(t, candidates, config)?.key).toBe('SD-103');
  });

  it('a ticket of no organization has no Delivery', () => {
    const t = ticket({ deliveryVersion: '2026.12', organizations: [] }) as ReturnType<typeof ticket> & {
      deliveryVersion: string;
    };
    expect(deliveryFor(t, candidates, config)).toBeUndefined();
  });
});

describe('delivery audits: what the Delivery rules did, on the ticket and on the Delivery', () => {
  const t = ticket({ id: '10001', key: 'SD-1', projectKey: 'SD' });
  const onTicket = {
    at: NOW.toISOString(),
    projectKey: 'SD',
    issueKey: 'SD-1',
    issueId: '10001',
    source: 'event',
  };

  it('an entry of the ticket names it and the event side', async () => {
    const r = recording();
    await auditTicket(r.deps, t, { action: 'deliveryShipped', outcome: 'done', idempotencyKey: 'k1' }, NOW);
    expect(r.entries).toEqual([
      { ...onTicket, action: 'deliveryShipped', outcome: 'done', idempotencyKey: 'k1' },
    ]);
  });

  it('a link is done unless it is a dry run; its detail is the Delivery’s key', async () => {
    const r = recording();
    await auditDeliveryLinked(r.deps, t, 'SD-102', NOW);
    await auditDeliveryLinked(r.deps, t, 'SD-103', NOW, 'dryRun');
    expect(r.entries).toEqual([
      { ...onTicket, action: 'deliveryLinked', outcome: 'done', detail: 'SD-102' },
      { ...onTicket, action: 'deliveryLinked', outcome: 'dryRun', detail: 'SD-103' },
    ]);
  });

  it.each([
    { tickets: ['20001', '20002', '20003'], detail: 'tickets:3', key: 'd2:linked:20001' },
    { tickets: [], detail: 'tickets:0', key: 'd2:linked:' },
  ])('a batch of $detail linked is one entry on the Delivery', async ({ tickets, detail, key }) => {
    const r = recording();
    await auditTicketsLinkedToDelivery(r.deps, { id: 'd2', key: 'SD-102', projectKey: 'DL' }, tickets, NOW);
    expect(r.entries).toEqual([
      {
        at: NOW.toISOString(),
        projectKey: 'DL',
        issueKey: 'SD-102',
        issueId: 'd2',
        action: 'deliveryTicketsLinked',
        outcome: 'done',
        source: 'event',
        detail,
        idempotencyKey: key,
      },
    ]);
  });
});
