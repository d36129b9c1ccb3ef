import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validate, type Permissions } from '@forge/manifest';

import { TRIGGER_INTERVAL_MS, type TriggerInterval } from './limits';

/** A backend function as the host calls it: whatever arguments Forge passes, whatever the app returns. */
type ForgeHandler = (...args: unknown[]) => unknown;

interface FunctionDef {
  key: string;
  /** `index.<export>` as written in the manifest. */
  handler: string;
  timeoutSeconds?: number;
  run: ForgeHandler;
}

export interface ScheduledTriggerDef {
  key: string;
  functionKey: string;
  interval: TriggerInterval;
}

export interface ProductTriggerDef {
  key: string;
  functionKey: string;
  /** Event type → whether events caused by the app itself are dropped (`filter.ignoreSelf`). */
  events: Map<string, { ignoreSelf: boolean }>;
}

interface ConsumerDef {
  key: string;
  queue: string;
  functionKey: string;
}

/** The parts of `manifest.yml` the local host runs. */
export interface LoadedManifest {
  appId: string;
  functions: Map<string, FunctionDef>;
  scheduledTriggers: ScheduledTriggerDef[];
  triggers: ProductTriggerDef[];
  consumers: ConsumerDef[];
  /** UI module key → key of the function behind its `resolver`. */
  resolverModules: Map<string, string>;
  /** Custom entities of `app.storage.entities`: entity name → attribute name → declared type. */
  entities: EntityDefinitions;
  /** Their declared indexes: entity name → index name → range and partition attributes. */
  entityIndexes: EntityIndexDefinitions;
  /** `permissions.external.fetch.backend`, each entry's address (plain string or `{ address }`): the egress. */
  backendEgress: string[];
  /** `permissions` as declared (validated by `@forge/manifest`): the Custom UI pages' content policy reads it. */
  permissions: Permissions;
}

/** Custom entity declarations: entity name → attribute name → `string|integer|float|boolean|any`. */
export type EntityDefinitions = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** One declared custom entity index: a bare attribute name is an index of that name ranging over it. */
interface EntityIndexDef {
  readonly range: readonly string[];
  readonly partition: readonly string[];
}

/** Custom entity index declarations: entity name → index name → definition. */
export type EntityIndexDefinitions = ReadonlyMap<string, ReadonlyMap<string, EntityIndexDef>>;

/** Thrown when the manifest is invalid or names a handler the app module does not export. */
export class ManifestError extends Error {
  override name = 'ManifestError';
}

type Row = Record<string, unknown>;

/**
 * Full validation costs ~10 s of CPU (the schema is large), and every integration test file starts a host.
 * A manifest that passed once is remembered by the hash of its text, in `node_modules/.cache`, so each
 * distinct manifest is still validated in full exactly once per checkout.
 */
async function validatedContent(path: string): Promise<Row> {
  const text = readFileSync(path, 'utf8');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 32);
  const cacheFile = join(
    dirname(path),
    'node_modules',
    '.cache',
    'forge-local-host',
    `manifest-${hash}.json`,
  );
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8')) as Row;
  } catch {
    // not validated yet
  }
  const result = await validate(false, path);
  if (!result.success || !result.manifestObject) {
    const errors = (result.errors ?? []).map((e) => `  line ${e.line ?? '?'}: ${e.message}`).join('\n');
    throw new ManifestError(`${path} is not a valid Forge manifest:\n${errors}`);
  }
  const content = result.manifestObject.typedContent as unknown as Row;
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(content));
  } catch {
    // a read-only checkout just validates every time
  }
  return content;
}

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const rows = (v: unknown): Row[] => (Array.isArray(v) ? v.filter(isRow) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Every `function` module, bound to the export of `app` its handler names. */
function functionsOf(modules: Row, app: Record<string, unknown>, path: string): Map<string, FunctionDef> {
  const functions = new Map<string, FunctionDef>();
  for (const row of rows(modules.function)) {
    const key = str(row.key) ?? '';
    const handler = str(row.handler) ?? '';
    functions.set(key, {
      key,
      handler,
      run: bindHandler(handler, app, path),
      ...(typeof row.timeoutSeconds === 'number' ? { timeoutSeconds: row.timeoutSeconds } : {}),
    });
  }
  return functions;
}

/** The function key a module row names; throws when it names none of `functions` (endpoints are not hosted). */
function functionKeyIn(
  functions: ReadonlyMap<string, FunctionDef>,
): (moduleType: string, row: Row) => string {
  return (moduleType, row) => {
    const key = str(row.function);
    if (!key || !functions.has(key)) {
      throw new ManifestError(
        `${moduleType} '${str(row.key)}' must name a function module (endpoints are not hosted locally)`,
      );
    }
    return key;
  };
}

/** A trigger's events with the `ignoreSelf` filter that applies to each. */
function triggerEventsOf(row: Row): Map<string, { ignoreSelf: boolean }> {
  const moduleIgnoreSelf = isRow(row.filter) && row.filter.ignoreSelf === true;
  const events = new Map<string, { ignoreSelf: boolean }>();
  for (const entry of Array.isArray(row.events) ? (row.events as unknown[]) : []) {
    // `events` is either a list of names or of `{eventType, filter}` objects with their own filter.
    if (typeof entry === 'string') events.set(entry, { ignoreSelf: moduleIgnoreSelf });
    else if (isRow(entry) && typeof entry.eventType === 'string') {
      const own = isRow(entry.filter) ? entry.filter.ignoreSelf : undefined;
      events.set(entry.eventType, { ignoreSelf: typeof own === 'boolean' ? own : moduleIgnoreSelf });
    }
  }
  return events;
}

/** Module key → resolver function key, for every module of any type that declares a `resolver`. */
function resolverModulesOf(
  modules: Row,
  functionKey: (moduleType: string, row: Row) => string,
): Map<string, string> {
  const resolverModules = new Map<string, string>();
  for (const [moduleType, list] of Object.entries(modules)) {
    for (const row of rows(list)) {
      if (isRow(row.resolver) && typeof row.resolver.function === 'string') {
        resolverModules.set(
          str(row.key) ?? '',
          functionKey(moduleType, { key: row.key, function: row.resolver.function }),
        );
      }
    }
  }
  return resolverModules;
}

/** Custom entities of `app.storage`: attribute types and indexes by entity name. */
function entitiesOf(storage: Row): {
  entities: Map<string, Map<string, string>>;
  entityIndexes: Map<string, Map<string, EntityIndexDef>>;
} {
  const entities = new Map<string, Map<string, string>>();
  const entityIndexes = new Map<string, Map<string, EntityIndexDef>>();
  for (const row of rows(storage.entities)) {
    const attributes = new Map<string, string>();
    for (const [name, def] of Object.entries(isRow(row.attributes) ? row.attributes : {})) {
      attributes.set(name, isRow(def) ? (str(def.type) ?? 'any') : 'any');
    }
    entities.set(str(row.name) ?? '', attributes);
    entityIndexes.set(str(row.name) ?? '', indexesOf(row.indexes));
  }
  return { entities, entityIndexes };
}

/**
 * Validates `manifest.yml` with `@forge/manifest` (full mode: schema, duplicate keys, handler files next to the
 * manifest under `src/`) and binds every `function` to the export of `app` its `index.<export>` handler names.
 * Fails loudly: any validation error, a handler file other than `index`, or a missing export throws.
 *
 * @example
 * const manifest = await loadManifest('/repo/manifest.yml', await import('/repo/src/index'));
 */
export async function loadManifest(path: string, app: Record<string, unknown>): Promise<LoadedManifest> {
  const content = await validatedContent(path);
  const modules = isRow(content.modules) ? content.modules : {};
  const appRow = isRow(content.app) ? content.app : {};
  const functions = functionsOf(modules, app, path);
  const functionKey = functionKeyIn(functions);
  const scheduledTriggers = rows(modules.scheduledTrigger).map((row) => {
    const interval = str(row.interval) ?? '';
    if (!(interval in TRIGGER_INTERVAL_MS))
      throw new ManifestError(`scheduledTrigger interval '${interval}'`);
    return {
      key: str(row.key) ?? '',
      functionKey: functionKey('scheduledTrigger', row),
      interval: interval as TriggerInterval,
    };
  });
  const triggers = rows(modules.trigger).map((row) => ({
    key: str(row.key) ?? '',
    functionKey: functionKey('trigger', row),
    events: triggerEventsOf(row),
  }));
  const consumers = rows(modules.consumer).map((row) => ({
    key: str(row.key) ?? '',
    queue: str(row.queue) ?? '',
    functionKey: functionKey('consumer', row),
  }));
  const { entities, entityIndexes } = entitiesOf(isRow(appRow.storage) ? appRow.storage : {});
  return {
    appId: str(appRow.id) ?? '',
    functions,
    scheduledTriggers,
    triggers,
    consumers,
    resolverModules: resolverModulesOf(modules, functionKey),
    entities,
    entityIndexes,
    backendEgress: backendEgressOf(content.permissions),
    permissions: isRow(content.permissions) ? content.permissions : {},
  };
}

/** The addresses a function may fetch from, as declared (plain strings or `{ address }` rows). */
function backendEgressOf(permissions: unknown): string[] {
  const external = isRow(permissions) && isRow(permissions.external) ? permissions.external : {};
  const fetch = isRow(external.fetch) ? external.fetch : {};
  const entries: unknown[] = Array.isArray(fetch.backend) ? fetch.backend : [];
  return entries.flatMap((entry) => {
    const address = typeof entry === 'string' ? entry : isRow(entry) ? str(entry.address) : undefined;
    return address ? [address] : [];
  });
}

function indexesOf(raw: unknown): Map<string, EntityIndexDef> {
  const indexes = new Map<string, EntityIndexDef>();
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  for (const item of Array.isArray(raw) ? (raw as unknown[]) : []) {
    if (typeof item === 'string') indexes.set(item, { range: [item], partition: [] });
    else if (isRow(item))
      indexes.set(str(item.name) ?? '', { range: strings(item.range), partition: strings(item.partition) });
  }
  return indexes;
}

function bindHandler(handler: string, app: Record<string, unknown>, path: string): ForgeHandler {
  const [file, exportName, ...rest] = handler.split('.');
  if (file !== 'index' || !exportName || rest.length > 0) {
    throw new ManifestError(
      `handler '${handler}' in ${path}: the local host runs handlers exported by src/index.ts only`,
    );
  }
  const fn = app[exportName];
  if (typeof fn !== 'function') {
    throw new ManifestError(
      `handler '${handler}' in ${path}: src/index.ts has no exported function '${exportName}'`,
    );
  }
  return fn as ForgeHandler;
}
