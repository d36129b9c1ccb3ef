/**
 * JQL for the local Jira site: parse with Atlassian's grammar, then filter and sort the simulator's issues.
 *
 * Field names passed to `ctx.resolveField` (B1 maps them to refs; Jira matches names case-insensitively):
 * - a plain field, alias or searchAlias exactly as written: `status`, `issuetype`, `type`, `key`, `project`,
 *   `processNextDue`;
 * - a quoted field name without its quotes: `"Delivery version"` → `Delivery version`;
 * - a custom field id as written: `cf[10100]`;
 * - an entity property as `issue.property[<key>].<path>`: key unquoted, path joined with dots, e.g.
 *   `issue.property[jsm-process-state].nextDueAt` (same for `issue.property["jsm-process-state"].nextDueAt`).
 * ORDER BY fields go through the same mapping. `compiled.fieldNames` lists them all.
 *
 * Supported: AND/OR/NOT and parentheses; `= != > >= < <= IN, NOT IN, ~, !~, IS [NOT] EMPTY|NULL`, `EMPTY` in
 * lists; `now()`, `startOf/endOf Day|Week|Month|Year([inc])`, `currentUser()`; relative and absolute dates (UTC);
 * ORDER BY up to 7 fields. Not modelled (400 with a clear message): WAS/CHANGED history operators, other functions.
 */
import { topLevelConstraints, type JqlConstraint } from './constraints';
import { bindTerm, evaluate, type BoundTerm, type Resolve, type TermPlan } from './evaluate';
import { compareIssues, MAX_ORDER_BY_FIELDS, type OrderByPlan } from './order-by';
import { JQL_ERROR_PREFIX, parseJql } from './parse';
import { planClause, type ClausePlan } from './plan';
import { fieldNameOf } from './field-name';
import { JqlEvaluationError, type CompiledJql, type JqlContext, type JqlFieldRef } from './types';

export { JqlEvaluationError };
export type { CompiledJql, JqlContext, JqlFieldRef, JqlConstraint };
export { comparableKey } from './values';
export { parseJqlDate, toInstant } from './dates';

/** Jira's 400 text for a field name that does not resolve. */
const unknownFieldMessage = (name: string): string =>
  `Field '${name}' does not exist or you do not have permission to view it.`;

/**
 * Parses and checks a JQL query. Syntax errors come from Atlassian's parser with Jira's "Error in the JQL Query"
 * text; unknown functions, unsupported operators and more than 7 ORDER BY fields are reported here too.
 * Field names are resolved later, per context (`checkFields`, `matches`).
 *
 * @example
 * const r = compileJql('project = SD AND status = "Waiting for customer" AND updated <= -14d ORDER BY key');
 * if (r.ok) issues.filter((i) => r.query.matches(i, ctx)).sort((a, b) => r.query.compare(a, b, ctx));
 */
export function compileJql(jql: string): CompileResult {
  const cached = compiledByText.get(jql);
  if (cached) return cached;
  const result = compileUncached(jql);
  compiledByText.set(jql, result);
  if (compiledByText.size > COMPILE_CACHE_SIZE) {
    const oldest = compiledByText.keys().next().value;
    if (oldest !== undefined) compiledByText.delete(oldest);
  }
  return result;
}

type CompileResult = { ok: true; query: CompiledJql } | { ok: false; errors: string[] };

/** Parsing with Atlassian's grammar costs about a millisecond; repeated queries (paging, sweeps) reuse it. */
const COMPILE_CACHE_SIZE = 256;
const compiledByText = new Map<string, CompileResult>();

function compileUncached(jql: string): CompileResult {
  const parsed = parseJql(jql);
  if (!parsed.ok) return parsed;
  const errors: string[] = [];
  const names: string[] = [];
  const where: ClausePlan | undefined = parsed.query?.where
    ? planClause(parsed.query.where, names, errors)
    : undefined;
  const orderBy: OrderByPlan[] = (parsed.query?.orderBy?.fields ?? []).map((f) => {
    const field = fieldNameOf(f.field);
    names.push(field);
    return { field, descending: f.direction?.value === 'DESC' };
  });
  if (orderBy.length > MAX_ORDER_BY_FIELDS) {
    errors.push(`${JQL_ERROR_PREFIX} the ORDER BY clause may contain at most ${MAX_ORDER_BY_FIELDS} fields.`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const fieldNames = [...new Set(names)];

  // Refs are resolved once per context object, not once per issue.
  const resolvers = new WeakMap<JqlContext, Resolve>();
  const resolverFor = (ctx: JqlContext): Resolve => {
    let resolve = resolvers.get(ctx);
    if (!resolve) {
      const refs = new Map<string, JqlFieldRef>();
      resolve = (name) => {
        let ref = refs.get(name);
        if (!ref) {
          ref = ctx.resolveField(name);
          if (!ref) throw new JqlEvaluationError([unknownFieldMessage(name)]);
          refs.set(name, ref);
        }
        return ref;
      };
      resolvers.set(ctx, resolve);
    }
    return resolve;
  };

  // Terms are bound (field ref, mode, operand values) once per context object too.
  const binders = new WeakMap<JqlContext, (term: TermPlan) => BoundTerm>();
  const binderFor = (ctx: JqlContext): ((term: TermPlan) => BoundTerm) => {
    let bind = binders.get(ctx);
    if (!bind) {
      const memo = new Map<TermPlan, BoundTerm>();
      const resolve = resolverFor(ctx);
      bind = (term) => {
        let bound = memo.get(term);
        if (!bound) {
          bound = bindTerm(term, ctx, resolve);
          memo.set(term, bound);
        }
        return bound;
      };
      binders.set(ctx, bind);
    }
    return bind;
  };

  return {
    ok: true,
    query: {
      isBounded: where !== undefined,
      fieldNames,
      checkFields: (ctx) => fieldNames.filter((n) => !ctx.resolveField(n)).map(unknownFieldMessage),
      constraints: topLevelConstraints(where, (term, ctx) => binderFor(ctx)(term)),
      matches: (issue, ctx) => (where ? evaluate(where, issue, ctx, resolverFor(ctx), binderFor(ctx)) : true),
      compare: (a, b, ctx) => compareIssues(orderBy, a, b, ctx, resolverFor(ctx)),
    },
  };
}
