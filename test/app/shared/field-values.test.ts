import {
  accountIdOf,
  accountTypeOf,
  dateValue,
  instantOf,
  issueLinksOf,
  namedRef,
  organizationsOf,
  parseJiraTime,
  requestTypeName,
  textValue,
} from '../../../src/app/shared/field-values';

describe('textValue: one reader for every field shape', () => {
  it.each([
    ['text', ' Prod ', 'Prod'],
    ['empty text', '  ', undefined],
    ['number', 42, '42'],
    ['select option', { value: 'Yes', id: '1' }, 'Yes'],
    ['select option with an empty value falls back to its name', { value: '', name: 'N' }, 'N'],
    ['version', { name: '2.4.0' }, '2.4.0'],
    ['multi-value: the first', [{ value: 'A' }, { value: 'B' }], 'A'],
    ['empty multi-value', [], undefined],
    ['null', null, undefined],
    ['unknown shape', { id: '7' }, undefined],
  ])('%s', (_name, value, expected) => {
    expect(textValue(value)).toBe(expected);
  });
});

describe('dateValue: a date picker value or nothing', () => {
  it.each([
    ['a date', '2026-12-15', '2026-12-15'],
    ['a date with blanks', ' 2026-12-15 ', '2026-12-15'],
    ['a date-time', '2026-12-15T10:00:00.000+0000', undefined],
    ['free text', 'next week', undefined],
    ['empty', '', undefined],
    ['null', null, undefined],
  ])('%s', (_name, value, expected) => {
    expect(dateValue(value)).toBe(expected);
  });
});

describe('instantOf: a Jira date-time as an ISO instant', () => {
  it.each([
    ['offset without colon (as Jira writes it)', '2026-11-27T10:00:00.000+0100', '2026-11-27T09:00:00.000Z'],
    ['UTC offset', '2026-11-27T10:00:00.000+0000', '2026-11-27T10:00:00.000Z'],
    ['ISO instant', '2026-11-27T10:00:00.000Z', '2026-11-27T10:00:00.000Z'],
    ['unreadable', 'yesterday', undefined],
    ['null (an unresolved ticket)', null, undefined],
  ])('%s', (_name, value, expected) => {
    expect(instantOf(value)).toBe(expected);
  });
});

describe('organizationsOf: the JSM organizations field', () => {
  it.each([
    ['ids as text', [{ id: '1', name: 'Acme GmbH', _links: {} }], [{ id: '1', name: 'Acme GmbH' }]],
    ['ids as numbers', [{ id: 2, name: 'Globex Ltd' }], [{ id: '2', name: 'Globex Ltd' }]],
    [
      'entries without a name are left out',
      [{ id: '3' }, { id: '4', name: 'Initech' }],
      [{ id: '4', name: 'Initech' }],
    ],
    ['not set', null, []],
  ])('%s', (_name, value, expected) => {
    expect(organizationsOf(value)).toEqual(expected);
  });
});

describe('textValue: trimmed, and “not set” for anything empty', () => {
  it.each([
    ['select option with blanks', { value: ' Yes ' }, 'Yes'],
    ['named bean with blanks', { name: ' 2.4.0 ' }, '2.4.0'],
    ['select option with a blank value and no name', { value: '  ' }, undefined],
    ['select option whose value is not text', { value: 7, name: 'Seven' }, 'Seven'],
    ['zero', 0, '0'],
    ['multi-value whose first entry is empty', [{ value: '' }, { value: 'B' }], undefined],
    ['a boolean', true, undefined],
  ])('%s', (_name, value, expected) => {
    expect(textValue(value)).toBe(expected);
  });
});

describe('dateValue: the date must be the whole value', () => {
  it.each([
    ['a date with text after it', '2026-12-15 noon', undefined],
    ['a date with text before it', 'by 2026-12-15', undefined],
    ['a date as a select option', { value: '2026-12-15' }, '2026-12-15'],
  ])('%s', (_name, value, expected) => {
    expect(dateValue(value)).toBe(expected);
  });
});

describe('parseJiraTime: Jira’s date-time as milliseconds', () => {
  it.each([
    ['offset without colon', '2026-11-27T10:00:00.000-0130', Date.parse('2026-11-27T11:30:00.000Z')],
    ['offset with colon', '2026-11-27T10:00:00.000+01:00', Date.parse('2026-11-27T09:00:00.000Z')],
    ['a number', 1_764_237_600_000, undefined],
    ['unreadable', 'soon', undefined],
  ])('%s', (_name, value, expected) => {
    expect(parseJiraTime(value)).toBe(expected);
  });
});

describe('people, named beans and the request type', () => {
  it.each([
    [{ accountId: 'acme-1', displayName: 'Ann' }, 'acme-1'],
    [{ accountId: ' acme-1 ' }, 'acme-1'],
    [{ accountId: '' }, undefined],
    [{ accountId: 7 }, undefined],
    ['acme-1', undefined],
    [null, undefined],
  ])('accountIdOf(%j) is %s', (value, expected) => {
    expect(accountIdOf(value)).toBe(expected);
  });

  it.each([
    [{ accountId: 'acme-1', accountType: 'customer' }, 'customer'],
    [{ accountId: 'agent-1', accountType: 'atlassian' }, 'atlassian'],
    [{ accountId: 'acme-1' }, undefined],
    [{ accountType: 7 }, undefined],
    ['customer', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('accountTypeOf(%j) is %s', (value, expected) => {
    expect(accountTypeOf(value)).toBe(expected);
  });

  it.each([
    [
      { id: '3', name: 'Open', self: 'https://…' },
      { id: '3', name: 'Open' },
    ],
    [{ id: 3, name: 'Open' }, undefined],
    [{ id: '3', name: null }, undefined],
    [{ name: 'Open' }, undefined],
    [null, undefined],
  ])('namedRef(%j)', (value, expected) => {
    expect(namedRef(value)).toEqual(expected);
  });

  it.each([
    [{ requestType: { name: 'Report a bug', id: '12' } }, 'Report a bug'],
    [{ requestType: { name: ' ' } }, undefined],
    [{ requestType: 'Report a bug' }, undefined],
    [{ name: 'Report a bug' }, undefined],
    [null, undefined],
  ])('requestTypeName(%j)', (value, expected) => {
    expect(requestTypeName(value)).toBe(expected);
  });
});

describe('organizationsOf: entries that are not organizations are left out', () => {
  it('skips entries that are not objects or whose id is neither text nor number', () => {
    expect(organizationsOf([null, 'Acme', { id: true, name: 'X' }, { id: '5', name: 'Y' }])).toEqual([
      { id: '5', name: 'Y' },
    ]);
    expect(organizationsOf({ id: '1', name: 'Acme' })).toEqual([]);
  });
});

describe('issueLinksOf: each link seen from the issue that was read', () => {
  const other = (id: string, key: string, fields?: unknown) => ({ id, key, ...(fields ? { fields } : {}) });

  it('an outward link makes this issue the source, an inward link the destination, with the other side’s facts', () => {
    const links = [
      {
        id: '700',
        type: { name: 'Delivery' },
        outwardIssue: other('9000', 'DEL-1', {
          summary: ' Release 7 ',
          status: { id: '1', name: 'Open' },
          issuetype: { id: '5', name: 'Delivery' },
        }),
      },
      { id: '701', type: { name: ' Relates ' }, inwardIssue: other('9001', 'SD-2') },
    ];
    expect(issueLinksOf(links)).toStrictEqual([
      {
        id: '700',
        typeName: 'Delivery',
        direction: 'outward',
        otherId: '9000',
        otherKey: 'DEL-1',
        otherSummary: 'Release 7',
        otherStatusName: 'Open',
        otherTypeName: 'Delivery',
      },
      { id: '701', typeName: 'Relates', direction: 'inward', otherId: '9001', otherKey: 'SD-2' },
    ]);
  });

  it('an outward side that is not an object leaves the inward side to read', () => {
    expect(
      issueLinksOf([
        { id: '702', type: { name: 'Relates' }, outwardIssue: 'x', inwardIssue: other('9', 'SD-9') },
      ]),
    ).toEqual([{ id: '702', typeName: 'Relates', direction: 'inward', otherId: '9', otherKey: 'SD-9' }]);
  });

  it.each([
    ['not a list', { id: '700' }],
    ['an entry that is not an object', ['700']],
    ['a link without an id', [{ type: { name: 'Delivery' }, outwardIssue: other('9', 'D-1') }]],
    [
      'a link whose id is a number',
      [{ id: 700, type: { name: 'Delivery' }, outwardIssue: other('9', 'D-1') }],
    ],
    ['a link without a type name', [{ id: '700', type: { name: ' ' }, outwardIssue: other('9', 'D-1') }]],
    ['a link without a type', [{ id: '700', outwardIssue: other('9', 'D-1') }]],
    ['a link without another side', [{ id: '700', type: { name: 'Delivery' } }]],
    ['another side without an id', [{ id: '700', type: { name: 'Delivery' }, outwardIssue: { key: 'D-1' } }]],
    ['another side without a key', [{ id: '700', type: { name: 'Delivery' }, inwardIssue: { id: '9' } }]],
  ])('%s reads as no link', (_name, value) => {
    expect(issueLinksOf(value)).toEqual([]);
  });
});
