/** A parsed "Delivery version" value (guide §3.1.1). */
export type DeliveryVersion =
  | { kind: 'patch'; text: string; parts: readonly number[] }
  | { kind: 'custom' }
  | { kind: 'invalid'; raw: string };

const PATCH = /^\d{1,6}(\.\d{1,6}){1,5}$/;

/**
 * Parses a Delivery version: a patch version such as `14.21.3.1`, the custom value (default `CUSTOM`: ships
 * with the customer's next delivery whatever its patch version), or anything else as `invalid`.
 *
 * @example
 * parseDeliveryVersion(' 14.21.3.1 '); // { kind: 'patch', text: '14.21.3.1', parts: [14, 21, 3, 1] }
 * parseDeliveryVersion('custom'); // { kind: 'custom' }
 * parseDeliveryVersion('next week'); // { kind: 'invalid', raw: 'next week' }
 */
export function parseDeliveryVersion(
  value: string | undefined | null,
  customValue = 'CUSTOM',
): DeliveryVersion {
  const text = (value ?? '').trim();
  if (text.toUpperCase() === customValue.toUpperCase() && text !== '') return { kind: 'custom' };
  if (PATCH.test(text)) return { kind: 'patch', text, parts: text.split('.').map(Number) };
  return { kind: 'invalid', raw: text };
}

/**
 * Numeric comparison of patch versions, part by part; missing parts count as 0 (`14.21` = `14.21.0`).
 *
 * @example
 * compareVersions([14, 9], [14, 21, 3, 1]); // -1
 */
export function compareVersions(a: readonly number[], b: readonly number[]): -1 | 0 | 1 {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
