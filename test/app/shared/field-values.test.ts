import { dateValue, instantOf, organizationsOf, textValue } from '../../../src/app/shared/field-values';

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
