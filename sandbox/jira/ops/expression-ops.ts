import { parseExpression } from '../expressions/parse-expression';
import { bodyObject, type OpContext, queryValue } from '../http/context';
import { type Outcome, platformError } from '../http/reply';

/**
 * POST /rest/api/3/expression/analyse — parses each expression and reports, per expression, syntax errors
 * (with line and column), the documented limits (more than 1,000 characters, more than 100 leaves) and
 * constructs outside the evaluated subset, as `JiraExpressionsAnalysis`. `check=type` and `check=complexity`
 * run the same checks: the local site infers no types and no complexity formulae.
 */
export function analyseExpression(ctx: OpContext): Outcome {
  const check = queryValue(ctx, 'check') ?? 'syntax';
  if (!['syntax', 'type', 'complexity'].includes(check))
    throw platformError(400, [`Invalid check: ${check}`]);
  const expressions = bodyObject(ctx).expressions;
  if (!Array.isArray(expressions) || expressions.some((e) => typeof e !== 'string'))
    throw platformError(400, ['expressions must be a list of strings.']);
  const results = (expressions as string[]).map((expression) => {
    const parsed = parseExpression(expression);
    return parsed.ok ? { expression, valid: true } : { expression, valid: false, errors: parsed.problems };
  });
  return { reply: { status: 200, body: { results } }, objects: results.length };
}
