import { type OpContext, pathParam } from '../http/context';
import { HttpError, type Outcome, platformError } from '../http/reply';
import { hasPermission } from '../permissions';
import { SITE_URL } from '../render/format';

/** Limits of `PUT /rest/forge/1/app/properties/{propertyKey}` as its description states them. */
const MAX_KEY_LENGTH = 127;
const MAX_VALUE_LENGTH = 32_768;

/** The spec's `OperationMessage` answer. */
const message = (status: number, text: string): HttpError =>
  new HttpError({ status, body: { message: text, statusCode: status } });

/** Forge app properties are for `asApp()` calls only; anything else is 403 as documented. */
function requireApp(ctx: OpContext): void {
  if (ctx.principal.kind !== 'app')
    throw platformError(403, ['Access to this resource must be authenticated as an app.']);
}

function propertyKey(ctx: OpContext): string {
  const key = pathParam(ctx, 'propertyKey');
  if (key.length > MAX_KEY_LENGTH)
    throw message(400, 'The property key cannot be longer than 127 characters.');
  return key;
}

/** GET /rest/forge/1/app/properties — the keys of every property of the app. */
export function getForgeAppPropertyKeys(ctx: OpContext): Outcome {
  requireApp(ctx);
  const keys = [...ctx.store.appProperties.keys()].map((key) => ({
    key,
    self: `${SITE_URL}/rest/forge/1/app/properties/${encodeURIComponent(key)}`,
  }));
  return { reply: { status: 200, body: { keys } }, objects: keys.length };
}

export function getForgeAppProperty(ctx: OpContext): Outcome {
  requireApp(ctx);
  const key = propertyKey(ctx);
  if (!ctx.store.appProperties.has(key)) throw message(404, 'Property with key not found.');
  return { reply: { status: 200, body: { key, value: ctx.store.appProperties.get(key) } }, objects: 1 };
}

/**
 * PUT: the body is the value, any valid non-empty JSON of at most 32,768 characters; 201 when created, 200 when
 * replaced. Jira expressions read it as `app.properties[key]`.
 */
export function putForgeAppProperty(ctx: OpContext): Outcome {
  requireApp(ctx);
  const key = propertyKey(ctx);
  if (ctx.body === undefined) throw message(400, 'The value must be a valid, non-empty JSON blob.');
  if (JSON.stringify(ctx.body).length > MAX_VALUE_LENGTH)
    throw message(400, 'The value cannot be longer than 32768 characters.');
  return {
    objects: 1,
    commit: () => {
      const existed = ctx.store.appProperties.has(key);
      ctx.store.appProperties.set(key, ctx.body);
      return existed
        ? { status: 200, body: { message: 'Property updated.', statusCode: 200 } }
        : { status: 201, body: { message: 'Property created.', statusCode: 201 } };
    },
  };
}

export function deleteForgeAppProperty(ctx: OpContext): Outcome {
  requireApp(ctx);
  const key = propertyKey(ctx);
  if (!ctx.store.appProperties.has(key)) throw message(404, 'Property with key not found.');
  return {
    objects: 1,
    commit: () => {
      ctx.store.appProperties.delete(key);
      return { status: 204 };
    },
  };
}

/** The project of `{projectIdOrKey}` and its property map; 404 when the caller may not see the project. */
function projectProperties(ctx: OpContext, write: boolean) {
  const project = ctx.store.projectByKeyOrId(pathParam(ctx, 'projectIdOrKey'));
  if (!project || !hasPermission(ctx.store, ctx.principal, 'BROWSE_PROJECTS', project))
    throw platformError(404, ['No project could be found with the given key or id.']);
  // Writing needs Administer projects (or Administer Jira); the app user holds it, agents do not.
  if (write && ctx.principal.kind !== 'app' && !hasPermission(ctx.store, ctx.principal, 'ADMINISTER'))
    throw platformError(403, ['You do not have permission to administer this project.']);
  let properties = ctx.store.projectProperties.get(project.id);
  if (!properties) {
    properties = new Map();
    ctx.store.projectProperties.set(project.id, properties);
  }
  return properties;
}

export function getProjectProperty(ctx: OpContext): Outcome {
  const properties = projectProperties(ctx, false);
  const key = pathParam(ctx, 'propertyKey');
  if (!properties.has(key)) throw platformError(404, [`The property with key '${key}' does not exist.`]);
  return { reply: { status: 200, body: { key, value: properties.get(key) } }, objects: 1 };
}

export function setProjectProperty(ctx: OpContext): Outcome {
  const properties = projectProperties(ctx, true);
  const key = pathParam(ctx, 'propertyKey');
  if (key.length > 255) throw platformError(400, ['The property key is too long.']);
  if (ctx.body === undefined || JSON.stringify(ctx.body).length > MAX_VALUE_LENGTH)
    throw platformError(400, ['The property value must be valid JSON of at most 32768 characters.']);
  return {
    objects: 1,
    commit: () => {
      const existed = properties.has(key);
      properties.set(key, ctx.body);
      return { status: existed ? 200 : 201, body: {} };
    },
  };
}

export function deleteProjectProperty(ctx: OpContext): Outcome {
  const properties = projectProperties(ctx, true);
  const key = pathParam(ctx, 'propertyKey');
  if (!properties.has(key)) throw platformError(404, [`The property with key '${key}' does not exist.`]);
  return {
    objects: 1,
    commit: () => {
      properties.delete(key);
      return { status: 204 };
    },
  };
}
