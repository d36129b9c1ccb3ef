/**
 * Values of the evaluated Jira expression subset. Entities (issue, status, user, …) have a fixed set of fields
 * and reading any other is an error, as in Jira's type model; JSON read from entity or app properties is a
 * `JsonValue`, where a missing key reads as null; a property bag (`issue.properties`, `app.properties`) is read
 * with a computed string key and each read counts as one expensive operation.
 */
export type ExprValue = null | boolean | number | string | ExprValue[] | Entity | JsonObject | PropertyBag;

/** A Jira entity (Issue, Status, Project, User, …): named fields, computed on first read. */
export class Entity {
  constructor(
    readonly typeName: string,
    private readonly fields: Record<string, () => ExprValue>,
  ) {}

  field(name: string): ExprValue {
    const get = Object.prototype.hasOwnProperty.call(this.fields, name) ? this.fields[name] : undefined;
    if (!get)
      throw new ExpressionEvaluationError(`Unrecognized property of \`${this.typeName}\`: "${name}".`);
    return get();
  }
}

/** A JSON object read from a property. */
export class JsonObject {
  constructor(readonly value: Readonly<Record<string, unknown>>) {}
}

/** `issue.properties` and the like: keyed JSON values, read one key at a time. */
export class PropertyBag {
  constructor(readonly read: (key: string) => unknown) {}
}

/** A runtime failure; Jira treats it as `false` for conditions and validators (the change is blocked). */
export class ExpressionEvaluationError extends Error {
  override name = 'ExpressionEvaluationError';
}

/** JSON as read from storage into expression values (objects stay wrapped so missing keys read as null). */
export function fromJson(value: unknown): ExprValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(fromJson);
  if (typeof value === 'object') return new JsonObject(value as Record<string, unknown>);
  return null;
}

/** The Jira type name of a value, for error messages. */
export function typeOf(value: ExprValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'List';
  if (value instanceof Entity) return value.typeName;
  if (value instanceof JsonObject) return 'Map';
  if (value instanceof PropertyBag) return 'EntityProperties';
  return typeof value === 'string' ? 'String' : typeof value === 'number' ? 'Number' : 'Boolean';
}
