import { badRequest } from './kvs-validation';
import type { EntityDefinitions } from './manifest';

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/** Whether `value` is of the declared attribute type (Custom Entity Store "Type requirements"). */
function fits(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value) && (value as number) >= INT32_MIN && (value as number) <= INT32_MAX;
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

/**
 * A custom entity value must be an object whose attributes the manifest declares (`app.storage.entities`),
 * each of its declared type. An undeclared entity is refused as the service does for an unknown entity.
 */
export function validateEntityValue(entities: EntityDefinitions, entityName: string, value: unknown): void {
  const attributes = entities.get(entityName);
  if (!attributes)
    throw badRequest('INVALID_ENTITY', `The entity '${entityName}' is not declared in the app's manifest`);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest(
      'INVALID_VALUE',
      `A value of entity '${entityName}' must be an object of its attributes`,
    );
  for (const [name, attribute] of Object.entries(value)) {
    const type = attributes.get(name);
    if (type === undefined)
      throw badRequest('INVALID_ATTRIBUTE', `Attribute '${name}' is not declared for entity '${entityName}'`);
    if (!fits(type, attribute))
      throw badRequest(
        'INVALID_ATTRIBUTE',
        `Attribute '${name}' of entity '${entityName}' must be of type ${type}`,
      );
  }
}
