import type { Expression, Program } from 'acorn';
import { parseExpression, type ParsedExpression } from './parse-expression';
import {
  Entity,
  ExpressionEvaluationError,
  type ExprValue,
  fromJson,
  JsonObject,
  PropertyBag,
  typeOf,
} from './values';

/** Documented cap on expensive operations (entity property reads here) per evaluation. */
const MAX_EXPENSIVE_OPERATIONS = 10;

/** Thrown inside an optional chain whose left side is null: the whole chain is null. */
class ShortCircuit extends Error {}

interface Scope {
  vars: Map<string, ExprValue>;
  context: Readonly<Record<string, ExprValue>>;
  expensive: number;
}

const fail = (message: string): never => {
  throw new ExpressionEvaluationError(message);
};

function lookup(scope: Scope, name: string): ExprValue {
  if (scope.vars.has(name)) return scope.vars.get(name) ?? null;
  if (Object.prototype.hasOwnProperty.call(scope.context, name)) return scope.context[name] ?? null;
  return fail(`Evaluation failed: "${name}" - identifier not found.`);
}

function member(scope: Scope, object: ExprValue, key: ExprValue, computed: boolean): ExprValue {
  if (object === null) return fail('Type null does not have any properties.');
  if (object instanceof PropertyBag) {
    if (!computed || typeof key !== 'string') return fail('Entity properties are read with a string key.');
    scope.expensive++;
    if (scope.expensive > MAX_EXPENSIVE_OPERATIONS)
      fail(`Evaluation failed: more than ${MAX_EXPENSIVE_OPERATIONS} expensive operations.`);
    return fromJson(object.read(key));
  }
  if (object instanceof Entity) {
    if (typeof key !== 'string') return fail(`${object.typeName} fields are named by strings.`);
    return object.field(key);
  }
  if (object instanceof JsonObject) {
    if (typeof key !== 'string') return fail('Map keys are strings.');
    return Object.prototype.hasOwnProperty.call(object.value, key) ? fromJson(object.value[key]) : null;
  }
  if (Array.isArray(object) || typeof object === 'string') {
    if (key === 'length' && !computed) return object.length;
    if (typeof key === 'number' && computed && Number.isInteger(key)) {
      const item = object[key];
      return item === undefined ? null : item;
    }
  }
  return fail(`Unrecognized property of \`${typeOf(object)}\`: ${JSON.stringify(describe(key))}.`);
}

/** A key or method name for an error message. */
const describe = (value: ExprValue): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : typeOf(value);

function bool(value: ExprValue, where: string): boolean {
  if (typeof value !== 'boolean') fail(`${where} expects a Boolean, got ${typeOf(value)}.`);
  return value as boolean;
}

function equal(left: ExprValue, right: ExprValue): boolean {
  if (left === null || right === null) return left === right;
  const lt = typeOf(left);
  const rt = typeOf(right);
  if (lt !== rt || !['String', 'Number', 'Boolean'].includes(lt)) fail(`Can't compare ${lt} to ${rt}.`);
  return left === right;
}

function binary(operator: string, left: ExprValue, right: ExprValue): ExprValue {
  if (operator === '==') return equal(left, right);
  if (operator === '!=') return !equal(left, right);
  const both = typeof left === typeof right && (typeof left === 'string' || typeof left === 'number');
  if (!both) return fail(`Can't apply ${operator} to ${typeOf(left)} and ${typeOf(right)}.`);
  const [a, b] = [left, right as string | number];
  switch (operator) {
    case '+':
      return typeof a === 'string' ? a + (b as string) : a + (b as number);
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    default:
      return a >= b;
  }
}

function call(scope: Scope, node: Extract<Expression, { type: 'CallExpression' }>): ExprValue {
  const callee = node.callee as Extract<Expression, { type: 'MemberExpression' }>;
  const target = evaluate(scope, callee.object as Expression);
  const name = callee.computed
    ? evaluate(scope, callee.property as Expression)
    : (callee.property as { name: string }).name;
  if (target === null) {
    if (callee.optional) throw new ShortCircuit();
    return fail('Type null does not have any properties.');
  }
  const args = node.arguments.map((a) => evaluate(scope, a as Expression));
  if (Array.isArray(target) && name === 'includes' && args.length === 1) {
    const [needle] = args as [ExprValue];
    return target.some((item) =>
      item === null || needle === null ? item === needle : typeOf(item) === typeOf(needle) && item === needle,
    );
  }
  return fail(`Unrecognized method of \`${typeOf(target)}\`: ${JSON.stringify(describe(name))}.`);
}

function evaluate(scope: Scope, node: Expression): ExprValue {
  switch (node.type) {
    case 'Literal':
      return node.value as ExprValue;
    case 'Identifier':
      return lookup(scope, node.name);
    case 'ArrayExpression':
      return node.elements.map((e) =>
        e === null ? fail('Empty list element.') : evaluate(scope, e as Expression),
      );
    case 'ChainExpression':
      try {
        return evaluate(scope, node.expression);
      } catch (signal) {
        if (signal instanceof ShortCircuit) return null;
        throw signal;
      }
    case 'MemberExpression': {
      const object = evaluate(scope, node.object as Expression);
      if (object === null && node.optional) throw new ShortCircuit();
      const key = node.computed
        ? evaluate(scope, node.property as Expression)
        : (node.property as { name: string }).name;
      return member(scope, object, key, node.computed);
    }
    case 'CallExpression':
      return call(scope, node);
    case 'UnaryExpression': {
      const value = evaluate(scope, node.argument);
      if (node.operator === '!') return !bool(value, '!');
      return typeof value === 'number' ? -value : fail(`Can't negate ${typeOf(value)}.`);
    }
    case 'BinaryExpression':
      return binary(node.operator, evaluate(scope, node.left as Expression), evaluate(scope, node.right));
    case 'LogicalExpression': {
      const left = bool(evaluate(scope, node.left), node.operator);
      if (node.operator === '&&' ? !left : left) return left;
      return bool(evaluate(scope, node.right), node.operator);
    }
    case 'ConditionalExpression':
      return bool(evaluate(scope, node.test), '? :')
        ? evaluate(scope, node.consequent)
        : evaluate(scope, node.alternate);
    default:
      return fail(`${node.type} is not supported.`);
  }
}

/** Parsed expressions by source text: the site evaluates the same few module expressions over and over. */
const parsedCache = new Map<string, ParsedExpression>();

export type EvaluationResult = { ok: true; value: ExprValue } | { ok: false; error: string };

/**
 * Evaluates a parsed program with the module's context variables: each `let` in order, then the final
 * expression. Runtime failures (null member access, unknown identifiers or fields, type mismatches, too many
 * expensive operations) are returned as errors, never thrown.
 */
function evaluateProgram(program: Program, context: Readonly<Record<string, ExprValue>>): EvaluationResult {
  const scope: Scope = { vars: new Map(), context, expensive: 0 };
  try {
    let value: ExprValue = null;
    for (const statement of program.body) {
      if (statement.type === 'VariableDeclaration') {
        const [declarator] = statement.declarations;
        const name = (declarator?.id as { name: string } | undefined)?.name ?? '';
        if (scope.vars.has(name)) fail(`"${name}" is already declared.`);
        scope.vars.set(name, declarator?.init ? evaluate(scope, declarator.init) : null);
      } else if (statement.type === 'ExpressionStatement') {
        value = evaluate(scope, statement.expression);
      } else {
        fail(`${statement.type} is not supported.`);
      }
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ExpressionEvaluationError) return { ok: false, error: error.message };
    if (error instanceof ShortCircuit) return { ok: true, value: null };
    throw error;
  }
}

/**
 * Parses (with the documented limits) and evaluates an expression. A parse problem is an evaluation error too:
 * Jira cannot evaluate an expression it cannot analyse.
 *
 * @example
 * evaluateExpression('issue.status.name == "Open"', { issue }); // { ok: true, value: true }
 */
export function evaluateExpression(
  source: string,
  context: Readonly<Record<string, ExprValue>>,
): EvaluationResult {
  let parsed = parsedCache.get(source);
  if (!parsed) {
    parsed = parseExpression(source);
    if (parsedCache.size > 100) parsedCache.clear();
    parsedCache.set(source, parsed);
  }
  if (!parsed.ok) return { ok: false, error: parsed.problems.map((p) => p.message).join(' ') };
  return evaluateProgram(parsed.program, context);
}
