import { ownValue } from '../own-property';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges `override` onto `base`: objects merge key by key, arrays and scalars replace, `undefined` keeps the
 * base value. Neither argument is modified.
 *
 * @example
 * deepMerge({ a: { b: 1, c: 2 }, l: [1] }, { a: { c: 3 }, l: [2] }); // { a: { b: 1, c: 3 }, l: [2] }
 */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    // Defined, not assigned: an own `__proto__` key stays a key (validation refuses it by name) instead of
    // replacing the merged object's prototype.
    if (value !== undefined)
      Object.defineProperty(merged, key, {
        value: deepMerge(ownValue(base, key), value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return merged;
}
