import { conditionsHold } from './kvs-conditions';
import { validateEntityValue } from './kvs-entities';
import { queryEntityIndex } from './kvs-entity-query';
import type { EntityDefinitions, EntityIndexDefinitions } from './manifest';
import type { KvsEntry, KvsStore, Namespace } from './kvs-store';
import { KvsFailure, badRequest, ttlMs, validateKey, validateValue } from './kvs-validation';
import {
  asRow,
  decodeCursor,
  encodeCursor,
  entitySpace,
  failureBody,
  itemIds,
  itemSpace,
  conflictFailure,
  DEFAULT_KVS_CONFLICT,
  keyConflict,
  type KvsConflictShape,
  nameOf,
  notFound,
  wire,
  type Row,
} from './kvs-wire';
import { KVS_BATCH_MAX, KVS_QUERY_DEFAULT_LIMIT, KVS_QUERY_MAX_LIMIT, KVS_TRANSACTION_MAX } from './limits';

/** A KVS HTTP answer: status plus JSON body (none for 204). */
export interface KvsReply {
  status: number;
  body?: unknown;
}

/** A validated write, ready to commit. */
interface PlannedSet {
  ns: Namespace;
  key: string;
  entry: KvsEntry;
  previous: KvsEntry | undefined;
}

/**
 * The KVS service behind `@forge/kvs` (`POST /api/v1/...`, see `storage-api.js`): get/set/delete, secrets, custom
 * entity get/set/delete, key-prefix query with cursors, batches and all-or-nothing transactions, with the
 * documented limits. Every request is validated completely before anything is written.
 */
export class KvsApi {
  /**
   * `entities` are the manifest's custom entity declarations; a write to an undeclared entity or attribute, or
   * of a value of the wrong type, is refused (Custom Entity Store docs: attributes are declared and typed).
   * Without declarations (tests of the KVS service alone) entities are not checked.
   */
  constructor(
    private readonly store: KvsStore,
    private readonly entities?: EntityDefinitions,
    private readonly conflict: KvsConflictShape = DEFAULT_KVS_CONFLICT,
    private readonly indexes: EntityIndexDefinitions = new Map(),
  ) {}

  /** Serves one request; never throws for bad input (answers 4xx like the service). */
  handle(path: string, bodyText: string | undefined): KvsReply {
    try {
      let body: unknown;
      try {
        body = bodyText ? JSON.parse(bodyText) : {};
      } catch {
        throw badRequest('BAD_REQUEST', 'Provided request body is invalid');
      }
      const reply = this.route(path.replace(/^\/api\/v1/, ''), body);
      this.store.flush();
      return reply;
    } catch (error) {
      if (error instanceof KvsFailure)
        return { status: error.status, body: { code: error.code, message: error.message } };
      throw error;
    }
  }

  private route(op: string, body: unknown): KvsReply {
    const row = asRow(body);
    switch (op) {
      case '/get':
        return this.get('kvs', row);
      case '/set':
        return this.set('kvs', row);
      case '/delete':
        return this.delete('kvs', row);
      case '/secret/get':
        return this.get('secret', row);
      case '/secret/set':
        return this.set('secret', row);
      case '/secret/delete':
        return this.delete('secret', row);
      case '/entity/get':
        return this.get(entitySpace(row.entityName), row);
      case '/entity/set':
        return this.set(entitySpace(row.entityName), row);
      case '/entity/delete':
        return this.delete(entitySpace(row.entityName), row);
      case '/query':
        return this.query(row);
      case '/entity/query':
        if (!this.entities) throw badRequest('INVALID_ENTITY', 'No custom entities are declared');
        return { status: 200, body: queryEntityIndex(row, this.store, this.entities, this.indexes) };
      case '/batch/set':
        return this.batchSet(body);
      case '/batch/get':
        return this.batchGet(body);
      case '/batch/delete':
        return this.batchDelete(body);
      case '/transaction':
        return this.transact(row);
      default:
        throw new KvsFailure(404, 'NOT_FOUND', `The local Forge host does not serve KVS operation '${op}'`);
    }
  }

  private get(ns: Namespace, row: Row): KvsReply {
    const key = validateKey(row.key);
    const entry = this.store.get(ns, key);
    if (!entry) throw notFound();
    return { status: 200, body: wire(key, entry) };
  }

  private set(ns: Namespace, row: Row): KvsReply {
    const options = asRow(row.options);
    const planned = this.planSet(ns, row.key, row.value, options);
    if (options.keyPolicy === 'FAIL_IF_EXISTS' && planned.previous)
      throw keyConflict(planned.key, this.conflict);
    this.store.put(ns, planned.key, planned.entry);
    if (options.returnValue === 'LATEST') return { status: 200, body: wire(planned.key, planned.entry) };
    if (options.returnValue === 'PREVIOUS' && planned.previous)
      return { status: 200, body: wire(planned.key, planned.previous) };
    return { status: 204 };
  }

  private delete(ns: Namespace, row: Row): KvsReply {
    // Deleting a missing key succeeds: delete is idempotent.
    this.store.remove(ns, validateKey(row.key));
    return { status: 204 };
  }

  private planSet(ns: Namespace, rawKey: unknown, value: unknown, options: Row): PlannedSet {
    const key = validateKey(rawKey);
    validateValue(value);
    if (ns !== 'kvs' && ns !== 'secret' && this.entities)
      validateEntityValue(this.entities, ns.slice('entity:'.length), value);
    const ttl = ttlMs(options);
    const now = Date.now();
    const previous = this.store.get(ns, key);
    const entry: KvsEntry = {
      value: structuredClone(value),
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      ...(ttl !== undefined ? { expiresAt: now + ttl } : {}),
    };
    return { ns, key, entry, previous };
  }

  // Only `where('key', beginsWith(prefix))` exists for plain KVS; results come in key order.
  private query(row: Row): KvsReply {
    const limit = row.limit ?? KVS_QUERY_DEFAULT_LIMIT;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > KVS_QUERY_MAX_LIMIT) {
      throw badRequest('INVALID_LIMIT', `The page limit must be set between 1 and ${KVS_QUERY_MAX_LIMIT}.`);
    }
    let prefix = '';
    for (const clause of Array.isArray(row.where) ? (row.where as unknown[]).map(asRow) : []) {
      if (clause.property !== 'key' || clause.condition !== 'BEGINS_WITH' || !Array.isArray(clause.values)) {
        throw badRequest('INVALID_WHERE', 'Only where("key", beginsWith(...)) is supported by KVS queries');
      }
      prefix = String(clause.values[0]);
    }
    const after = row.after === undefined ? undefined : decodeCursor(row.after);
    const keys = this.store
      .keys('kvs')
      .filter((k) => k.startsWith(prefix) && (after === undefined || k > after));
    const page = keys.slice(0, limit);
    const last = page[page.length - 1];
    return {
      status: 200,
      body: {
        data: page.map((k) => wire(k, this.store.get('kvs', k) as KvsEntry)),
        ...(keys.length > limit && last !== undefined ? { cursor: encodeCursor(last) } : {}),
      },
    };
  }

  private batchItems(body: unknown): Row[] {
    if (!Array.isArray(body) || body.length === 0)
      throw badRequest('BAD_REQUEST', 'A batch needs at least one item');
    if (body.length > KVS_BATCH_MAX)
      throw badRequest('BAD_REQUEST', `A batch can contain at most ${KVS_BATCH_MAX} items`);
    const items = body.map(asRow);
    const seen = new Set<string>();
    for (const item of items) {
      const id = `${nameOf(item)}\u0000${String(item.key)}`;
      if (seen.has(id))
        throw badRequest('BAD_REQUEST', `The batch contains the key '${String(item.key)}' more than once`);
      seen.add(id);
    }
    return items;
  }

  // Batches complete as many items as possible and report each failure (storage-reference/batchops).
  private batchSet(body: unknown): KvsReply {
    const successfulKeys: Row[] = [];
    const failedKeys: Row[] = [];
    for (const item of this.batchItems(body)) {
      const ids = itemIds(item);
      try {
        const planned = this.planSet(itemSpace(item), item.key, item.value, asRow(item.options));
        this.store.put(planned.ns, planned.key, planned.entry);
        successfulKeys.push(ids);
      } catch (error) {
        failedKeys.push({ ...ids, error: failureBody(error) });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchGet(body: unknown): KvsReply {
    const successfulKeys: Row[] = [];
    const failedKeys: Row[] = [];
    for (const item of this.batchItems(body)) {
      const entityName = typeof item.entityName === 'string' ? item.entityName : undefined;
      try {
        const key = validateKey(item.key);
        const entry = this.store.get(itemSpace(item), key);
        if (!entry) throw notFound();
        successfulKeys.push(wire(key, entry, entityName));
      } catch (error) {
        failedKeys.push({ ...itemIds(item), error: failureBody(error) });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchDelete(body: unknown): KvsReply {
    const successfulKeys: Row[] = [];
    const failedKeys: Row[] = [];
    for (const item of this.batchItems(body)) {
      try {
        this.store.remove(itemSpace(item), validateKey(item.key));
        successfulKeys.push(itemIds(item));
      } catch (error) {
        failedKeys.push({ ...itemIds(item), error: failureBody(error) });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  // All-or-nothing (storage-reference/transactions): ≤ 25 operations, each key once; every set is validated
  // and every condition checked before the first write, so a failure leaves the store untouched.
  private transact(row: Row): KvsReply {
    const sets = Array.isArray(row.set) ? row.set.map(asRow) : [];
    const deletes = Array.isArray(row.delete) ? row.delete.map(asRow) : [];
    const checks = Array.isArray(row.check) ? row.check.map(asRow) : [];
    const total = sets.length + deletes.length + checks.length;
    if (total === 0) throw badRequest('BAD_REQUEST', 'A transaction needs at least one operation');
    if (total > KVS_TRANSACTION_MAX)
      throw badRequest('BAD_REQUEST', `A transaction can contain at most ${KVS_TRANSACTION_MAX} operations`);
    const seen = new Set<string>();
    for (const op of [...sets, ...deletes, ...checks]) {
      const id = `${nameOf(op)}\u0000${validateKey(op.key)}`;
      if (seen.has(id))
        throw badRequest(
          'BAD_REQUEST',
          `Each key can only be used once in a transaction ('${String(op.key)}')`,
        );
      seen.add(id);
      // Conditions are a Custom Entity Store feature: "check whether a specific Custom Entity condition is
      // true" (KVS REST reference, Transaction); plain keys take none.
      if (op.conditions !== undefined && op.entityName === undefined)
        throw badRequest('BAD_REQUEST', `Conditions need an entityName (key '${String(op.key)}')`);
      if (op.conditions !== undefined) {
        const current = this.store.get(itemSpace(op), String(op.key));
        if (!conditionsHold(asRow(op.conditions), current?.value)) {
          throw conflictFailure(this.conflict, `The conditions for key '${String(op.key)}' were not met`);
        }
      }
    }
    const planned = sets.map((op) => this.planSet(itemSpace(op), op.key, op.value, asRow(op.options)));
    for (const p of planned) this.store.put(p.ns, p.key, p.entry);
    for (const op of deletes) this.store.remove(itemSpace(op), String(op.key));
    return { status: 204 };
  }
}
