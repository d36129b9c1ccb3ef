import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { originOf, toJsonSchema } from './openapi-schema';
import { loadSpec, type ApiName } from './spec-files';

const instances = new Map<ApiName, Ajv>();
const compiled = new Map<string, ValidateFunction>();

/** `$id` under which an API's converted `components` are registered (refs point at `<id>#/components/…`). */
const refBaseOf = (api: ApiName): string => `jira-${api}.json`;

/**
 * Jira writes timestamps as `2026-11-27T10:00:00.000+0000` (no colon in the offset), which RFC 3339 `date-time`
 * rejects; accept both forms. The numeric OpenAPI formats are ranges the JSON type already covers.
 */
const JIRA_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function ajvFor(api: ApiName): Ajv {
  let ajv = instances.get(api);
  if (ajv) return ajv;
  ajv = new Ajv({
    strict: false,
    allErrors: true,
    logger: false,
    validateSchema: false,
    inlineRefs: false,
    verbose: true,
    // Only the object's own properties count: an item without `toString` must not be judged by the inherited
    // Object.prototype.toString (a changelog item whose "to" side was cleared has no `toString`).
    ownProperties: true,
  });
  addFormats(ajv);
  ajv.addFormat('date-time', JIRA_DATE_TIME);
  for (const f of ['int32', 'int64', 'double', 'float', 'byte', 'binary', 'password', 'url'])
    ajv.addFormat(f, true);
  const components = loadSpec(api).components ?? {};
  ajv.addSchema({
    $id: refBaseOf(api),
    components: toJsonSchema(components, refBaseOf(api), '#/components'),
  });
  instances.set(api, ajv);
  return ajv;
}

/**
 * The ajv validator for one OpenAPI schema, compiled on first use and cached under `cacheKey`
 * (compiling the whole 2.4 MB platform spec up front would take seconds).
 */
export function validatorFor(
  api: ApiName,
  cacheKey: string,
  openApiSchema: unknown,
  pointer = '#',
): ValidateFunction {
  const key = `${api} ${cacheKey}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajvFor(api).compile(toJsonSchema(openApiSchema, refBaseOf(api), pointer) as object);
    compiled.set(key, validate);
  }
  return validate;
}

/** At most this many messages per validation: the first few say what is wrong. */
const MAX_ERRORS = 10;

/**
 * ajv errors → `"<label>: /transition/id must be string (schema #/components/schemas/IssueTransition/properties/id/type)"`.
 */
export function describeErrors(
  api: ApiName,
  label: string,
  errors: ErrorObject[] | null | undefined,
): string[] {
  const base = refBaseOf(api);
  return (errors ?? []).slice(0, MAX_ERRORS).map((e) => {
    const where = e.instancePath === '' ? '' : `${e.instancePath} `;
    const extra =
      e.keyword === 'additionalProperties'
        ? ` '${String((e.params as { additionalProperty?: string }).additionalProperty)}'`
        : e.keyword === 'enum'
          ? ` ${JSON.stringify((e.params as { allowedValues?: unknown[] }).allowedValues)}`
          : '';
    // With `verbose`, ajv hands back the schema object that failed; its origin gives a path into the spec.
    const origin = originOf(e.parentSchema);
    const schemaPath =
      origin !== undefined
        ? `${origin}/${e.keyword}`
        : e.schemaPath.startsWith(base)
          ? e.schemaPath.slice(base.length)
          : e.schemaPath;
    return `${label}: ${where}${e.message ?? e.keyword}${extra} (schema ${schemaPath})`;
  });
}
