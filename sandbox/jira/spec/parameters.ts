import type { MatchedOperation } from './path-matcher';
import { describeErrors, validatorFor } from './validators';

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema?: Record<string, unknown>;
}

/**
 * Query strings carry text; the spec types parameters. Coerce the text as Jira does before validating:
 * numbers and booleans from their literal forms; arrays from repeated names (`fields=a&fields=b`, form/explode)
 * and from comma-separated values (`fields=a,b`), which Jira accepts for every array parameter.
 */
function coerceParameter(raw: string | string[], schema: Record<string, unknown> | undefined): unknown {
  const type = schema?.type;
  if (type === 'array') {
    const items = (schema?.items as Record<string, unknown> | undefined) ?? {};
    const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v.split(','));
    return values.filter((v) => v !== '').map((v) => coerceScalar(v, items.type));
  }
  // A scalar parameter given several times: Jira reads the first occurrence.
  return coerceScalar(Array.isArray(raw) ? (raw[0] ?? '') : raw, type);
}

function coerceScalar(value: string, type: unknown): unknown {
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value))
    return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** Checks the path and query parameters of a matched request against the operation's parameter list. */
export function validateParameters(op: MatchedOperation, parameters: unknown[]): string[] {
  const errors: string[] = [];
  for (const [index, p] of (parameters as ParameterObject[]).entries()) {
    if (p.in !== 'query' && p.in !== 'path') continue;
    const raw = p.in === 'query' ? op.query[p.name] : op.pathParams[p.name];
    if (raw === undefined) {
      if (p.required) errors.push(`${op.operationId}: missing required ${p.in} parameter '${p.name}'`);
      continue;
    }
    if (!p.schema) continue;
    const validate = validatorFor(
      op.api,
      `${op.operationId} ${p.in} ${p.name}`,
      p.schema,
      `#/parameters/${index}/schema`,
    );
    if (!validate(coerceParameter(raw, p.schema))) {
      errors.push(
        ...describeErrors(op.api, `${op.operationId} ${p.in} parameter ${p.name}`, validate.errors),
      );
    }
  }
  return errors;
}
