import type { JqlConstraint } from './constraints';

/** How the simulator core resolves a JQL field name (see `index.ts` for the names it receives). */
export type JqlFieldRef =
  | { kind: 'system'; id: string }
  | { kind: 'custom'; id: string; type: string }
  | {
      kind: 'property';
      propertyKey: string;
      path: string;
      type: 'number' | 'string' | 'text' | 'user' | 'date';
    };

/** Everything evaluation needs from the simulator: the clock, the caller and field access. */
export interface JqlContext {
  now: Date;
  currentUserAccountId?: string;
  /** Field/alias/property → comparable value (string, number, Date, ISO string, object with name/key/id, array). */
  fieldValue(issue: unknown, field: JqlFieldRef): unknown;
  /** Name → ref; `undefined` makes the query fail with Jira's "Field 'x' does not exist…" 400 text. */
  resolveField(name: string): JqlFieldRef | undefined;
}

/** A parsed, checked query ready to filter and sort issues. */
export interface CompiledJql {
  matches(issue: unknown, ctx: JqlContext): boolean;
  /** ORDER BY comparator (0 when the query has no ORDER BY or the issues tie on every field). */
  compare(a: unknown, b: unknown, ctx: JqlContext): number;
  /** False when the query has no restricting clause (empty, or only ORDER BY): /search/jql answers 400. */
  isBounded: boolean;
  /** Every field name the query uses, as passed to `resolveField`, in order of appearance, without duplicates. */
  fieldNames: string[];
  /** Jira's 400 messages for fields `ctx` cannot resolve (empty when all resolve). Call before `matches`. */
  checkFields(ctx: JqlContext): string[];
  /**
   * The terms every matching issue satisfies (top-level AND-ed terms), for picking candidates from indexes.
   * Call after `checkFields`; `matches` must still be applied to each candidate.
   */
  constraints: JqlConstraint[];
}

/** Thrown by `matches`/`compare` when a field does not resolve; `errors` are Jira's 400 `errorMessages`. */
export class JqlEvaluationError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join(' '));
    this.name = 'JqlEvaluationError';
  }
}
