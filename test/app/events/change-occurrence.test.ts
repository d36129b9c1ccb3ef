import { withChangelogId } from '../../../src/app/events/change-occurrence';
import type { EventDeps } from '../../../src/app/events/event-deps';
import type { ChangelogHistory, IssueBean } from '../../../src/app/ports/jira';
import type { ChangeItem } from '../../../src/domain/events/issue-change';
import { event } from '../../domain/events/rule-fixtures';

/** A change item; its `toString` (the new value's name) plays no part in telling changes apart. */
const change = (item: Omit<ChangeItem, 'toString'>): ChangeItem => ({ ...item, toString: null });

const status = (from: string, to: string): ChangeItem =>
  change({ field: 'status', fieldId: 'status', from, to });

const history = (id: string, items: Omit<ChangeItem, 'toString'>[]): ChangelogHistory => ({
  id,
  created: '2026-11-27T09:00:00.000+0000',
  items: items.map(change),
});

/** A site whose ticket carries `histories` (no changelog at all when `undefined`); reads are recorded. */
function site(histories: ChangelogHistory[] | undefined) {
  const reads: { key: string; options: unknown }[] = [];
  const jira = {
    async getIssue(key: string, options: unknown): Promise<IssueBean> {
      reads.push({ key, options });
      return { id: '10001', key, ...(histories ? { changelog: { histories } } : {}) };
    },
  };
  return { reads, deps: { jira } as unknown as EventDeps };
}

/** An update event of SD-1 without a changelog id, changing `items`. */
const unnamed = (...items: ChangeItem[]) => {
  const { changelogId: _none, ...rest } = event({ items });
  return rest;
};

describe('the changelog id of an update event that came without one', () => {
  it('the newest history holding every item of the event names it, read once with the changelog', async () => {
    const s = site([
      history('9', [status('1', '2')]),
      history('10', [status('1', '2'), { field: 'assignee', fieldId: 'assignee', from: null, to: 'a1' }]),
      history('8', [status('1', '2')]),
      history('11', [status('2', '1')]),
    ]);
    const e = unnamed(status('1', '2'));
    await expect(withChangelogId(s.deps, 'SD-1', e)).resolves.toEqual({ ...e, changelogId: '10' });
    expect(s.reads).toEqual([{ key: 'SD-1', options: { fields: ['status'], expand: 'changelog' } }]);
  });

  it('a history missing one of the event’s items does not name it', async () => {
    const s = site([history('10', [status('1', '2')])]);
    const e = unnamed(
      status('1', '2'),
      change({ field: 'priority', fieldId: 'priority', from: '3', to: '2' }),
    );
    await expect(withChangelogId(s.deps, 'SD-1', e)).resolves.toEqual(e);
  });

  it.each([
    {
      name: 'the field name when the id is missing on both',
      item: { field: 'Sprint' },
      other: { field: 'Sprint' },
    },
    {
      name: 'the id against a name, when one side has no id',
      item: { field: 'Status', fieldId: 'status', from: '1', to: '2' },
      other: { field: 'status', from: '1', to: '2' },
    },
    {
      name: 'the name against an id, when the event’s item has no id',
      item: { field: 'status', from: '1', to: '2' },
      other: { field: 'Status', fieldId: 'status', from: '1', to: '2' },
    },
    {
      name: 'an old side the history leaves out as null',
      item: { field: 'assignee', fieldId: 'assignee', from: null, to: 'a1' },
      other: { field: 'assignee', fieldId: 'assignee', to: 'a1' },
    },
    {
      name: 'a new side the event leaves out as null',
      item: { field: 'assignee', fieldId: 'assignee', from: 'a1' },
      other: { field: 'assignee', fieldId: 'assignee', from: 'a1', to: null },
    },
    {
      name: 'a side left out as null',
      item: { field: 'assignee', fieldId: 'assignee', to: 'a1' },
      other: { field: 'assignee', fieldId: 'assignee', from: null, to: 'a1' },
    },
    {
      name: 'the other side left out as null',
      item: { field: 'assignee', fieldId: 'assignee', from: 'a1', to: null },
      other: { field: 'assignee', fieldId: 'assignee', from: 'a1' },
    },
  ])('items are the same by $name', async ({ item, other }) => {
    const s = site([history('10', [other])]);
    const e = unnamed(change(item));
    await expect(withChangelogId(s.deps, 'SD-1', e)).resolves.toEqual({ ...e, changelogId: '10' });
  });

  it.each([
    { name: 'another field', other: { field: 'status', fieldId: 'resolution', from: '1', to: '2' } },
    { name: 'another old value', other: { field: 'status', fieldId: 'status', from: '3', to: '2' } },
    { name: 'another new value', other: { field: 'status', fieldId: 'status', from: '1', to: '3' } },
    { name: 'no old value', other: { field: 'status', fieldId: 'status', to: '2' } },
    { name: 'no new value', other: { field: 'status', fieldId: 'status', from: '1' } },
  ])('a history item of $name is another change', async ({ other }) => {
    const s = site([history('10', [other])]);
    const e = unnamed(status('1', '2'));
    await expect(withChangelogId(s.deps, 'SD-1', e)).resolves.toEqual(e);
  });

  it('a ticket whose changelog does not hold the change keeps the event as it came', async () => {
    const s = site(undefined);
    const e = unnamed(status('1', '2'));
    await expect(withChangelogId(s.deps, 'SD-1', e)).resolves.toEqual(e);
  });

  it.each([
    { name: 'a creation', e: { ...unnamed(status('1', '2')), kind: 'created' as const } },
    { name: 'a comment', e: { ...unnamed(status('1', '2')), kind: 'commented' as const } },
    { name: 'an update that names its change', e: event({ changelogId: '7', items: [status('1', '2')] }) },
    { name: 'an update of no item', e: unnamed() },
  ])('$name is returned as it came, without a read', async ({ e }) => {
    const s = site([history('10', [status('1', '2')])]);
    await expect(withChangelogId(s.deps, 'SD-1', e)).resolves.toBe(e);
    expect(s.reads).toEqual([]);
  });
});
