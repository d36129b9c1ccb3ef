import { evaluateDateFunction, parseJqlDate, parseRelativeDate } from './dates';
import type { ClausePlan, OperandPlan, SupportedOperator } from './plan';
import type { JqlContext, JqlFieldRef } from './types';
import { compareScalars, modeOf, scalarsOf, type CompareMode } from './values';

type Scalar = string | number | Date;
/** One operand value: `null` is EMPTY; `undefined` is a value that can match nothing (currentUser() anonymous). */
type Target = Scalar | null | undefined;

/** Resolves a field name to a ref, as the simulator's `resolveField` does; throws for unknown fields. */
export type Resolve = (name: string) => JqlFieldRef;

function targetsOf(operand: OperandPlan, ctx: JqlContext, mode: CompareMode | undefined): Target[] {
  switch (operand.kind) {
    case 'empty':
      return [null];
    case 'list':
      return operand.items.flatMap((item) => targetsOf(item, ctx, mode));
    case 'function':
      if (operand.name.toLowerCase() === 'currentuser') return [ctx.currentUserAccountId];
      return [evaluateDateFunction(operand.name, operand.args, ctx.now)];
    case 'value':
      return [mode === 'date' ? (parseJqlDate(operand.text, ctx.now) ?? operand.text) : operand.text];
  }
}

/** A field without a declared type compares as dates when the operand is a date function or relative date. */
function impliedMode(operand: OperandPlan): CompareMode | undefined {
  if (operand.kind === 'function' && operand.name.toLowerCase() !== 'currentuser') return 'date';
  if (operand.kind === 'value' && parseRelativeDate(operand.text, new Date(0)) !== undefined) return 'date';
  return undefined;
}

const likeTerm = (t: Target): string =>
  String(t ?? '')
    .replace(/[*?]/g, '')
    .trim()
    .toLowerCase();
const contains = (values: Scalar[], t: Target): boolean =>
  t !== null && t !== undefined && values.some((v) => String(v).toLowerCase().includes(likeTerm(t)));

function test(
  operator: SupportedOperator,
  values: Scalar[],
  targets: Target[],
  mode: CompareMode | undefined,
): boolean {
  const equals = (t: Target) =>
    t !== null && t !== undefined && values.some((v) => compareScalars(v, t, mode) === 0);
  const hasEmpty = targets.includes(null);
  const isEmpty = values.length === 0;
  const ordered = (ok: (c: number) => boolean) =>
    targets.some(
      (t) => t !== null && t !== undefined && values.some((v) => ok(compareScalars(v, t, mode) ?? NaN)),
    );
  switch (operator) {
    case 'is':
    case '=':
    case 'in':
      return (hasEmpty && isEmpty) || targets.some(equals);
    // Jira quirk: `!=` and `NOT IN` never match an issue whose field is empty (`assignee != bob` skips
    // unassigned issues); `!= EMPTY` / `IS NOT EMPTY` match exactly the non-empty ones.
    case 'is not':
    case '!=':
    case 'not in':
      return !isEmpty && !targets.some(equals);
    case '>':
      return ordered((c) => c > 0);
    case '>=':
      return ordered((c) => c >= 0);
    case '<':
      return ordered((c) => c < 0);
    case '<=':
      return ordered((c) => c <= 0);
    // `~` is a case-insensitive "contains" on the text (wildcards `*`/`?` are dropped).
    case '~':
      return targets.some((t) => contains(values, t));
    case '!~':
      return !isEmpty && !targets.some((t) => contains(values, t));
  }
}

/** One WHERE term. */
export type TermPlan = Extract<ClausePlan, { kind: 'term' }>;

/** A term bound to one context: its field ref, compare mode and operand values (computed once per search). */
export interface BoundTerm {
  ref: JqlFieldRef;
  mode: CompareMode | undefined;
  targets: Target[];
}

/** Binds a term to a context (resolving its field; throws like `resolve` for unknown fields). */
export function bindTerm(term: TermPlan, ctx: JqlContext, resolve: Resolve): BoundTerm {
  const ref = resolve(term.field);
  const mode = modeOf(ref) ?? impliedMode(term.operand);
  return { ref, mode, targets: targetsOf(term.operand, ctx, mode) };
}

/** Whether a field value (as `ctx.fieldValue` returns it) satisfies a bound term: the test `evaluate` applies. */
export function termAccepts(term: TermPlan, bound: BoundTerm, value: unknown): boolean {
  return test(term.operator, scalarsOf(value), bound.targets, bound.mode);
}

/**
 * Evaluates a WHERE plan against one issue. `bind` (optional) supplies each term's bound form, so a search binds
 * its terms once instead of once per issue; without it every term is bound on the spot.
 */
export function evaluate(
  plan: ClausePlan,
  issue: unknown,
  ctx: JqlContext,
  resolve: Resolve,
  bind: (term: TermPlan) => BoundTerm = (term) => bindTerm(term, ctx, resolve),
): boolean {
  switch (plan.kind) {
    case 'and':
      return plan.clauses.every((c) => evaluate(c, issue, ctx, resolve, bind));
    case 'or':
      return plan.clauses.some((c) => evaluate(c, issue, ctx, resolve, bind));
    case 'not':
      return !evaluate(plan.clause, issue, ctx, resolve, bind);
    case 'term': {
      const bound = bind(plan);
      return termAccepts(plan, bound, ctx.fieldValue(issue, bound.ref));
    }
  }
}
