import type { JiraGateway } from '../ports/jira';
import type { ProjectConfig } from '../../domain/config';
import { ownValue } from '../../domain/own-property';
import type { KeyValueStore } from '../ports';
import type { FieldIds } from '../../domain/ticket';

interface CachedFields {
  at: string;
  /** Field name (lower case) → id, plus `@org` / `@requestType` for the JSM fields found by schema. */
  byName: Record<string, string>;
}

const CACHE_KEY = 'events:field-ids';
/** Field ids never change, names rarely: one GET /field a day at most (its ~30 points), instead of one per event. */
const CACHE_MS = 24 * 60 * 60 * 1000;

const ORGANIZATIONS_SCHEMA = 'com.atlassian.servicedesk:sd-customer-organizations';
const REQUEST_TYPE_SCHEMA = 'com.atlassian.servicedesk:vp-origin';

async function loadNames(
  jira: Pick<JiraGateway, 'getFields'>,
  store: KeyValueStore,
  now: Date,
): Promise<Record<string, string>> {
  const cached = await store.get<CachedFields>(CACHE_KEY);
  if (cached && now.getTime() - Date.parse(cached.at) < CACHE_MS) return cached.byName;
  // Field names are the site's: a field may be called `constructor` or `__proto__`, so no prototype.
  const byName: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const field of await jira.getFields()) {
    // Jira lets two custom fields share a name; the first (lowest id) wins, as in Jira's own JQL resolution.
    byName[field.name.trim().toLowerCase()] ??= field.id;
    if (field.schema?.custom === ORGANIZATIONS_SCHEMA) byName['@org'] ??= field.id;
    if (field.schema?.custom === REQUEST_TYPE_SCHEMA) byName['@requestType'] ??= field.id;
  }
  await store.set<CachedFields>(CACHE_KEY, { at: now.toISOString(), byName }, { ttlDays: 1 });
  return byName;
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
  const byName = await loadNames(jira, store, now);
  const id = (name: string) => ownValue(byName, name.trim().toLowerCase());
  const f = config.names.fields;
  const entries = {
    deliveryVersion: id(f.deliveryVersion),
    confidential: id(f.confidential),
    affectedSystem: id(f.affectedSystem),
    systemReachable: id(f.systemReachable),
    estimatedDeliveryDate: id(f.estimatedDeliveryDate),
    includedTickets: id(f.includedTickets),
    organizations: ownValue(byName, '@org'),
    requestType: ownValue(byName, '@requestType'),
  };
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}
