import { moveIntoDelivery, placementOf } from '../../../src/app/events/delivery/delivery-move';
import type { EventDeps } from '../../../src/app/events/event-deps';
import type { AuditEntry } from '../../../src/app/shared/audit-log';
import { readStoredCopy } from '../../../src/app/shared/portal-copy';
import { recentChanges } from '../../../src/app/shared/recent-changes';
import { markStateWrite, readStateWrite } from '../../../src/app/shared/state-write-marker';
import type { DeliveryCandidate } from '../../../src/domain/delivery';
import { DELIVERY_MISSING_FLAG } from '../../../src/domain/delivery';
import { initialState, PROCESS_STATE_KEY, type ProcessState } from '../../../src/domain/process-state';
import type { IssueLinkRef } from '../../../src/domain/ticket';
import { MemoryStore } from '../../support/memory-store';
import { NOW, projectConfig, ticket } from '../../domain/events/rule-fixtures';

const config = projectConfig({ names: { deliveryLinkType: { name: 'Shipment' } } });

const D1: DeliveryCandidate = { id: 'd1', key: 'DL-1', organizationIds: ['1'], version: '2026.11' };
const D2: DeliveryCandidate = { id: 'd2', key: 'DL-2', organizationIds: ['1'], version: '2026.12' };
const CANDIDATES = [D1, D2];

/** A link of the ticket to Delivery `delivery`: the ticket is the link's destination (`inward`). */
function shippedIn(
  linkId: string,
  delivery: DeliveryCandidate | { id: string; key: string },
  typeName = 'Shipment',
) {
  const link: IssueLinkRef = {
    id: linkId,
    typeName,
    direction: 'inward',
    otherId: delivery.id,
    otherKey: delivery.key,
  };
  return link;
}

const stateAt = (iso: string, flags: string[] = []): ProcessState => ({
  ...initialState(new Date(iso), 's-pending'),
  flags,
});

/**
 * A site recording, in order, every link change and property write (`calls`), with the ticket's stored state
 * `property` as a fresh read returns it.
 */
function site(property?: ProcessState) {
  const store = new MemoryStore();
  const calls: string[] = [];
  const audits: AuditEntry[] = [];
  const written: unknown[] = [];
  const deps = {
    store,
    links: {
      async deleteLink(linkId: string) {
        calls.push(`delete ${linkId}`);
      },
      async createLink(typeName: string, source: string, destination: string) {
        calls.push(`create ${typeName} ${source} -> ${destination}`);
      },
    },
    jira: {
      async getIssueProperty(key: string, propertyKey: string) {
        calls.push(`get ${key} ${propertyKey}`);
        return property;
      },
      async setIssueProperty(key: string, propertyKey: string, value: unknown) {
        const marker = await readStateWrite(store, '10001');
        calls.push(`set ${key} ${propertyKey} (marked ${marker?.updatedAt} by ${marker?.writer})`);
        written.push(value);
      },
    },
    audit: {
      async append(entry: AuditEntry) {
        audits.push(entry);
      },
    },
  } as unknown as EventDeps;
  return { deps, store, calls, audits, written };
}

/** The copies KVS holds a mark for (the next view reads the issue again). */
async function dropped(store: MemoryStore, keys: string[]): Promise<string[]> {
  const marked = await Promise.all(keys.map(async (key) => ((await readStoredCopy(store, key)) ? key : '')));
  return marked.filter((key) => key !== '');
}

const KEYS = ['SD-1', 'DL-1', 'DL-2'];

describe('placement of a ticket: the links its move into a Delivery deletes and creates', () => {
  it('only its inward links of the configured type count', () => {
    const t = ticket({
      links: [
        shippedIn('l1', D1),
        shippedIn('l2', D2, 'Relates'),
        { ...shippedIn('l3', D2), direction: 'outward' },
        shippedIn('l4', D2, 'SHIPMENT'),
      ],
    });
    expect(placementOf(config, t, CANDIDATES, D1)).toEqual({
      unlink: [{ linkId: 'l4', deliveryId: 'd2' }],
      link: false,
    });
  });

  it('without a target every link to a Planned Delivery goes, others stay', () => {
    const t = ticket({ links: [shippedIn('l1', D1), shippedIn('l9', { id: 'd9', key: 'DL-9' })] });
    expect(placementOf(config, t, CANDIDATES, undefined)).toEqual({
      unlink: [{ linkId: 'l1', deliveryId: 'd1' }],
      link: false,
    });
  });
});

describe('moving a ticket into its Delivery', () => {
  it('from another Planned Delivery: that link goes, the target’s comes, both Deliveries are touched', async () => {
    const s = site();
    const t = ticket({ links: [shippedIn('l1', D1)] });
    await expect(moveIntoDelivery(s.deps, config, t, CANDIDATES, D2, NOW)).resolves.toEqual({
      touched: new Set(['d1', 'd2']),
      linked: true,
    });
    expect(s.calls).toEqual(['delete l1', 'create Shipment DL-2 -> SD-1']);
    await expect(dropped(s.store, KEYS)).resolves.toEqual(['SD-1', 'DL-1', 'DL-2']);
    expect(s.audits).toEqual([
      {
        at: NOW.toISOString(),
        projectKey: 'SD',
        issueKey: 'SD-1',
        issueId: '10001',
        source: 'event',
        action: 'deliveryLinked',
        outcome: 'done',
        detail: 'DL-2',
      },
    ]);
  });

  it('a ticket whose links change is a recent change of the project, so searches reconcile it', async () => {
    const s = site();
    await moveIntoDelivery(s.deps, config, ticket(), CANDIDATES, D2, NOW);
    await expect(recentChanges(s.store, 'SD', NOW)).resolves.toEqual({
      deliveries: [],
      tickets: [10001],
      deliveryMark: '',
    });
  });

  it('a ticket only linked: its copy and its Delivery’s go stale, the other Delivery’s stays', async () => {
    const s = site();
    await moveIntoDelivery(s.deps, config, ticket(), CANDIDATES, D2, NOW);
    await expect(dropped(s.store, KEYS)).resolves.toEqual(['SD-1', 'DL-2']);
  });

  it('a ticket only unlinked is a recent change too', async () => {
    const s = site();
    await moveIntoDelivery(
      s.deps,
      config,
      ticket({ links: [shippedIn('l1', D1)] }),
      CANDIDATES,
      undefined,
      NOW,
    );
    await expect(recentChanges(s.store, 'SD', NOW)).resolves.toEqual({
      deliveries: [],
      tickets: [10001],
      deliveryMark: '',
    });
  });

  it('already in its Delivery: no link changes, nothing touched, no recent change, no audit', async () => {
    const s = site();
    const t = ticket({ links: [shippedIn('l2', D2)] });
    await expect(moveIntoDelivery(s.deps, config, t, CANDIDATES, D2, NOW)).resolves.toEqual({
      touched: new Set(),
      linked: false,
    });
    expect(s.calls).toEqual([]);
    await expect(dropped(s.store, KEYS)).resolves.toEqual([]);
    await expect(recentChanges(s.store, 'SD', NOW)).resolves.toEqual({
      deliveries: [],
      tickets: [],
      deliveryMark: '',
    });
    expect(s.audits).toEqual([]);
  });

  it('no Delivery to go to: its Planned links go, nothing is created, and its state is not read', async () => {
    const s = site(stateAt('2026-11-27T09:00:00Z', [DELIVERY_MISSING_FLAG]));
    await markStateWrite(s.store, '10001', '2026-11-27T09:00:00.000Z', 'sweep-key', 'sweep');
    const t = ticket({ links: [shippedIn('l1', D1), shippedIn('l2', D2)] });
    await expect(moveIntoDelivery(s.deps, config, t, CANDIDATES, undefined, NOW)).resolves.toEqual({
      touched: new Set(['d1', 'd2']),
      linked: false,
    });
    expect(s.calls).toEqual(['delete l1', 'delete l2']);
    await expect(dropped(s.store, KEYS)).resolves.toEqual(['SD-1', 'DL-1', 'DL-2']);
    expect(s.audits).toEqual([]);
  });

  it('a Delivery no longer Planned keeps its link and its copy', async () => {
    const s = site();
    const shipped = { id: 'd9', key: 'DL-9' };
    const t = ticket({ links: [shippedIn('l9', shipped)] });
    const move = await moveIntoDelivery(s.deps, config, t, CANDIDATES, D2, NOW);
    expect(move.touched).toEqual(new Set(['d2']));
    expect(s.calls).not.toContain('delete l9');
    await expect(dropped(s.store, ['DL-9'])).resolves.toEqual([]);
  });
});

describe('the “no Delivery yet” flag is cleared once the ticket has a Delivery', () => {
  const SEARCHED = '2026-11-27T09:00:00.000Z';

  it('the state the search returned loses the flag, announced by a marker before the write', async () => {
    const s = site();
    const t = ticket({ state: stateAt(SEARCHED, [DELIVERY_MISSING_FLAG, 'other']) });
    await moveIntoDelivery(s.deps, config, t, CANDIDATES, D2, NOW);
    expect(s.calls).toEqual([
      'create Shipment DL-2 -> SD-1',
      `set SD-1 ${PROCESS_STATE_KEY} (marked ${NOW.toISOString()} by event)`,
    ]);
    expect(s.written).toEqual([{ ...stateAt(SEARCHED, ['other']), updatedAt: NOW.toISOString() }]);
  });

  it('a ticket already in its Delivery loses the flag too', async () => {
    const s = site();
    const t = ticket({ links: [shippedIn('l2', D2)], state: stateAt(SEARCHED, [DELIVERY_MISSING_FLAG]) });
    await moveIntoDelivery(s.deps, config, t, CANDIDATES, D2, NOW);
    expect(s.written).toEqual([{ ...stateAt(SEARCHED), updatedAt: NOW.toISOString() }]);
  });

  it('a state without the flag is not written', async () => {
    const s = site();
    await moveIntoDelivery(
      s.deps,
      config,
      ticket({ state: stateAt(SEARCHED, ['other']) }),
      CANDIDATES,
      D2,
      NOW,
    );
    expect(s.written).toEqual([]);
    expect(s.calls).toEqual(['create Shipment DL-2 -> SD-1']);
  });

  it.each(['event', 'sweep'] as const)(
    'a state written since the search (marked on the %s channel) is read fresh and decides',
    async (channel) => {
      const fresh = { ...stateAt('2026-11-27T09:30:00.000Z', [DELIVERY_MISSING_FLAG]), cycle: 2 };
      const s = site(fresh);
      await markStateWrite(s.store, '10001', '2026-11-27T09:30:00.000Z', 'sweep-key', channel);
      await moveIntoDelivery(s.deps, config, ticket({ state: stateAt(SEARCHED) }), CANDIDATES, D2, NOW);
      expect(s.written).toEqual([{ ...fresh, flags: [], updatedAt: NOW.toISOString() }]);
    },
  );

  it('a fresh state without the flag is left alone, whatever the search said', async () => {
    const s = site(stateAt('2026-11-27T09:30:00.000Z'));
    await markStateWrite(s.store, '10001', '2026-11-27T09:30:00.000Z', 'sweep-key', 'sweep');
    const t = ticket({ state: stateAt(SEARCHED, [DELIVERY_MISSING_FLAG]) });
    await moveIntoDelivery(s.deps, config, t, CANDIDATES, D2, NOW);
    expect(s.written).toEqual([]);
  });

  it('a marker older than the searched state leaves the search’s state to decide, without a read', async () => {
    const s = site(stateAt('2026-11-27T08:00:00.000Z'));
    await markStateWrite(s.store, '10001', '2026-11-27T08:00:00.000Z', 'sweep-key', 'sweep');
    const t = ticket({ state: stateAt(SEARCHED, [DELIVERY_MISSING_FLAG]) });
    await moveIntoDelivery(s.deps, config, t, CANDIDATES, D2, NOW);
    expect(s.calls.filter((c) => c.startsWith('get'))).toEqual([]);
    expect(s.written).toHaveLength(1);
  });

  it('a ticket without a state reads the property when a marker exists', async () => {
    const s = site(stateAt('2026-11-27T09:30:00.000Z', [DELIVERY_MISSING_FLAG]));
    await markStateWrite(s.store, '10001', '2026-11-27T09:30:00.000Z', 'event');
    await moveIntoDelivery(s.deps, config, ticket({ links: [shippedIn('l2', D2)] }), CANDIDATES, D2, NOW);
    expect(s.written).toHaveLength(1);
  });

  it('an unreadable fresh state is not written', async () => {
    const s = site({ flags: [DELIVERY_MISSING_FLAG] } as unknown as ProcessState);
    await moveIntoDelivery(s.deps, config, ticket({ links: [shippedIn('l2', D2)] }), CANDIDATES, D2, NOW);
    expect(s.written).toEqual([]);
  });
});
