import { contentHash } from '../../../src/app/shared/content-hash';

describe('content hash: equal for copies of one value, different for values that differ', () => {
  it('is the given number of hex digits', () => {
    expect(contentHash({ a: 1 }, 8)).toMatch(/^[0-9a-f]{8}$/);
    expect(contentHash({ a: 1 }, 64)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the SHA-256 of the value’s canonical text', () => {
    // sha256('{"a":1,"b":[true,null,"x"]}')
    expect(contentHash({ b: [true, null, 'x'], a: 1 }, 64)).toBe(
      'eca8cfb31ab74533e1eb2f4c74d2d55dfe3c79ac704787e54be8647ea7777eb1',
    );
  });

  it('ignores the order of properties, at every depth', () => {
    expect(contentHash({ b: 1, a: { d: 2, c: 3 } }, 16)).toBe(contentHash({ a: { c: 3, d: 2 }, b: 1 }, 16));
  });

  it('leaves out properties set to undefined, as stored JSON does', () => {
    expect(contentHash({ a: 1, b: undefined }, 16)).toBe(contentHash({ a: 1 }, 16));
  });

  const differing: [string, unknown, unknown][] = [
    ['a value', { a: 1 }, { a: 2 }],
    ['a key', { a: 1 }, { b: 1 }],
    ['array order', [1, 2], [2, 1]],
    ['array against object', [1], { 0: 1 }],
    ['a string against a number', { a: '1' }, { a: 1 }],
    ['null against an empty object', null, {}],
    ['a nested value', { a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'y' }] } }],
    ['an empty array against an empty object', [], {}],
    ['two elements against one joined', ['a,b'], ['a', 'b']],
  ];
  it.each(differing)('differs for %s', (_name, one, other) => {
    expect(contentHash(one, 64)).not.toBe(contentHash(other, 64));
  });
});
