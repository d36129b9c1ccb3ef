import type { KeyValueStore } from '../../../src/app/ports';
import type { IssueBean } from '../../../src/app/ports/jira';
import {
  afterRead,
  copyOf,
  createCopyRecord,
  dropPortalCopy,
  keepPortalCopy,
  laterThan,
  patchPortalCopy,
  portalFieldIds,
  portalFields,
  readPortalCopy,
  readStoredCopy,
  type StoredCopy,
  updatedOf,
} from '../../../src/app/shared/portal-copy';
import { PROCESS_STATE_KEY } from '../../../src/domain/process-state';
import { CUSTOMER_STATE_KEY } from '../../../src/domain/service/customer-state';
import { MemoryStore } from '../../support/memory-store';

const T0 = '2026-11-30T09:00:00.000+0000';
const T1 = '2026-11-30T09:05:00.000+0000';
const T2 = '2026-11-30T09:10:00.000+0000';

const KEY = 'portal:copy:SD-1';
const OPEN = { id: '1', name: 'Open' };
const CLOSED = { id: '6', name: 'Closed' };

/** SD-1 as Jira returns it, `updated` at `updated`. */
function issue(updated: string | undefined, fields: Record<string, unknown> = {}): IssueBean {
  return {
    id: '10001',
    key: 'SD-1',
    fields: { summary: 'CSV import', status: OPEN, ...(updated ? { updated } : {}), ...fields },
    properties: { [PROCESS_STATE_KEY]: { timer: 'none' } },
  };
}

/** A store that counts its writes and can be told to refuse every `set` of a copy (a mark still goes through). */
class CountingStore extends MemoryStore {
  writes = 0;
  refuseCopies = false;
  override async set<T>(key: string, value: T): Promise<void> {
    this.writes += 1;
    if (this.refuseCopies && (value as StoredCopy).bean) throw new Error('value too large');
    return super.set(key, value);
  }
}

describe('the fields the portal reads', () => {
  it('takes the portal’s custom fields by role and leaves the rules’ own custom fields out', () => {
    const ids = {
      deliveryVersion: 'customfield_1',
      estimatedDeliveryDate: 'customfield_2',
      confidential: 'customfield_3',
      organizations: 'customfield_4',
      affectedSystem: 'customfield_5',
      requestType: 'customfield_6',
    };
    expect(portalFieldIds(ids)).toEqual({
      deliveryVersion: 'customfield_1',
      estimatedDeliveryDate: 'customfield_2',
      confidential: 'customfield_3',
      organizations: 'customfield_4',
    });
    expect(portalFields(ids)).toEqual(
      expect.arrayContaining([
        'summary',
        'status',
        'customfield_1',
        'customfield_2',
        'customfield_3',
        'customfield_4',
      ]),
    );
    expect(portalFields(ids)).not.toContain('customfield_5');
    expect(portalFields(ids)).not.toContain('customfield_6');
  });

  it('a role the site has no field for is left out', () => {
    expect(portalFieldIds({ organizations: 'customfield_4' })).toEqual({ organizations: 'customfield_4' });
  });
});

describe('laterThan: Jira’s updated instants compared as instants', () => {
  it.each([
    [T1, T0, true],
    [T0, T1, false],
    [T1, T1, false],
    // The same instant in another offset is not later; an earlier text can be the later instant.
    ['2026-11-30T10:05:00.000+0100', T1, false],
    ['2026-11-30T08:06:00.000-0100', T1, true],
  ])('%s later than %s: %s', (a, b, expected) => {
    expect(laterThan(a, b)).toBe(expected);
  });
});

describe('copyOf: only the portal’s fields, people as account ids, links as ids', () => {
  it('keeps the named fields that are present, and both copied properties', () => {
    const bean: IssueBean = {
      id: '10001',
      key: 'SD-1',
      fields: { summary: 'CSV import', status: OPEN, description: 'secret', priority: null },
      properties: {
        [PROCESS_STATE_KEY]: { timer: 'none' },
        [CUSTOMER_STATE_KEY]: { seen: 1 },
        other: { x: 1 },
      },
    };
    expect(copyOf(bean, ['summary', 'status', 'priority', 'assignee'])).toEqual({
      id: '10001',
      key: 'SD-1',
      fields: { summary: 'CSV import', status: OPEN, priority: null },
      properties: { [PROCESS_STATE_KEY]: { timer: 'none' }, [CUSTOMER_STATE_KEY]: { seen: 1 } },
    });
  });

  it('an issue without key, fields or properties copies as empty', () => {
    expect(copyOf({ id: '10001' }, ['summary'])).toEqual({
      id: '10001',
      key: '',
      fields: {},
      properties: {},
    });
  });

  it.each([
    [
      'reporter',
      { accountId: 'acme-1', displayName: 'Ann Acme', emailAddress: 'ann@acme.example' },
      { accountId: 'acme-1' },
    ],
    ['assignee', { accountId: 'agent-1', displayName: 'Bob Agent' }, { accountId: 'agent-1' }],
    ['reporter', null, null],
    ['assignee', { displayName: 'Nobody' }, null],
  ])('a person (%s) keeps the account id only, or null', (field, value, copied) => {
    expect(copyOf(issue(T0, { [field]: value }), [field]).fields).toEqual({ [field]: copied });
  });

  it('a link keeps its id, its type’s name and the other issue’s id and key', () => {
    const links = [
      {
        id: '500',
        type: { id: '10000', name: 'Delivery', inward: 'is delivered by', outward: 'delivers' },
        outwardIssue: { id: '20001', key: 'DEL-1', fields: { summary: 'Release 7', status: OPEN } },
      },
      {
        id: '501',
        type: { name: 'Relates' },
        inwardIssue: { id: '20002', key: 'SD-9', fields: { summary: 'Other' } },
      },
      { id: '502', outwardIssue: { id: '20003', key: 'SD-3' } },
      'not a link',
    ];
    expect(copyOf(issue(T0, { issuelinks: links }), ['issuelinks']).fields).toEqual({
      issuelinks: [
        { id: '500', type: { name: 'Delivery' }, outwardIssue: { id: '20001', key: 'DEL-1' } },
        { id: '501', type: { name: 'Relates' }, inwardIssue: { id: '20002', key: 'SD-9' } },
      ],
    });
  });

  it('a link whose sides are not objects keeps neither side', () => {
    const links = [{ id: '503', type: { name: 'Delivery' }, outwardIssue: 'DEL-1', inwardIssue: null }];
    expect(copyOf(issue(T0, { issuelinks: links }), ['issuelinks']).fields).toEqual({
      issuelinks: [{ id: '503', type: { name: 'Delivery' } }],
    });
  });

  it('a list in any other field (the organizations) is kept as it is', () => {
    const organizations = [{ id: '1', name: 'Acme GmbH' }];
    expect(copyOf(issue(T0, { customfield_4: organizations }), ['customfield_4']).fields).toEqual({
      customfield_4: organizations,
    });
  });

  it('an issuelinks value that is not a list is kept as it is', () => {
    expect(copyOf(issue(T0, { issuelinks: 'none' }), ['issuelinks']).fields).toEqual({ issuelinks: 'none' });
  });
});

describe('updatedOf', () => {
  it.each([
    [issue(T1), T1],
    [issue(undefined), undefined],
    [issue(undefined, { updated: 1_700_000_000 }), undefined],
    [{ id: '10001' }, undefined],
  ])('reads Jira’s updated text only (%#)', (bean, expected) => {
    expect(updatedOf(bean)).toBe(expected);
  });
});

describe('reading what KVS holds', () => {
  const copy = { bean: copyOf(issue(T0), ['summary']), basis: T0 };
  it.each<[string, unknown, unknown, IssueBean | undefined]>([
    ['nothing', undefined, undefined, undefined],
    ['a mark', { floor: T1 }, { floor: T1 }, undefined],
    ['a copy', copy, copy, copy.bean],
    ['a value that is not a record', ['SD-1'], undefined, undefined],
    ['a copy whose bean is not a record', { bean: 'SD-1' }, { bean: 'SD-1' }, undefined],
  ])('%s', async (_case, held, stored, bean) => {
    const store = new MemoryStore();
    if (held !== undefined) await store.set(KEY, held);
    expect(await readStoredCopy(store, 'SD-1')).toEqual(stored);
    expect(await readPortalCopy(store, 'SD-1')).toEqual(bean);
  });

  it('a copy is read under its own issue key only', async () => {
    const store = new MemoryStore();
    await dropPortalCopy(store, 'SD-2', T1);
    expect(await readStoredCopy(store, 'SD-1')).toBeUndefined();
    expect(await readStoredCopy(store, 'SD-2')).toEqual({ floor: T1 });
  });
});

describe('createCopyRecord: a record only where none exists', () => {
  it('creates it once and reports whether it did', async () => {
    const store = new MemoryStore();
    await expect(createCopyRecord(store, 'SD-1', { floor: T0 })).resolves.toBe(true);
    await expect(createCopyRecord(store, 'SD-1', { floor: T1 })).resolves.toBe(false);
    expect(await store.get(KEY)).toEqual({ floor: T0 });
  });
});

describe('dropPortalCopy: a mark in place of the copy', () => {
  it.each<[string | undefined, StoredCopy]>([
    [T1, { floor: T1 }],
    [undefined, {}],
  ])('with floor %s', async (floor, mark) => {
    const store = new MemoryStore();
    await store.set(KEY, { bean: copyOf(issue(T0), ['summary']), basis: T0 });
    await dropPortalCopy(store, 'SD-1', floor);
    expect(store.data.get(KEY)).toStrictEqual(mark);
  });
});

describe('afterRead: a patched field older than the read takes the read’s value', () => {
  it('keeps only the patched fields at least as new as the read, with their times', () => {
    const stored: StoredCopy = {
      bean: { ...copyOf(issue(T0), ['summary', 'status']), fields: { summary: 'Old', status: CLOSED } },
      basis: T0,
      fieldBasis: { summary: T0, status: T2 },
    };
    const read = copyOf(issue(T1, { summary: 'New' }), ['summary', 'status']);
    expect(afterRead(stored, read, T1)).toEqual({
      bean: { ...read, fields: { summary: 'New', status: CLOSED } },
      basis: T1,
      fieldBasis: { status: T2 },
    });
  });

  it('a field patched at the very time of the read keeps its patched value', () => {
    const stored: StoredCopy = {
      bean: { ...copyOf(issue(T0), ['status']), fields: { status: CLOSED } },
      basis: T0,
      fieldBasis: { status: T1 },
    };
    const read = copyOf(issue(T1), ['status']);
    expect(afterRead(stored, read, T1).bean?.fields).toEqual({ status: CLOSED });
  });

  it('a copy of the same view as the read is replaced by the read', () => {
    const stored: StoredCopy = { bean: copyOf(issue(T1, { summary: 'Old' }), ['summary']), basis: T1 };
    const read = copyOf(issue(T1, { summary: 'New' }), ['summary']);
    expect(afterRead(stored, read, T1)).toEqual({ bean: read, basis: T1 });
  });

  it('a read without updated replaces even a field an event patched', () => {
    const stored: StoredCopy = {
      bean: { ...copyOf(issue(T0), ['status']), fields: { status: CLOSED } },
      basis: T0,
      fieldBasis: { status: T2 },
    };
    const read = copyOf(issue(undefined), ['status']);
    expect(afterRead(stored, read, undefined)).toEqual({ bean: read });
  });

  it('a copy without a basis is replaced by the read', () => {
    const stored: StoredCopy = { bean: copyOf(issue(T2, { summary: 'Old' }), ['summary']) };
    const read = copyOf(issue(T1, { summary: 'New' }), ['summary']);
    expect(afterRead(stored, read, T1)).toEqual({ bean: read, basis: T1 });
  });
});

describe('keepPortalCopy: the copy of an issue just read', () => {
  it('keeps the read under its key, with its updated as the basis', async () => {
    const store = new MemoryStore();
    await keepPortalCopy(store, issue(T1, { description: 'not for the portal' }), ['summary', 'status']);
    expect(await store.get(KEY)).toEqual({ bean: copyOf(issue(T1), ['summary', 'status']), basis: T1 });
  });

  it('an issue read without a key is not kept', async () => {
    const store = new CountingStore();
    await keepPortalCopy(store, { ...issue(T1), key: undefined }, ['summary']);
    await keepPortalCopy(store, { ...issue(T1), key: '' }, ['summary']);
    expect(store.writes).toBe(0);
    expect([...store.data.keys()]).toEqual([]);
  });

  it('writes nothing when the copy would not change', async () => {
    const store = new CountingStore();
    await keepPortalCopy(store, issue(T1), ['summary']);
    await keepPortalCopy(store, issue(T1), ['summary']);
    expect(store.writes).toBe(1);
  });

  it('a copy storage refuses leaves a mark, so that the next view reads the issue', async () => {
    const store = new CountingStore();
    await store.set(KEY, { bean: copyOf(issue(T0), ['summary']), basis: T0 });
    store.refuseCopies = true;
    await expect(keepPortalCopy(store, issue(T1), ['summary'])).resolves.toBeUndefined();
    expect(await store.get(KEY)).toEqual({});
  });

  it('a storage that fails altogether does not fail the use case', async () => {
    const broken = {
      get: () => Promise.reject(new Error('down')),
      set: () => Promise.reject(new Error('down')),
    } as unknown as KeyValueStore;
    await expect(keepPortalCopy(broken, issue(T1), ['summary'])).resolves.toBeUndefined();
  });
});

describe('patchPortalCopy: a property the app wrote, carried into the copy', () => {
  it.each([PROCESS_STATE_KEY, CUSTOMER_STATE_KEY])(
    '%s replaces the copy’s value and keeps the rest',
    async (key) => {
      const store = new MemoryStore();
      const copy = { bean: copyOf(issue(T0), ['summary']), basis: T0 };
      await store.set(KEY, copy);
      await patchPortalCopy(store, 'SD-1', key, { timer: 'clarification' });
      expect(await store.get(KEY)).toEqual({
        ...copy,
        bean: { ...copy.bean, properties: { ...copy.bean.properties, [key]: { timer: 'clarification' } } },
      });
    },
  );

  it('a property the copy does not carry changes nothing', async () => {
    const store = new CountingStore();
    await store.set(KEY, { bean: copyOf(issue(T0), ['summary']), basis: T0 });
    await patchPortalCopy(store, 'SD-1', 'some.other.property', { x: 1 });
    expect(store.writes).toBe(1);
    expect(await readPortalCopy(store, 'SD-1')).toEqual(copyOf(issue(T0), ['summary']));
  });

  it.each<[string, StoredCopy | undefined]>([
    ['nothing', undefined],
    ['a mark', { floor: T1 }],
  ])('where KVS holds %s, no copy is made', async (_case, held) => {
    const store = new MemoryStore();
    if (held) await store.set(KEY, held);
    await patchPortalCopy(store, 'SD-1', PROCESS_STATE_KEY, { timer: 'none' });
    expect(await store.get(KEY)).toEqual(held);
  });
});
