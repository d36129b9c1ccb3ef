import { parse, type Node, type Program } from 'acorn';

/** Documented limits of a Jira expression (errors of `POST /rest/api/3/expression/analyse`). */
const MAX_EXPRESSION_LENGTH = 1000;
const MAX_EXPRESSION_LEAVES = 100;

/** One problem with an expression, shaped like the spec's `JiraExpressionValidationError`. */
interface ExpressionProblem {
  type: 'syntax' | 'type' | 'other';
  message: string;
  line?: number;
  column?: number;
}

export type ParsedExpression =
  { ok: true; program: Program; leaves: number } | { ok: false; problems: ExpressionProblem[] };

/**
 * Node types of the subset the local site evaluates: what the Jira expressions overview documents and the app's
 * expressions use (`let` declarations, literals, lists, member access incl. computed and optional, `includes`
 * calls, `! - == != < > <= >= + && || ? :`). Anything else is refused rather than guessed.
 */
const SUPPORTED = new Set([
  'Program',
  'VariableDeclaration',
  'VariableDeclarator',
  'ExpressionStatement',
  'Identifier',
  'Literal',
  'ArrayExpression',
  'MemberExpression',
  'ChainExpression',
  'CallExpression',
  'UnaryExpression',
  'BinaryExpression',
  'LogicalExpression',
  'ConditionalExpression',
]);
const OPERATORS = new Set(['!', '-', '==', '!=', '<', '>', '<=', '>=', '+', '&&', '||']);

type AnyNode = Node & Record<string, unknown>;

function children(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' || key === 'start' || key === 'end' || key === 'loc') continue;
    const items: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (typeof item === 'object' && item !== null && typeof (item as Node).type === 'string')
        out.push(item as AnyNode);
    }
  }
  return out;
}

function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** The first construct outside the subset, as a syntax problem; undefined when the whole tree is inside it. */
function unsupported(source: string, node: AnyNode): ExpressionProblem | undefined {
  const refuse = (what: string): ExpressionProblem => ({
    type: 'syntax',
    message: `${what} is not supported in Jira expressions here.`,
    ...position(source, node.start),
  });
  if (!SUPPORTED.has(node.type)) return refuse(node.type);
  const declarations = node.type === 'VariableDeclaration' ? (node.declarations as unknown[]).length : 1;
  if (node.type === 'VariableDeclaration' && (node.kind !== 'let' || declarations !== 1))
    return refuse(`'${String(node.kind)}' with ${declarations} declarations`);
  if (node.type === 'VariableDeclarator' && (node.id as Node).type !== 'Identifier')
    return refuse('A destructuring declaration');
  if ('operator' in node && !OPERATORS.has(String(node.operator)))
    return refuse(`The operator '${String(node.operator)}'`);
  if (node.type === 'Literal' && ('regex' in node || 'bigint' in node)) return refuse('This literal');
  if (node.type === 'CallExpression' && (node.callee as Node).type !== 'MemberExpression')
    return refuse('A call of anything but a method');
  for (const child of children(node)) {
    const problem = unsupported(source, child);
    if (problem) return problem;
  }
  return undefined;
}

/** Leaves of the syntax tree: identifiers (property names included) and literals. */
export function countLeaves(node: Node): number {
  const kids = children(node as AnyNode);
  if (kids.length === 0) return node.type === 'Identifier' || node.type === 'Literal' ? 1 : 0;
  return kids.reduce((sum, child) => sum + countLeaves(child), 0);
}

/**
 * Parses a Jira expression with acorn and checks it against the documented limits and the evaluated subset:
 * `let` declarations followed by exactly one expression. Returns every problem the analyse endpoint reports.
 *
 * @example
 * parseExpression('issue.status.name == "Open"'); // { ok: true, program, leaves: 4 }
 */
export function parseExpression(source: string): ParsedExpression {
  const problems: ExpressionProblem[] = [];
  if (source.length > MAX_EXPRESSION_LENGTH)
    problems.push({
      type: 'other',
      message: `Jira expression is too long (${source.length}), limit: ${MAX_EXPRESSION_LENGTH} characters`,
    });
  let program: Program;
  try {
    program = parse(source, { ecmaVersion: 2022, sourceType: 'script' });
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    problems.push({
      type: 'syntax',
      message: error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, '') : 'Syntax error',
      ...(loc ? { line: loc.line, column: loc.column + 1 } : {}),
    });
    return { ok: false, problems };
  }
  const body = program.body;
  const last = body[body.length - 1];
  if (
    last?.type !== 'ExpressionStatement' ||
    body.slice(0, -1).some((s) => s.type !== 'VariableDeclaration')
  ) {
    problems.push({ type: 'syntax', message: 'Expected `let` declarations followed by one expression.' });
  }
  const problem = unsupported(source, program as unknown as AnyNode);
  if (problem) problems.push(problem);
  const leaves = countLeaves(program);
  if (leaves > MAX_EXPRESSION_LEAVES)
    problems.push({
      type: 'other',
      message: `Jira expression has too many nodes (${leaves}), limit: ${MAX_EXPRESSION_LEAVES} leaves`,
    });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, program, leaves };
}
