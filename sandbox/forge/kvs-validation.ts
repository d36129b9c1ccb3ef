import { KVS_KEY_MAX, KVS_KEY_PATTERN, KVS_MAX_DEPTH, KVS_TTL_MAX_MS, KVS_VALUE_MAX_BYTES } from './limits';

/**
 * A KVS error response: the status and `{code, message}` body the real service sends
 * (codes from the "Error handling for the Key-Value Store" page; `@forge/kvs` turns them into `ForgeKvsAPIError`).
 */
export class KvsFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string): KvsFailure => new KvsFailure(400, code, message);

/** Key rules: 1–500 characters matching the documented regex (KEY_TOO_SHORT / KEY_TOO_LONG / INVALID_KEY). */
export function validateKey(key: unknown): string {
  if (typeof key !== 'string' || key.length < 1)
    throw badRequest('KEY_TOO_SHORT', 'The provided key needs to be more than one character.');
  if (key.length > KVS_KEY_MAX)
    throw badRequest('KEY_TOO_LONG', `The provided key has exceeded the maximum ${KVS_KEY_MAX} characters.`);
  if (!KVS_KEY_PATTERN.test(key))
    throw badRequest('INVALID_KEY', `The provided key does not match the regex: ${String(KVS_KEY_PATTERN)}`);
  return key;
}

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let max = 0;
  for (const child of Object.values(value)) max = Math.max(max, depthOf(child));
  return max + 1;
}

/** Value rules: present, ≤ 240 KiB as JSON (MAX_SIZE) and ≤ 32 levels deep (MAX_DEPTH). */
export function validateValue(value: unknown): unknown {
  if (value === undefined)
    throw badRequest('BAD_REQUEST', 'Provided request body is invalid: value is required');
  const bytes = Buffer.byteLength(JSON.stringify(value));
  if (bytes > KVS_VALUE_MAX_BYTES) {
    throw badRequest(
      'MAX_SIZE',
      `The provided value has exceeded the maximum size limit (${bytes} > ${KVS_VALUE_MAX_BYTES} bytes).`,
    );
  }
  if (depthOf(value) > KVS_MAX_DEPTH) {
    throw badRequest(
      'MAX_DEPTH',
      `The provided value has exceeded the maximum object depth (${KVS_MAX_DEPTH}) limit.`,
    );
  }
  return value;
}

const TTL_UNIT_MS: Record<string, number> = {
  SECONDS: 1000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};

/** Milliseconds of a `{ttl: {value, unit}}` option (≤ 1 year), or undefined without TTL. */
export function ttlMs(options: unknown): number | undefined {
  const ttl = (options as { ttl?: { value?: unknown; unit?: unknown } } | undefined)?.ttl;
  if (ttl === undefined) return undefined;
  const unitMs = typeof ttl.unit === 'string' ? TTL_UNIT_MS[ttl.unit] : undefined;
  if (
    unitMs === undefined ||
    typeof ttl.value !== 'number' ||
    !Number.isInteger(ttl.value) ||
    ttl.value <= 0
  ) {
    throw badRequest(
      'INVALID_TTL',
      'ttl must be a positive integer value with unit SECONDS, MINUTES, HOURS or DAYS',
    );
  }
  const ms = ttl.value * unitMs;
  if (ms > KVS_TTL_MAX_MS) throw badRequest('INVALID_TTL', 'ttl cannot exceed one year');
  return ms;
}

// Entity names: 3–60 characters of the documented pattern (Custom Entity Store error page).
const ENTITY_PATTERN = /^(?![.-])(?!.*\.{2})[a-z0-9:\-.]*(?<![.])$/;

/** Entity-name rules (ENTITY_TYPE_TOO_SHORT / ENTITY_TYPE_TOO_LARGE / INVALID_ENTITY_TYPE). */
export function validateEntityName(name: unknown): string {
  if (typeof name !== 'string' || name.length < 3)
    throw badRequest('ENTITY_TYPE_TOO_SHORT', 'The entity name needs to be more than 3 characters.');
  if (name.length > 60)
    throw badRequest('ENTITY_TYPE_TOO_LARGE', 'The entity name has exceeded the maximum 60 characters.');
  if (!ENTITY_PATTERN.test(name))
    throw badRequest(
      'INVALID_ENTITY_TYPE',
      `The entity name does not match the regex: ${String(ENTITY_PATTERN)}`,
    );
  return name;
}
