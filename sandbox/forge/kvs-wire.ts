import type { KvsEntry, Namespace } from './kvs-store';
import { KvsFailure, badRequest, validateEntityName } from './kvs-validation';

/**
 * The wire level of the simulated KVS service: request rows, the entry shape `@forge/kvs` reads, namespaces of
 * custom entities, error bodies and opaque cursors.
 */

export type Row = Record<string, unknown>;
export const asRow = (v: unknown): Row =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Row) : {};

/**
 * How the KVS service answers a write whose condition fails (`keyPolicy: 'FAIL_IF_EXISTS'` on an existing key,
 * or a transaction condition). Atlassian documents neither answer, so the local site lets tests pick one:
 * - `keyConflict`: 409 `KEY_CONFLICT` (what public write-ups of @forge/kvs ≥ 1.3 report);
 * - `preconditionFailed` (default, the strictest reading): 412 `PRECONDITION_FAILED`, a shape no app code can
 *   have matched by accident, so an app that branches on the exact code fails here.
 */
export type KvsConflictShape = 'keyConflict' | 'preconditionFailed';
export const DEFAULT_KVS_CONFLICT: KvsConflictShape = 'preconditionFailed';

export const conflictFailure = (shape: KvsConflictShape, message: string): KvsFailure =>
  shape === 'keyConflict'
    ? new KvsFailure(409, 'KEY_CONFLICT', message)
    : new KvsFailure(412, 'PRECONDITION_FAILED', message);

export const keyConflict = (key: string, shape: KvsConflictShape = DEFAULT_KVS_CONFLICT): KvsFailure =>
  conflictFailure(shape, `The key '${key}' already exists`);
export const notFound = (): KvsFailure => new KvsFailure(404, 'KEY_NOT_FOUND', 'Provided key does not exist');

/** The wire shape of an entry (`GetResponse`/`SetResponse` in `@forge/kvs` `interfaces/kvs-api`). */
export function wire(key: string, entry: KvsEntry, entityName?: string): Row {
  return {
    key,
    ...(entityName !== undefined ? { entityName } : {}),
    value: entry.value,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    ...(entry.expiresAt !== undefined ? { expireTime: new Date(entry.expiresAt).toISOString() } : {}),
  };
}

export function entitySpace(name: unknown): Namespace {
  return `entity:${validateEntityName(name)}`;
}

export function itemSpace(item: Row): Namespace {
  return item.entityName === undefined ? 'kvs' : entitySpace(item.entityName);
}

export function nameOf(item: Row): string {
  return typeof item.entityName === 'string' ? item.entityName : '';
}

export function itemIds(item: Row): Row {
  return { key: item.key, ...(item.entityName !== undefined ? { entityName: item.entityName } : {}) };
}

export function failureBody(error: unknown): { code: string; message: string } {
  if (error instanceof KvsFailure) return { code: error.code, message: error.message };
  throw error;
}

// Cursors are opaque to apps (and must not be persisted, guide §2); ours encodes the last key returned.
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: unknown): string {
  if (typeof cursor !== 'string' || cursor === '')
    throw badRequest('INVALID_CURSOR', 'The cursor is invalid');
  return Buffer.from(cursor, 'base64url').toString('utf8');
}
