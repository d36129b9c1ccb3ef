/**
 * OpenAPI 3.0 Schema Objects → JSON Schema (draft-07) for ajv.
 * - `nullable: true` → `null` added to `type` (or `anyOf [schema, {type:null}]` when there is no type);
 * - `$ref: '#/components/schemas/X'` → `<api>.json#/components/schemas/X`, so one registered document serves all;
 * - `oneOf` → `anyOf`: Jira's specs use `oneOf` for alternatives that overlap, and Jira accepts both;
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` (draft-04 style) → numeric form;
 * - `readOnly`, `writeOnly`, `discriminator`, `example`, `xml`, `externalDocs` and `x-*` are dropped.
 */
const DROPPED = new Set([
  'readOnly',
  'writeOnly',
  'discriminator',
  'example',
  'xml',
  'externalDocs',
  'deprecated',
]);

/** Converts one schema (deeply); `refBase` is the `$id` under which the components are registered. */
export function toJsonSchema(schema: unknown, refBase: string, pointer = '#'): unknown {
  if (Array.isArray(schema)) return schema.map((s, i) => toJsonSchema(s, refBase, `${pointer}/${i}`));
  if (schema === null || typeof schema !== 'object') return schema;
  const src = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(src)) {
    if (DROPPED.has(key) || key.startsWith('x-') || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.startsWith('#') ? `${refBase}${value}` : value;
    } else if (key === 'oneOf') {
      out.anyOf = toJsonSchema(value, refBase, `${pointer}/oneOf`);
    } else if (key === 'properties' || key === 'patternProperties' || key === 'definitions') {
      // Property names are data, not keywords: convert each value without looking at the names.
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([name, sub]) => [
          name,
          toJsonSchema(sub, refBase, `${pointer}/${key}/${escapePointer(name)}`),
        ]),
      );
    } else {
      out[key] = toJsonSchema(value, refBase, `${pointer}/${escapePointer(key)}`);
    }
  }
  convertExclusive(out, 'exclusiveMinimum', 'minimum');
  convertExclusive(out, 'exclusiveMaximum', 'maximum');
  const result = src.nullable === true ? allowNull(out) : out;
  origins.set(out, pointer);
  origins.set(result, pointer);
  return result;
}

/** Where each converted schema object came from in its spec (a JSON pointer), for error messages. */
const origins = new WeakMap<object, string>();

/** The spec location of a converted schema object, if it came from `toJsonSchema`. */
export function originOf(schema: unknown): string | undefined {
  return schema !== null && typeof schema === 'object' ? origins.get(schema) : undefined;
}

const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function convertExclusive(out: Record<string, unknown>, keyword: string, bound: string): void {
  if (typeof out[keyword] !== 'boolean') return;
  if (out[keyword] === true) out[keyword] = out[bound];
  else delete out[keyword];
  if (out[keyword] !== undefined) delete out[bound];
}

function allowNull(out: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
  if (Array.isArray(out.type)) return { ...out, type: [...(out.type as unknown[]), 'null'] };
  return { anyOf: [out, { type: 'null' }] };
}
