import { textValue } from '../../../src/app/shared/field-values';

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
