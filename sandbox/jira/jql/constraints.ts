import type { BoundTerm, TermPlan } from './evaluate';
import { termAccepts } from './evaluate';
import type { ClausePlan, SupportedOperator } from './plan';
import type { JqlContext } from './types';
import { comparableKey } from './values';

/**
 * An interval of comparable keys (epoch milliseconds for date fields, numbers for number fields). Every value
 * that satisfies the term has its key inside; `min > max` (or an open end at the same point) means nothing matches.
 */
interface JqlKeyRange {
  min: number;
  max: number;
  minInclusive: boolean;
  maxInclusive: boolean;
}

/**
 * A term that every matching issue satisfies: a top-level term of the WHERE clause, or one AND-ed at the top
 * level (`project = SD AND status = Open AND processNextDue <= now()` has three). Searches use them to pick
 * candidate issues from indexes before running `matches` on each; `matches` stays the judge.
 */
export interface JqlConstraint {
  /** The field name as written (give it to `ctx.resolveField`). */
  readonly field: string;
  readonly operator: SupportedOperator;
  /** Whether an issue whose field holds `value` (as `ctx.fieldValue` returns it) satisfies the term. */
  accepts(value: unknown, ctx: JqlContext): boolean;
  /**
   * For `=`, `IN`, `>`, `>=`, `<`, `<=` on a date or number field: the key interval every satisfying value lies
   * in (keys by `comparableKey`). Undefined for every other term (text fields, negations, EMPTY operands).
   */
  keyRange(ctx: JqlContext): JqlKeyRange | undefined;
}

const RANGE_OPERATORS: ReadonlySet<SupportedOperator> = new Set(['=', 'in', '>', '>=', '<', '<=']);
const NOTHING: JqlKeyRange = { min: Infinity, max: -Infinity, minInclusive: false, maxInclusive: false };

function rangeOf(term: TermPlan, bound: BoundTerm): JqlKeyRange | undefined {
  const { mode } = bound;
  if ((mode !== 'date' && mode !== 'number') || !RANGE_OPERATORS.has(term.operator)) return undefined;
  const equality = term.operator === '=' || term.operator === 'in';
  // `IN (EMPTY, …)` also matches issues without a value, which no key interval holds.
  if (equality && bound.targets.includes(null)) return undefined;
  // A target that does not compare (unparsable date, text against a number) never matches, as in `evaluate`.
  const keys = bound.targets.flatMap((t) => {
    const key = t === null || t === undefined ? undefined : comparableKey(t, mode);
    return key === undefined ? [] : [key];
  });
  if (keys.length === 0) return NOTHING;
  const low = Math.min(...keys);
  const high = Math.max(...keys);
  switch (term.operator) {
    case '=':
    case 'in':
      return { min: low, max: high, minInclusive: true, maxInclusive: true };
    // Ordered operators hold when the value beats at least one target: the loosest target bounds them.
    case '>':
      return { min: low, max: Infinity, minInclusive: false, maxInclusive: true };
    case '>=':
      return { min: low, max: Infinity, minInclusive: true, maxInclusive: true };
    case '<':
      return { min: -Infinity, max: high, minInclusive: true, maxInclusive: false };
    case '<=':
      return { min: -Infinity, max: high, minInclusive: true, maxInclusive: true };
    default:
      return undefined;
  }
}

function conjuncts(plan: ClausePlan | undefined): TermPlan[] {
  if (!plan) return [];
  if (plan.kind === 'term') return [plan];
  if (plan.kind === 'and') return plan.clauses.flatMap(conjuncts);
  return [];
}

/**
 * The terms a WHERE plan AND-s at its top level (through nested ANDs, never into OR or NOT), each bound to a
 * context by `bind` (the compiled query's per-context memo, so values are computed once per search).
 */
export function topLevelConstraints(
  where: ClausePlan | undefined,
  bind: (term: TermPlan, ctx: JqlContext) => BoundTerm,
): JqlConstraint[] {
  return conjuncts(where).map((term) => ({
    field: term.field,
    operator: term.operator,
    accepts: (value, ctx) => termAccepts(term, bind(term, ctx), value),
    keyRange: (ctx) => rangeOf(term, bind(term, ctx)),
  }));
}
