import { changeItemSchema } from '../../../src/app/shared/change-item-schema';

const EMPTY = { from: null, fromString: null, to: null, toString: null };

interface Row {
  readonly item: Record<string, unknown>;
  readonly read: Record<string, unknown>;
}

describe('a changelog item, from an event or from the REST changelog', () => {
  it.each<Row>([
    { item: { field: 'status' }, read: { ...EMPTY, field: 'status' } },
    {
      item: { field: 'status', from: '1', fromString: 'Open', to: '3', toString: 'Resolved' },
      read: { field: 'status', from: '1', fromString: 'Open', to: '3', toString: 'Resolved' },
    },
    {
      item: { field: 'assignee', from: 'a-1', to: null },
      read: { ...EMPTY, field: 'assignee', from: 'a-1' },
    },
    {
      item: { field: 'Parent', fieldId: 'parent', toString: 'SD-1' },
      read: { ...EMPTY, field: 'Parent', fieldId: 'parent', toString: 'SD-1' },
    },
  ])('$item reads every side it leaves out as null', ({ item, read }) => {
    expect(changeItemSchema.parse(item)).toStrictEqual(read);
  });

  it('takes a side only from the item itself, never from its prototype', () => {
    const inherited = Object.create({ from: 'x', to: 'y', fromString: 'X' }) as Record<string, unknown>;
    inherited.field = 'status';
    expect(changeItemSchema.parse(inherited)).toStrictEqual({ ...EMPTY, field: 'status' });
  });

  it('keeps fields Jira adds that the app does not read', () => {
    expect(changeItemSchema.parse({ field: 'status', fieldtype: 'jira' })).toMatchObject({
      fieldtype: 'jira',
    });
  });

  it.each<{ item: unknown }>([
    { item: null },
    { item: [] },
    { item: 'status' },
    { item: { from: '1' } },
    { item: { field: 'status', to: 3 } },
  ])('refuses $item', ({ item }) => {
    expect(changeItemSchema.safeParse(item).success).toBe(false);
  });
});
