/**
 * Names that users or sites choose (organizations, region ids, Jira field names) index plain records here.
 * A plain object answers `constructor`, `toString` or `__proto__` with what it inherits from
 * `Object.prototype`, so every such lookup reads own properties only.
 */

/**
 * Every name `Object.prototype` provides: `constructor`, `__proto__`, `toString`, `hasOwnProperty`, …
 * @internal Exported for the tests that check it directly.
 */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Whether `name` is inherited by every plain object. Identifiers an admin invents (region ids) may not be
 * such a name; names Jira supplies (organizations) are looked up with {@link ownValue} instead.
 *
 * @example
 * isPrototypeName('toString'); // true
 * isPrototypeName('london'); // false
 */
export function isPrototypeName(name: string): boolean {
  return PROTOTYPE_NAMES.has(name);
}

/**
 * The value `record` holds under `key` itself, never one inherited from its prototype.
 *
 * @example
 * ownValue({ ACME: 'en' }, 'ACME'); // 'en'
 * ownValue({ ACME: 'en' }, 'constructor'); // undefined (a plain lookup would return Object)
 */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Whether `record` holds `key` itself.
 *
 * @example
 * hasOwnKey({}, 'toString'); // false (`'toString' in {}` is true)
 */
export function hasOwnKey(record: object, key: string): boolean {
  return Object.hasOwn(record, key);
}
