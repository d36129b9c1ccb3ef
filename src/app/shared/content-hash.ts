import { createHash } from 'node:crypto';

/**
 * A value as text in a fixed key order, so two copies of one value read the same however their properties were
 * ordered. Properties set to `undefined` are left out, as JSON leaves them out when the value is stored.
 */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The first `length` hex digits of the SHA-256 of a value's canonical text: equal for copies of one value,
 * different (with overwhelming likelihood) for two values that differ anywhere.
 *
 * @example contentHash({ b: 1, a: 2 }, 8) === contentHash({ a: 2, b: 1 }, 8)
 */
export function contentHash(value: unknown, length: number): string {
  return createHash('sha256').update(canonical(value)).digest('hex').slice(0, length);
}
