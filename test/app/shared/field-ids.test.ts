import {
  cachedFieldNameIndex,
  fieldIdByName,
  fieldIdsOf,
  fieldNameIndex,
  forgetFieldNameIndex,
  resolveFieldIds,
} from '../../../src/app/shared/field-ids';
import type { JiraField } from '../../../src/app/ports/jira';
import { projectConfig } from '../../domain/events/rule-fixtures';
import { ExpiringStore, MemoryStore } from '../../support/memory-store';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = new Date('2026-11-30T08:00:00Z');

const config = projectConfig();
const configured = Object.values(config.names.fields);
/** The site's fields: every configured name, or all but one ("incomplete"). */
const siteFields = (complete: boolean): JiraField[] =>
  configured
    .filter((_, i) => complete || i !== 0)
    .map((name, i) => ({ id: `customfield_${10000 + i}`, name }));

function site(complete: boolean) {
  const reads: Date[] = [];
  let now = T0;
  const jira = {
    async getFields() {
      reads.push(now);
      return siteFields(complete);
    },
  };
  return {
    reads,
    jira,
    at(ms: number) {
      now = new Date(T0.getTime() + ms);
      return now;
    },
  };
}

describe('field ids: the field list is read once a week, once a day while a configured name is missing', () => {
  const rows: { name: string; complete: boolean; second: number; reads: number }[] = [
    { name: 'complete, at the same moment', complete: true, second: 0, reads: 1 },
    { name: 'complete, an hour later', complete: true, second: HOUR, reads: 1 },
    { name: 'complete, just under a week later', complete: true, second: 7 * DAY - 1, reads: 1 },
    { name: 'complete, a week later', complete: true, second: 7 * DAY, reads: 2 },
    { name: 'a name missing, just under a day later', complete: false, second: DAY - 1, reads: 1 },
    { name: 'a name missing, a day later', complete: false, second: DAY, reads: 2 },
    { name: 'a copy from the future (clock skew) is not trusted', complete: true, second: -1, reads: 2 },
  ];
  it.each(rows)('$name: $reads read(s)', async ({ complete, second, reads }) => {
    const store = new MemoryStore();
    const s = site(complete);
    const first = await resolveFieldIds(s.jira, store, config, s.at(0));
    const again = await resolveFieldIds(s.jira, store, config, s.at(second));
    expect(s.reads).toHaveLength(reads);
    expect(again).toEqual(first);
    expect(first.deliveryVersion === undefined).toBe(!complete);
  });

  it('a settings save forgets the list: the next event reads it again', async () => {
    const store = new MemoryStore();
    const s = site(true);
    await resolveFieldIds(s.jira, store, config, s.at(0));
    await forgetFieldNameIndex(store);
    await resolveFieldIds(s.jira, store, config, s.at(HOUR));
    expect(s.reads).toHaveLength(2);
  });
});

const ORGANIZATIONS = 'com.atlassian.servicedesk:sd-customer-organizations';
const REQUEST_TYPE = 'com.atlassian.servicedesk:vp-origin';
const field = (id: string, name: string, custom?: string): JiraField => ({
  id,
  name,
  ...(custom ? { schema: { type: 'any', custom } } : {}),
});

describe('the field index: names as Jira resolves them', () => {
  it('finds a field by its name whatever the case and blanks of either side', () => {
    const index = fieldNameIndex([field('customfield_1', ' Delivery Version ')]);
    expect(fieldIdByName(index, 'delivery version')).toBe('customfield_1');
    expect(fieldIdByName(index, '  DELIVERY VERSION')).toBe('customfield_1');
    expect(fieldIdByName(index, 'Delivery')).toBeUndefined();
  });

  it('of two fields with one name, the first wins', () => {
    const index = fieldNameIndex([
      field('customfield_1', 'Affected system'),
      field('customfield_2', 'affected system'),
    ]);
    expect(fieldIdByName(index, 'Affected system')).toBe('customfield_1');
  });

  it('finds the JSM fields by their schema, the first of each', () => {
    const ids = fieldIdsOf(
      fieldNameIndex([
        field('customfield_5', 'Kunden-Organisationen', ORGANIZATIONS),
        field('customfield_6', 'Anfragetyp', REQUEST_TYPE),
        field('customfield_7', 'Organizations (old)', ORGANIZATIONS),
        field('customfield_8', 'Request Type (old)', REQUEST_TYPE),
      ]),
      config,
    );
    expect(ids).toStrictEqual({ organizations: 'customfield_5', requestType: 'customfield_6' });
  });

  it('a field named like a property of every object is found as any other, and a missing one is not', () => {
    const index = fieldNameIndex([
      field('customfield_9', '__proto__'),
      field('customfield_10', 'constructor'),
    ]);
    expect(fieldIdByName(index, '__proto__')).toBe('customfield_9');
    expect(fieldIdByName(index, 'constructor')).toBe('customfield_10');
    expect(fieldIdByName(index, 'toString')).toBeUndefined();
    expect(fieldIdByName(fieldNameIndex([]), 'constructor')).toBeUndefined();
  });
});

describe('fieldIdsOf: each configured name as the site’s field id', () => {
  it('maps every role whose name the site has, and leaves out the others', () => {
    const f = config.names.fields;
    const index = fieldNameIndex([
      field('customfield_1', f.deliveryVersion),
      field('customfield_2', f.confidential),
      field('customfield_3', f.affectedSystem),
      field('customfield_4', f.systemReachable),
      field('customfield_5', f.estimatedDeliveryDate),
      field('customfield_6', f.includedTickets),
    ]);
    expect(fieldIdsOf(index, config)).toStrictEqual({
      deliveryVersion: 'customfield_1',
      confidential: 'customfield_2',
      affectedSystem: 'customfield_3',
      systemReachable: 'customfield_4',
      estimatedDeliveryDate: 'customfield_5',
      includedTickets: 'customfield_6',
    });
    expect(fieldIdsOf(fieldNameIndex([]), config)).toStrictEqual({});
  });

  it('a configured name like a property of every object resolves from the kept index too', async () => {
    const odd = projectConfig({ names: { fields: { deliveryVersion: '__proto__' } } });
    const store = new MemoryStore();
    const fields = [field('customfield_9', '__proto__')];
    const jira = { getFields: async () => fields };
    await resolveFieldIds(jira, store, odd, T0);
    const kept = await cachedFieldNameIndex(store, new Date(T0.getTime() + HOUR), odd);
    expect(kept && fieldIdByName(kept, '__proto__')).toBe('customfield_9');
    await expect(resolveFieldIds(jira, store, odd, new Date(T0.getTime() + HOUR))).resolves.toMatchObject({
      deliveryVersion: 'customfield_9',
    });
  });
});

describe('the kept field index', () => {
  it('nothing kept, or a copy without a readable time, is no index', async () => {
    const store = new MemoryStore();
    expect(await cachedFieldNameIndex(store, T0, config)).toBeUndefined();
    await store.set('events:field-ids', { at: 'yesterday', byName: { summary: 'summary' } });
    expect(await cachedFieldNameIndex(store, T0, config)).toBeUndefined();
  });

  it('KVS itself lets the kept index go after a week', async () => {
    const store = new ExpiringStore();
    await resolveFieldIds(site(true).jira, store, config, T0);
    store.advanceDays(6);
    expect(await store.get('events:field-ids')).toBeDefined();
    store.advanceDays(1);
    expect(await store.get('events:field-ids')).toBeUndefined();
  });
});
