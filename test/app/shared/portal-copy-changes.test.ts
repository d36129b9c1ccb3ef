import { copyAfterChange, followPortalCopy } from '../../../src/app/shared/portal-copy-changes';
import {
  afterRead,
  COPY_TTL_DAYS,
  dropPortalCopy,
  keepPortalCopy,
  patchPortalCopy,
  type StoredCopy,
} from '../../../src/app/shared/portal-copy';
import { PROCESS_STATE_KEY } from '../../../src/domain/process-state';
import type { ChangeItem, IssueSnapshot } from '../../../src/domain/events/issue-change';
import { ExpiringStore, MemoryStore } from '../../support/memory-store';

const T0 = '2026-11-30T09:00:00.000+0000';
const T1 = '2026-11-30T09:05:00.000+0000';
const T2 = '2026-11-30T09:10:00.000+0000';

const OPEN = { id: '1', name: 'Open' };
const CLARIFICATION = { id: '3', name: 'Clarification required / On hold' };

function copyAt(basis: string | undefined, extra: Partial<StoredCopy> = {}): StoredCopy {
  return {
    bean: {
      id: '10001',
      key: 'SD-1',
      fields: { status: OPEN, summary: 'CSV import', customfield_10002: [{ id: '1', name: 'Acme' }] },
      properties: {},
    },
    ...(basis !== undefined ? { basis } : {}),
    ...extra,
  };
}

function snapshotAt(updated: string, status = CLARIFICATION): IssueSnapshot {
  return {
    summary: 'CSV import',
    typeId: '10',
    typeName: 'Support Request',
    statusId: status.id,
    statusName: status.name,
    projectKey: 'SD',
    created: T0,
    updated,
    reporterId: 'acme-1',
  };
}

const item = (fieldId: string | undefined, field = fieldId ?? 'Link'): ChangeItem => ({
  field,
  fieldId,
  toString: undefined,
});
const STATUS = item('status');

describe('copyAfterChange: what an edit handled without a read does to the portal copy', () => {
  it.each<[string, StoredCopy | undefined, readonly ChangeItem[], IssueSnapshot | undefined, string]>([
    // [case, stored, items, snapshot, expected kind]
    ['description only (not held), with a copy', copyAt(T0), [item('description')], snapshotAt(T1), 'keep'],
    ['description only, no record', undefined, [item('description')], snapshotAt(T1), 'keep'],
    [
      'status, no record: a mark, so that a lagging search keeps no copy',
      undefined,
      [STATUS],
      snapshotAt(T1),
      'markIfAbsent',
    ],
    [
      'a custom field, no record (the copy would hold it)',
      undefined,
      [item('customfield_10099')],
      snapshotAt(T1),
      'markIfAbsent',
    ],
    ['status on a copy older than the event: patched', copyAt(T0), [STATUS], snapshotAt(T1), 'patch'],
    ['status on a copy newer than the event: kept', copyAt(T2), [STATUS], snapshotAt(T1), 'keep'],
    [
      'status at the very millisecond of the copy: patched (the read may precede it)',
      copyAt(T1),
      [STATUS],
      snapshotAt(T1),
      'patch',
    ],
    ['status, no snapshot', copyAt(T0), [STATUS], undefined, 'drop'],
    ['status on a copy without a basis', copyAt(undefined), [STATUS], snapshotAt(T1), 'drop'],
    [
      'organizations (held, not in the payload)',
      copyAt(T0),
      [item('customfield_10002')],
      snapshotAt(T1),
      'drop',
    ],
    ['organizations older than the copy', copyAt(T2), [item('customfield_10002')], snapshotAt(T1), 'keep'],
    ['an item without a field id', copyAt(T0), [item(undefined)], snapshotAt(T1), 'drop'],
    ['no items at all', copyAt(T0), [], snapshotAt(T1), 'drop'],
    ['status on a mark: stays a mark, floor raised', { floor: T0 }, [STATUS], snapshotAt(T1), 'drop'],
    ['status on a mark with a newer floor', { floor: T2 }, [STATUS], snapshotAt(T1), 'keep'],
    ['status on a mark without a floor: the mark gets one', {}, [STATUS], snapshotAt(T1), 'drop'],
    [
      'status on a mark without a floor, no snapshot: nothing to raise it to',
      {},
      [STATUS],
      undefined,
      'keep',
    ],
    [
      'a custom field the copy does not hold (held only where no copy exists yet)',
      copyAt(T0),
      [item('customfield_10099')],
      snapshotAt(T1),
      'keep',
    ],
  ])('%s', (_case, stored, items, snapshot, expected) => {
    expect(copyAfterChange(stored, { items, snapshot }).kind).toBe(expected);
  });

  it("takes the snapshot's status with the event's time as the field's basis", () => {
    const next = copyAfterChange(copyAt(T0), { items: [STATUS], snapshot: snapshotAt(T1) });
    expect(next).toEqual({
      kind: 'patch',
      copy: {
        ...copyAt(T0),
        bean: { ...copyAt(T0).bean!, fields: { ...copyAt(T0).bean!.fields, status: CLARIFICATION } },
        fieldBasis: { status: T1 },
      },
    });
  });

  it('a mark without a floor takes the event’s time as its floor', () => {
    expect(copyAfterChange({}, { items: [STATUS], snapshot: snapshotAt(T1) })).toEqual({
      kind: 'drop',
      floor: T1,
    });
  });

  const moved: IssueSnapshot = {
    ...snapshotAt(T1),
    typeId: '11',
    typeName: 'Bug',
    summary: 'CSV export',
    reporterId: 'acme-2',
    assigneeId: 'agent-7',
  };
  it.each<[string, IssueSnapshot, unknown]>([
    ['issuetype', moved, { id: '11', name: 'Bug' }],
    ['summary', moved, 'CSV export'],
    ['reporter', moved, { accountId: 'acme-2' }],
    ['reporter', { ...moved, reporterId: undefined }, null],
    ['assignee', moved, { accountId: 'agent-7' }],
    ['assignee', { ...moved, assigneeId: undefined }, null],
  ])(
    'a change of %s takes the snapshot’s value, a person as the account id only (%#)',
    (fieldId, snapshot, value) => {
      const next = copyAfterChange(copyAt(T0), { items: [item(fieldId)], snapshot });
      expect(next).toEqual({
        kind: 'patch',
        copy: {
          ...copyAt(T0),
          bean: { ...copyAt(T0).bean!, fields: { ...copyAt(T0).bean!.fields, [fieldId]: value } },
          fieldBasis: { [fieldId]: T1 },
        },
      });
    },
  );

  it('leaves each field at its newest value when two moves are handled in reverse order', () => {
    const newer = copyAfterChange(copyAt(T0), { items: [STATUS], snapshot: snapshotAt(T2, OPEN) });
    if (newer.kind !== 'patch') throw new Error('expected a patch');
    const older = copyAfterChange(newer.copy, { items: [STATUS], snapshot: snapshotAt(T1, CLARIFICATION) });
    expect(older.kind).toBe('keep');
  });
});

describe('afterRead: a fresh read over what is stored', () => {
  const read = copyAt(T1).bean!;
  it.each<[string, StoredCopy | undefined, string | undefined, 'read' | 'stored']>([
    ['nothing stored', undefined, T1, 'read'],
    ['a mark older than the read', { floor: T0 }, T1, 'read'],
    ['a mark as old as the read: the read holds the change', { floor: T1 }, T1, 'read'],
    ['a mark newer than the read', { floor: T2 }, T1, 'stored'],
    ['a mark without a floor', {}, T1, 'read'],
    ['a copy of an older view', copyAt(T0), T1, 'read'],
    ['a copy of a newer view', copyAt(T2), T1, 'stored'],
    ['a read without updated', copyAt(T2), undefined, 'read'],
  ])('%s', (_case, stored, basis, expected) => {
    const result = afterRead(stored, read, basis);
    expect(result).toEqual(expected === 'read' ? { bean: read, ...(basis ? { basis } : {}) } : stored);
  });

  it('keeps a field an event patched at or after the read', () => {
    const patched = { ...copyAt(T0), fieldBasis: { status: T2 } };
    patched.bean!.fields.status = CLARIFICATION;
    expect(afterRead(patched, read, T1)).toEqual({
      bean: { ...read, fields: { ...read.fields, status: CLARIFICATION } },
      basis: T1,
      fieldBasis: { status: T2 },
    });
  });
});

describe('followPortalCopy', () => {
  it('leaves a mark for a ticket without any record, and does not write over a copy that appeared', async () => {
    const store = new MemoryStore();
    await followPortalCopy(store, 'SD-1', { items: [STATUS], snapshot: snapshotAt(T1) });
    expect(await store.get('portal:copy:SD-1')).toEqual({ floor: T1 });
    await store.set('portal:copy:SD-2', copyAt(T0));
    await followPortalCopy(store, 'SD-2', { items: [STATUS], snapshot: snapshotAt(T1) });
    expect(await store.get<StoredCopy>('portal:copy:SD-2')).toMatchObject({ fieldBasis: { status: T1 } });
  });

  it('an edit of a field no copy holds writes nothing, over a copy or where nothing is stored', async () => {
    const store = new MemoryStore();
    await store.set('portal:copy:SD-2', copyAt(T0));
    const change = { items: [item('description')], snapshot: snapshotAt(T1) };
    await followPortalCopy(store, 'SD-1', change);
    await followPortalCopy(store, 'SD-2', change);
    expect([...store.data]).toEqual([['portal:copy:SD-2', copyAt(T0)]]);
  });

  it('a copy that appears between the read and the mark takes the change instead of being overwritten', async () => {
    const store = new RacingStore(async (inner) => inner.set('portal:copy:SD-1', copyAt(T0)));
    await followPortalCopy(store, 'SD-1', { items: [STATUS], snapshot: snapshotAt(T1) });
    expect(await store.get('portal:copy:SD-1')).toEqual({
      ...copyAt(T0),
      bean: { ...copyAt(T0).bean!, fields: { ...copyAt(T0).bean!.fields, status: CLARIFICATION } },
      fieldBasis: { status: T1 },
    });
  });

  it('a copy the change makes stale is marked at once, without trying to create a record', async () => {
    const store = new RacingStore(async () => undefined, 0);
    await store.set('portal:copy:SD-1', copyAt(T0));
    await followPortalCopy(store, 'SD-1', { items: [item('customfield_10002')], snapshot: snapshotAt(T1) });
    expect(store.tries).toBe(0);
    expect(await store.get('portal:copy:SD-1')).toEqual({ floor: T1 });
  });

  it.each<[string, IssueSnapshot | undefined, StoredCopy]>([
    ['the event’s time as its floor', snapshotAt(T1), { floor: T1 }],
    ['no floor when the event has no snapshot', undefined, {}],
  ])(
    'a record that keeps appearing and vanishing is marked stale after two tries, with %s',
    async (_case, snapshot, mark) => {
      const store = new RacingStore(async () => undefined, Infinity);
      await followPortalCopy(store, 'SD-1', { items: [STATUS], snapshot });
      expect(store.tries).toBe(2);
      expect(await store.get('portal:copy:SD-1')).toEqual(mark);
    },
  );
});

/**
 * A store where another writer wins each of the first `races` `setIfAbsent` calls: `meanwhile` runs on the inner
 * store just before the call, which then finds the key taken (and the record gone again when `meanwhile` wrote
 * nothing).
 */
class RacingStore extends MemoryStore {
  tries = 0;
  constructor(
    private readonly meanwhile: (inner: MemoryStore) => Promise<void>,
    private readonly races = 1,
  ) {
    super();
  }

  override async setIfAbsent<T>(key: string, value: T): Promise<boolean> {
    this.tries += 1;
    if (this.tries > this.races) return super.setIfAbsent(key, value);
    await this.meanwhile(this);
    return false;
  }
}

/** Whether the record of SD-1 lives exactly {@link COPY_TTL_DAYS} days after the write just made. */
async function livesForTheTtl(store: ExpiringStore): Promise<[boolean, boolean]> {
  store.advanceDays(COPY_TTL_DAYS - 1);
  const before = (await store.get('portal:copy:SD-1')) !== undefined;
  store.advanceDays(1);
  return [before, (await store.get('portal:copy:SD-1')) !== undefined];
}

describe('every copy and mark expires COPY_TTL_DAYS after its last write', () => {
  it.each<[string, (store: ExpiringStore) => Promise<void>]>([
    [
      'a fresh read kept',
      (store) => keepPortalCopy(store, { ...copyAt(T0).bean!, fields: { updated: T1 } }, []),
    ],
    [
      'a property write patched into a copy stored without a time to live',
      async (store) => {
        await store.set('portal:copy:SD-1', copyAt(T0));
        await patchPortalCopy(store, 'SD-1', PROCESS_STATE_KEY, { timer: 'none' });
      },
    ],
    ['a stale mark', (store) => dropPortalCopy(store, 'SD-1', T1)],
    [
      'a change mark where nothing was stored',
      (store) => followPortalCopy(store, 'SD-1', { items: [STATUS], snapshot: snapshotAt(T1) }),
    ],
    [
      'a change patched into a copy stored without a time to live',
      async (store) => {
        await store.set('portal:copy:SD-1', copyAt(T0));
        await followPortalCopy(store, 'SD-1', { items: [STATUS], snapshot: snapshotAt(T1) });
      },
    ],
  ])('%s', async (_, write) => {
    const store = new ExpiringStore();
    await write(store);
    expect(await livesForTheTtl(store)).toEqual([true, false]);
  });
});
