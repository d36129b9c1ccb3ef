import { hasOwnKey, isPrototypeName, ownValue } from '../../src/domain/own-property';

/** An organization map as JSON delivers it: `__proto__` an own key, no prototype names otherwise. */
const languages = JSON.parse('{"ACME": "en", "undefined": "en", "__proto__": "de"}') as Record<
  string,
  string
>;

describe('lookups by user-controlled names read own properties only', () => {
  it.each([
    ['ACME', 'en'],
    ['__proto__', 'de'],
    ['Globex', undefined],
    ['constructor', undefined],
    ['toString', undefined],
    ['hasOwnProperty', undefined],
    ['acme', undefined],
    // A ticket without organization never takes the entry of an organization named "undefined".
    [undefined, undefined],
  ])('ownValue(languages, %j) → %j', (key, value) => {
    expect(ownValue(languages, key)).toBe(value);
  });

  it.each([
    ['ACME', true],
    ['__proto__', true],
    ['Globex', false],
    ['constructor', false],
    ['valueOf', false],
  ])('hasOwnKey(languages, %j) → %s', (key, own) => {
    expect(hasOwnKey(languages, key)).toBe(own);
  });

  it.each([
    ['constructor', true],
    ['__proto__', true],
    ['toString', true],
    ['hasOwnProperty', true],
    ['propertyIsEnumerable', true],
    ['saarbruecken', false],
    ['Constructor', false],
    ['', false],
  ])('isPrototypeName(%j) → %s', (name, reserved) => {
    expect(isPrototypeName(name)).toBe(reserved);
  });
});
