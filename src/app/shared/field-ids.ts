import type { JiraField, JiraGateway } from '../ports/jira';
import type { ProjectConfig } from '../../domain/config';
import { ownValue } from '../../domain/own-property';
import type { KeyValueStore } from '../ports';
import type { FieldIds } from '../../domain/ticket';

/** Field name (lower case) → id, plus `@org` / `@requestType` for the JSM fields found by their schema. */
export type FieldNameIndex = Readonly<Record<string, string>>;

interface CachedFields {
  at: string;
  byName: Record<string, string>;
}

const CACHE_KEY = 'events:field-ids';
/**
 * Field ids never change, names rarely: the index of `GET /field` (about 30 points) is kept a week. While a
 * configured name is missing from it, only a day, since the field may have been created since; a settings save
 * forgets it, so a newly configured name resolves at once.
 */
const CACHE_MS = 7 * 24 * 60 * 60 * 1000;
const CACHE_INCOMPLETE_MS = 24 * 60 * 60 * 1000;

const ORGANIZATIONS_SCHEMA = 'com.atlassian.servicedesk:sd-customer-organizations';
const REQUEST_TYPE_SCHEMA = 'com.atlassian.servicedesk:vp-origin';

/** The index of `GET /rest/api/3/field`'s answer. */
export function fieldNameIndex(fields: readonly JiraField[]): FieldNameIndex {
  // Field names are the site's: a field may be called `constructor` or `__proto__`, so no prototype.
  const byName: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const field of fields) {
    // Jira lets two custom fields share a name; the first (lowest id) wins, as in Jira's own JQL resolution.
    byName[field.name.trim().toLowerCase()] ??= field.id;
    if (field.schema?.custom === ORGANIZATIONS_SCHEMA) byName['@org'] ??= field.id;
    if (field.schema?.custom === REQUEST_TYPE_SCHEMA) byName['@requestType'] ??= field.id;
  }
  return byName;
}

/**
 * The app's copy of the field index: kept a week, or a day when a name of `config` is missing from it;
 * `undefined` when older.
 */
export async function cachedFieldNameIndex(
  store: KeyValueStore,
  now: Date,
  config: ProjectConfig,
): Promise<FieldNameIndex | undefined> {
  const cached = await store.get<CachedFields>(CACHE_KEY);
  if (!cached) return undefined;
  const age = now.getTime() - Date.parse(cached.at);
  if (!(age >= 0 && age < CACHE_MS)) return undefined;
  const byName: Record<string, string> = Object.create(null) as Record<string, string>;
  Object.assign(byName, cached.byName);
  if (age >= CACHE_INCOMPLETE_MS && !namesAllResolve(byName, config)) return undefined;
  return byName;
}

/** Whether every configured field name (`names.fields`) is in the index. */
function namesAllResolve(index: FieldNameIndex, config: ProjectConfig): boolean {
  return Object.values(config.names.fields).every((name) => fieldIdByName(index, name) !== undefined);
}

/** After a settings save: the next reader reads the field list again, so a newly configured name resolves. */
export async function forgetFieldNameIndex(store: KeyValueStore): Promise<void> {
  await store.delete(CACHE_KEY);
}

async function loadNames(
  jira: Pick<JiraGateway, 'getFields'>,
  store: KeyValueStore,
  config: ProjectConfig,
  now: Date,
): Promise<FieldNameIndex> {
  const cached = await cachedFieldNameIndex(store, now, config);
  if (cached) return cached;
  const byName = fieldNameIndex(await jira.getFields());
  await store.set<CachedFields>(CACHE_KEY, { at: now.toISOString(), byName: { ...byName } }, { ttlDays: 7 });
  return byName;
}

/** The id of the field a configured name stands for; `undefined` when the site has no such field. */
export function fieldIdByName(index: FieldNameIndex, name: string): string | undefined {
  return ownValue(index, name.trim().toLowerCase());
}

/** The configured field names (`names.fields`) as Jira field ids, from a field index. */
export function fieldIdsOf(index: FieldNameIndex, config: ProjectConfig): FieldIds {
  const id = (name: string) => fieldIdByName(index, name);
  const f = config.names.fields;
  const entries = {
    deliveryVersion: id(f.deliveryVersion),
    confidential: id(f.confidential),
    affectedSystem: id(f.affectedSystem),
    systemReachable: id(f.systemReachable),
    estimatedDeliveryDate: id(f.estimatedDeliveryDate),
    includedTickets: id(f.includedTickets),
    organizations: ownValue(index, '@org'),
    requestType: ownValue(index, '@requestType'),
  };
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

/**
 * Resolves the configured field names (`names.fields`) to Jira field ids. Custom field ids differ per site, and
 * the configuration speaks of names only (PROCESS.md: every name is configuration).
 */
export async function resolveFieldIds(
  jira: Pick<JiraGateway, 'getFields'>,
  store: KeyValueStore,
  config: ProjectConfig,
  now: Date,
): Promise<FieldIds> {
  return fieldIdsOf(await loadNames(jira, store, config, now), config);
}
