import { operationObject, type MatchedOperation } from './path-matcher';
import { validateParameters } from './parameters';
import { describeErrors, validatorFor } from './validators';

export type ValidationResult = { ok: true } | { ok: false; errors: string[] };

interface MediaTypes {
  content?: Record<string, { schema?: unknown }>;
  required?: boolean;
}

/** The JSON schema of a request body or response, if the spec gives one (`application/json` or `*\/*+json`). */
function jsonSchemaOf(media: MediaTypes | undefined): { type: string; schema: unknown } | undefined {
  const entries = Object.entries(media?.content ?? {});
  const json =
    entries.find(([type]) => type === 'application/json') ?? entries.find(([type]) => type.includes('json'));
  if (!json || json[1].schema === undefined) return undefined;
  return { type: json[0], schema: json[1].schema };
}

const isEmptySchema = (schema: unknown): boolean =>
  schema !== null && typeof schema === 'object' && Object.keys(schema).length === 0;

const result = (errors: string[]): ValidationResult =>
  errors.length === 0 ? { ok: true } : { ok: false, errors };

/**
 * Validates a request: required path/query parameters and their types (strings coerced per the spec), then the
 * parsed JSON body against the operation's `requestBody` schema. Unknown properties pass unless the schema says
 * `additionalProperties: false`, as Jira is tolerant of them.
 */
export function validateRequest(op: MatchedOperation, body: unknown): ValidationResult {
  const operation = operationObject(op);
  const errors = validateParameters(op, operation.parameters ?? []);
  const requestBody = operation.requestBody as MediaTypes | undefined;
  const json = jsonSchemaOf(requestBody);
  if (body === undefined) {
    if (requestBody?.required && json) errors.push(`${op.operationId} request body: required but missing`);
    return result(errors);
  }
  if (json && !isEmptySchema(json.schema)) {
    const validate = validatorFor(
      op.api,
      `${op.operationId} request`,
      json.schema,
      `#/requestBody/${op.operationId}`,
    );
    if (!validate(body))
      errors.push(...describeErrors(op.api, `${op.operationId} request body`, validate.errors));
  }
  return result(errors);
}

/**
 * Validates a response body against the schema the spec gives for `status` (exact code, then `4XX`-style range,
 * then `default`). A success status the spec does not document is a violation; an undocumented error status
 * (e.g. 429, which every endpoint can return) is accepted.
 */
export function validateResponse(op: MatchedOperation, status: number, body: unknown): ValidationResult {
  const responses = (operationObject(op).responses ?? {}) as Record<string, MediaTypes>;
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => responses[k] !== undefined);
  if (key === undefined) {
    if (status >= 200 && status < 300) {
      const documented = Object.keys(responses).join(', ');
      return {
        ok: false,
        errors: [`${op.operationId} response: status ${status} is not documented (${documented})`],
      };
    }
    return { ok: true };
  }
  const json = jsonSchemaOf(responses[key]);
  if (!json || isEmptySchema(json.schema)) return { ok: true };
  if (body === undefined)
    return { ok: false, errors: [`${op.operationId} response ${status}: JSON body missing`] };
  const validate = validatorFor(
    op.api,
    `${op.operationId} response ${key}`,
    json.schema,
    `#/responses/${key}`,
  );
  if (validate(body)) return { ok: true };
  return {
    ok: false,
    errors: describeErrors(op.api, `${op.operationId} response ${status}`, validate.errors),
  };
}
