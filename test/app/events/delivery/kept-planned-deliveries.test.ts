import {
  customersPlannedDeliveries,
  forgetCustomersPlannedDeliveries,
  KEEP_MS,
} from '../../../../src/app/events/delivery/kept-planned-deliveries';
import type { EventDeps } from '../../../../src/app/events/event-deps';
import type { IssueBean, SearchRequest } from '../../../../src/app/ports/jira';
import {
  NO_RECENT_CHANGES,
  noteRecentChange,
  recentChanges,
} from '../../../../src/app/shared/recent-changes';
import type { FieldIds } from '../../../../src/domain/ticket';
import { ExpiringStore, MemoryStore } from '../../../support/memory-store';
import { projectConfig } from '../../../domain/events/rule-fixtures';

const IDS: FieldIds = {
  deliveryVersion: 'customfield_10010',
  organizations: 'customfield_10002',
  estimatedDeliveryDate: 'customfield_10020',
};
const config = projectConfig();
const T0 = new Date('2026-11-30T10:00:00Z');
const after = (ms: number) => new Date(T0.getTime() + ms);

const delivery = (id: string, version?: string, date?: string): IssueBean => ({
  id,
  key: `SD-${id}`,
  fields: {
    ...(version ? { customfield_10010: version } : {}),
    customfield_10002: [{ id: '1', name: 'ACME' }],
    ...(date ? { customfield_10020: date } : {}),
  },
});

/** A site whose search returns `planned` (changeable between calls); the searches are recorded. */
function site(planned: IssueBean[]) {
  const store = new MemoryStore();
  const searches: Omit<SearchRequest, 'nextPageToken'>[] = [];
  const state = { planned };
  const deps = {
    store,
    jira: {
      async searchAll(request: Omit<SearchRequest, 'nextPageToken'>) {
        searches.push(request);
        return state.planned;
      },
    },
  } as unknown as EventDeps;
  const ask = async (at: Date, customers: readonly string[] = ['ACME']) =>
    customersPlannedDeliveries(deps, config, IDS, await recentChanges(store, 'SD', at), customers, at);
  return { store, searches, state, ask };
}

describe("a customer's Planned Deliveries kept for a burst of moves into Delivery Pending", () => {
  it('the next ticket of the customer within the keep asks Jira nothing and gets the same Deliveries', async () => {
    const s = site([delivery('20001', '14.1', '2026-12-10'), delivery('20002')]);
    const first = await s.ask(T0);
    expect(first).toStrictEqual([
      { id: '20001', key: 'SD-20001', organizationIds: ['1'], version: '14.1', estimatedDate: '2026-12-10' },
      { id: '20002', key: 'SD-20002', organizationIds: ['1'] },
    ]);
    s.state.planned = [];
    await expect(s.ask(T0)).resolves.toStrictEqual(first);
    await expect(s.ask(after(KEEP_MS - 1))).resolves.toStrictEqual(first);
    expect(s.searches).toHaveLength(1);
  });

  it('KVS lets a record go after a day, should nobody search over it', async () => {
    const store = new ExpiringStore();
    const deps = { store, jira: { searchAll: async () => [] } } as unknown as EventDeps;
    await customersPlannedDeliveries(deps, config, IDS, NO_RECENT_CHANGES, ['ACME'], T0);
    expect(store.data.size).toBe(1);
    store.advanceDays(1);
    expect(store.data.size).toBe(0);
  });

  it.each<[string, (s: ReturnType<typeof site>) => Promise<Date>]>([
    ['the keep has passed', async () => after(KEEP_MS)],
    [
      'a Delivery change was noted since the search',
      async (s) => {
        await noteRecentChange(s.store, 'SD', '20003', 'delivery', after(1_000));
        return after(2_000);
      },
    ],
    [
      'a Delivery the search reconciled was noted again',
      async (s) => {
        await noteRecentChange(s.store, 'SD', '20001', 'delivery', after(1_000));
        return after(2_000);
      },
    ],
    ['the clock reads earlier than the search (another invocation’s clock)', async () => after(-1)],
  ])('searches again when %s', async (_name, between) => {
    const s = site([delivery('20001', '14.1')]);
    await noteRecentChange(s.store, 'SD', '20001', 'delivery', after(-5_000));
    await s.ask(T0);
    const at = await between(s);
    s.state.planned = [delivery('20003', '14.2')];
    await expect(s.ask(at)).resolves.toEqual([
      { id: '20003', key: 'SD-20003', organizationIds: ['1'], version: '14.2' },
    ]);
    expect(s.searches).toHaveLength(2);
  });

  it('a ticket change noted meanwhile keeps the answer (it changes no Delivery)', async () => {
    const s = site([delivery('20001', '14.1')]);
    await s.ask(T0);
    await noteRecentChange(s.store, 'SD', '10001', 'ticket', after(1_000));
    await s.ask(after(2_000));
    expect(s.searches).toHaveLength(1);
  });

  it('each set of customers has its own answer, whatever the order of their names', async () => {
    const s = site([delivery('20001', '14.1')]);
    await s.ask(T0, ['ACME', 'BETA']);
    await s.ask(after(1_000), ['BETA', 'ACME', 'BETA']);
    expect(s.searches).toHaveLength(1);
    await s.ask(after(2_000), ['ACME']);
    expect(s.searches).toHaveLength(2);
    expect(s.searches[1]?.jql).toContain('cf[10002] in ("ACME")');
  });

  it('the search reconciles the recent Delivery changes, as without the keep', async () => {
    const s = site([]);
    await noteRecentChange(s.store, 'SD', '20005', 'delivery', after(-1_000));
    await s.ask(T0);
    expect(s.searches[0]?.reconcileIssues).toEqual([20005]);
  });

  it('a record KVS holds in another shape is searched over and replaced', async () => {
    const s = site([delivery('20001', '14.1')]);
    await s.ask(T0);
    const [key] = [...s.store.data.keys()].filter((k) => k.startsWith('delivery:planned:SD:'));
    expect(key).toMatch(/^delivery:planned:SD:[0-9a-f]{32}$/);
    await s.store.set(key ?? '', { searchedAt: T0.toISOString(), candidates: 'all' });
    await s.ask(after(1_000));
    await s.ask(after(2_000));
    expect(s.searches).toHaveLength(2);
  });

  it('a forgotten answer is searched again by the next ticket; other customers keep theirs', async () => {
    const s = site([delivery('20001', '14.1')]);
    await s.ask(T0);
    await s.ask(T0, ['BETA']);
    await forgetCustomersPlannedDeliveries(s.store, 'SD', ['ACME']);
    await s.ask(after(1_000));
    await s.ask(after(1_000), ['BETA']);
    expect(s.searches).toHaveLength(3);
  });
});
