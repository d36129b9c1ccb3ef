import { conditionsHold, type Conditions } from './kvs-conditions';
import type { KvsEntry, Namespace } from './kvs-store';
import { badRequest } from './kvs-validation';
import { asRow, decodeCursor, encodeCursor, type Row } from './kvs-wire';
import { KVS_QUERY_DEFAULT_LIMIT, KVS_QUERY_MAX_LIMIT } from './limits';
import type { EntityDefinitions, EntityIndexDefinitions } from './manifest';

/** The range conditions an index query takes on its range attribute (`@forge/kvs` `WhereConditions`). */
const RANGE_CONDITIONS = new Set([
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
]);

/** Attribute types an index may range or partition over; `any` is not orderable. */
const INDEXABLE = new Set(['string', 'integer', 'float', 'boolean']);

/** What an index query reads: the entity's values as the index sees them. */
export interface IndexedEntries {
  keys(ns: Namespace): string[];
  /** The value the index holds for `key` at query time (an index may lag behind the latest write). */
  indexed(ns: Namespace, key: string): KvsEntry | undefined;
}

interface QueryPlan {
  entityName: string;
  range: string;
  partitionAttrs: readonly string[];
  partition: unknown[];
  where: Conditions['and'];
  filters: Conditions | undefined;
  sort: 'ASC' | 'DESC';
  limit: number;
  after: { at: unknown; key: string } | undefined;
}

function plan(row: Row, entities: EntityDefinitions, indexes: EntityIndexDefinitions): QueryPlan {
  const entityName = String(row.entityName);
  const attributes = entities.get(entityName);
  if (!attributes)
    throw badRequest('INVALID_ENTITY', `The entity '${entityName}' is not declared in the app's manifest`);
  const indexName = typeof row.indexName === 'string' ? row.indexName : '';
  const index = indexes.get(entityName)?.get(indexName);
  if (!index || index.range.length === 0)
    throw badRequest('INVALID_INDEX', `The index '${indexName}' is not declared for entity '${entityName}'`);
  for (const attr of [...index.range, ...index.partition]) {
    if (!INDEXABLE.has(attributes.get(attr) ?? 'any'))
      throw badRequest('INVALID_INDEX', `Attribute '${attr}' of entity '${entityName}' cannot be indexed`);
  }
  const partition = row.partition === undefined ? [] : row.partition;
  if (!Array.isArray(partition) || partition.length !== index.partition.length)
    throw badRequest(
      'INVALID_PARTITION',
      `The index '${indexName}' needs exactly ${index.partition.length} partition value(s)`,
    );
  const range = index.range[0] as string;
  const where = rangeClause(row.range, range, attributes.get(range) ?? 'any');
  const limit = row.limit ?? KVS_QUERY_DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > KVS_QUERY_MAX_LIMIT)
    throw badRequest('INVALID_LIMIT', `The page limit must be set between 1 and ${KVS_QUERY_MAX_LIMIT}.`);
  const sort = row.sort ?? 'ASC';
  if (sort !== 'ASC' && sort !== 'DESC') throw badRequest('INVALID_SORT', 'Sort must be ASC or DESC');
  return {
    entityName,
    range,
    partitionAttrs: index.partition,
    partition,
    where,
    filters: filtersOf(row.filters, attributes, entityName),
    sort,
    limit,
    after: row.cursor === undefined ? undefined : cursorPosition(decodeCursor(row.cursor)),
  };
}

function rangeClause(raw: unknown, attr: string, type: string): Conditions['and'] {
  if (raw === undefined) return [];
  const clause = asRow(raw);
  const condition = String(clause.condition);
  const values = Array.isArray(clause.values) ? (clause.values as unknown[]) : [];
  if (!RANGE_CONDITIONS.has(condition))
    throw badRequest('INVALID_WHERE', `'${condition}' is not a range condition of an index`);
  if (condition === 'BEGINS_WITH' && type !== 'string')
    throw badRequest('INVALID_WHERE', `beginsWith needs a string range attribute ('${attr}' is ${type})`);
  const wanted = type === 'string' ? 'string' : type === 'boolean' ? 'boolean' : 'number';
  if (values.length !== (condition === 'BETWEEN' ? 2 : 1) || values.some((v) => typeof v !== wanted))
    throw badRequest('INVALID_WHERE', `The range values must be of the range attribute's type (${type})`);
  return [{ property: attr, condition, values }];
}

function filtersOf(
  raw: unknown,
  attributes: ReadonlyMap<string, string>,
  entity: string,
): Conditions | undefined {
  if (raw === undefined) return undefined;
  const row = asRow(raw);
  const clauses = [...(Array.isArray(row.and) ? row.and : []), ...(Array.isArray(row.or) ? row.or : [])];
  for (const clause of clauses.map(asRow)) {
    if (!attributes.has(String(clause.property)))
      throw badRequest(
        'INVALID_FILTER',
        `Attribute '${String(clause.property)}' is not declared for entity '${entity}'`,
      );
  }
  return row;
}

function cursorPosition(text: string): { at: unknown; key: string } {
  try {
    const [at, key] = JSON.parse(text) as [unknown, unknown];
    if (typeof key === 'string') return { at, key };
  } catch {
    // falls through to the refusal below
  }
  throw badRequest('INVALID_CURSOR', 'The cursor is invalid');
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A query on a declared custom entity index (`POST /api/v1/entity/query`): exactly the index's partition values,
 * an optional range condition on its range attribute, optional filters on declared attributes, sorted by the
 * range value (then key), paged with an opaque cursor. An entity lacking a partition or range attribute is not
 * in the index.
 */
export function queryEntityIndex(
  row: Row,
  entries: IndexedEntries,
  entities: EntityDefinitions,
  indexes: EntityIndexDefinitions,
): Row {
  const q = plan(row, entities, indexes);
  const ns: Namespace = `entity:${q.entityName}`;
  const matches: { key: string; entry: KvsEntry; at: unknown }[] = [];
  for (const key of entries.keys(ns)) {
    const entry = entries.indexed(ns, key);
    const value = asRow(entry?.value);
    if (!entry || value[q.range] === undefined) continue;
    if (q.partitionAttrs.some((attr, i) => value[attr] === undefined || value[attr] !== q.partition[i]))
      continue;
    if (!conditionsHold({ and: q.where ?? [] }, value)) continue;
    if (q.filters && !conditionsHold(q.filters, value)) continue;
    matches.push({ key, entry, at: value[q.range] });
  }
  const order = (a: { key: string; at: unknown }, b: { key: string; at: unknown }) =>
    compare(a.at, b.at) || compare(a.key, b.key);
  matches.sort((a, b) => (q.sort === 'ASC' ? order(a, b) : order(b, a)));
  // The cursor is a position in the index order, so entities that moved meanwhile neither stall nor repeat a page.
  const after = q.after;
  const rest = after
    ? matches.filter((m) => (q.sort === 'ASC' ? order(m, after) : order(after, m)) > 0)
    : matches;
  const page = rest.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((m) => ({ key: m.key, value: m.entry.value })),
    ...(rest.length > q.limit && last ? { cursor: encodeCursor(JSON.stringify([last.at, last.key])) } : {}),
  };
}
