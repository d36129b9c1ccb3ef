import { isRecord } from '../../../src/app/shared/is-record';

describe('isRecord: a plain JSON object, the first check on an untyped REST or KVS value', () => {
  it.each([
    ['an empty object', {}],
    ['an object with fields', { a: 1, b: 'x' }],
  ])('accepts %s', (_what, value) => {
    expect(isRecord(value)).toBe(true);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an array', [1, 2]],
    ['an empty array', []],
    ['a text', 'text'],
    ['a number', 5],
    ['a boolean', true],
  ])('refuses %s', (_what, value) => {
    expect(isRecord(value)).toBe(false);
  });
});
