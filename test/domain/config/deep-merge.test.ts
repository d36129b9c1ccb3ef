import { deepMerge } from '../../../src/domain/config/deep-merge';

describe('deepMerge: objects merge key by key, arrays and scalars replace, undefined keeps the base', () => {
  it.each([
    ['a nested key', { a: { b: 1, c: 2 } }, { a: { c: 3 } }, { a: { b: 1, c: 3 } }],
    ['a new key', { a: 1 }, { b: 2 }, { a: 1, b: 2 }],
    ['a new nested object', { a: 1 }, { b: { c: 2 } }, { a: 1, b: { c: 2 } }],
    ['an array, replaced whole', { l: [1, 2, 3] }, { l: [9] }, { l: [9] }],
    ['an empty array, replacing', { l: [1, 2] }, { l: [] }, { l: [] }],
    ['an object over an array', { l: [1, 2] }, { l: { x: 1 } }, { l: { x: 1 } }],
    ['an array over an object', { o: { x: 1 } }, { o: [1] }, { o: [1] }],
    ['a scalar over an object', { o: { x: 1 } }, { o: 5 }, { o: 5 }],
    ['null over an object', { o: { x: 1 } }, { o: null }, { o: null }],
    ['an object over null', { o: null }, { o: { x: 1 } }, { o: { x: 1 } }],
    ['false and 0 over values', { a: true, b: 7 }, { a: false, b: 0 }, { a: false, b: 0 }],
    ['an undefined value, keeping the base value', { a: 1, b: 2 }, { a: undefined }, { a: 1, b: 2 }],
    ['an undefined value for a key the base lacks, adding no key', { a: 1 }, { b: undefined }, { a: 1 }],
    ['no override at all', { a: { b: 1 } }, undefined, { a: { b: 1 } }],
    ['an empty override', { a: { b: 1 } }, {}, { a: { b: 1 } }],
    ['an override onto no base', undefined, { a: 1 }, { a: 1 }],
    ['an object onto a scalar', 3, { a: 1 }, { a: 1 }],
    ['a scalar onto an object', { a: 1 }, 'x', 'x'],
  ])('%s', (_name, base, override, merged) => {
    expect(deepMerge(base, override)).toStrictEqual(merged);
  });

  it('modifies neither argument', () => {
    const base = { a: { b: 1 }, l: [1] };
    const override = { a: { c: 2 }, l: [2] };
    deepMerge(base, override);
    expect(base).toStrictEqual({ a: { b: 1 }, l: [1] });
    expect(override).toStrictEqual({ a: { c: 2 }, l: [2] });
  });

  it('gives merged keys as ordinary properties: listed, writable, deletable', () => {
    const merged = deepMerge({ a: 1 }, { a: 2, b: 3 }) as Record<string, unknown>;
    for (const key of ['a', 'b']) {
      expect(Object.getOwnPropertyDescriptor(merged, key)).toEqual({
        value: merged[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  });
});
