import type { Clause, Operand } from '@atlaskit/jql-ast';
import { DATE_FUNCTIONS } from './dates';
import { fieldNameOf } from './field-name';

/** A JQL operand reduced to what evaluation needs. */
export type OperandPlan =
  | { kind: 'empty' }
  | { kind: 'value'; text: string }
  | { kind: 'function'; name: string; args: string[] }
  | { kind: 'list'; items: OperandPlan[] };

/** A WHERE clause reduced to what evaluation needs. */
export type ClausePlan =
  | { kind: 'and' | 'or'; clauses: ClausePlan[] }
  | { kind: 'not'; clause: ClausePlan }
  | { kind: 'term'; field: string; operator: SupportedOperator; operand: OperandPlan };

export type SupportedOperator =
  '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | '~' | '!~' | 'is' | 'is not';

const SUPPORTED: ReadonlySet<string> = new Set([
  '=',
  '!=',
  '>',
  '>=',
  '<',
  '<=',
  'in',
  'not in',
  '~',
  '!~',
  'is',
  'is not',
]);

/** Functions the simulator evaluates (lower case). `membersOf()` and history functions are not modelled. */
const FUNCTIONS: ReadonlySet<string> = new Set([...DATE_FUNCTIONS, 'currentuser']);

function planOperand(operand: Operand, errors: string[]): OperandPlan {
  switch (operand.operandType) {
    case 'keyword':
      return { kind: 'empty' };
    case 'value':
      return { kind: 'value', text: operand.value };
    case 'list':
      return { kind: 'list', items: operand.values.map((v) => planOperand(v, errors)) };
    case 'function': {
      const name = operand.function.value;
      // Jira's 400 text for a function it does not know.
      if (!FUNCTIONS.has(name.toLowerCase())) errors.push(`Unable to find JQL function '${name}()'.`);
      return { kind: 'function', name, args: operand.arguments.map((a) => a.value) };
    }
  }
}

/** Reduces a parsed WHERE clause to a plan, collecting names and Jira-style errors for what is not supported. */
export function planClause(clause: Clause, fieldNames: string[], errors: string[]): ClausePlan {
  if (clause.clauseType === 'compound') {
    return {
      kind: clause.operator.value,
      clauses: clause.clauses.map((c) => planClause(c, fieldNames, errors)),
    };
  }
  if (clause.clauseType === 'not')
    return { kind: 'not', clause: planClause(clause.clause, fieldNames, errors) };
  const field = fieldNameOf(clause.field);
  fieldNames.push(field);
  const operator = (clause.operator?.value ?? '').toLowerCase();
  if (!SUPPORTED.has(operator)) {
    errors.push(
      `The operator '${operator.toUpperCase()}' is not supported by the local Jira site (field '${field}').`,
    );
  }
  const operand: OperandPlan = clause.operand ? planOperand(clause.operand, errors) : { kind: 'empty' };
  return { kind: 'term', field, operator: operator as SupportedOperator, operand };
}
