import { badRequest } from './kvs-validation';

/**
 * Conditions of custom-entity writes and transaction checks (`{and|or: [{property, condition, values}]}`, see
 * `@forge/kvs` `FilterConditions`), evaluated against the stored object's top-level attributes.
 */
interface FilterClause {
  property: string;
  condition: string;
  values: unknown[];
}
export type Conditions = { and?: FilterClause[]; or?: FilterClause[] };

type Comparable = string | number;
const comparable = (v: unknown): v is Comparable => typeof v === 'string' || typeof v === 'number';

function holds(clause: FilterClause, record: Record<string, unknown> | undefined): boolean {
  const attr = record?.[clause.property];
  const [a, b] = clause.values;
  switch (clause.condition) {
    case 'EXISTS':
      return attr !== undefined;
    case 'NOT_EXISTS':
      return attr === undefined;
    case 'EQUAL_TO':
      return attr === a;
    case 'NOT_EQUAL_TO':
      return attr !== a;
    case 'BEGINS_WITH':
      return typeof attr === 'string' && attr.startsWith(String(a));
    case 'CONTAINS':
      return (
        (typeof attr === 'string' && attr.includes(String(a))) || (Array.isArray(attr) && attr.includes(a))
      );
    case 'NOT_CONTAINS':
      return !(
        (typeof attr === 'string' && attr.includes(String(a))) ||
        (Array.isArray(attr) && attr.includes(a))
      );
    case 'GREATER_THAN':
      return comparable(attr) && comparable(a) && attr > a;
    case 'GREATER_THAN_EQUAL_TO':
      return comparable(attr) && comparable(a) && attr >= a;
    case 'LESS_THAN':
      return comparable(attr) && comparable(a) && attr < a;
    case 'LESS_THAN_EQUAL_TO':
      return comparable(attr) && comparable(a) && attr <= a;
    case 'BETWEEN':
      return comparable(attr) && comparable(a) && comparable(b) && attr >= a && attr <= b;
    default:
      throw badRequest('INVALID_FILTER', `Unknown filter condition '${clause.condition}'`);
  }
}

/** True when `value` (the stored object, or undefined when absent) satisfies `conditions`. */
export function conditionsHold(conditions: Conditions, value: unknown): boolean {
  const record =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  const and = conditions.and ?? [];
  const or = conditions.or ?? [];
  return and.every((c) => holds(c, record)) && (or.length === 0 || or.some((c) => holds(c, record)));
}
