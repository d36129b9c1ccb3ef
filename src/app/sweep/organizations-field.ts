import type { JiraGateway } from '../ports/jira';
import type { KeyValueStore } from '../ports';

/** JSM's "Organizations" field type; its id (`customfield_…`) differs per site. */
const ORGANIZATIONS_FIELD_TYPE = 'com.atlassian.servicedesk:sd-customer-organizations';

const CACHE_KEY = 'sweep:field:organizations';
/** Field ids never change; the week only bounds how long a deleted field is remembered. */
const CACHE_TTL_DAYS = 7;

interface CachedField {
  id: string | null;
}

/**
 * The id of the Organizations field, needed only when texts are chosen per organization. Reading all fields
 * costs one point per field, so the id is kept in KVS for a week instead of being read every sweep.
 * `undefined` when the site has no such field (JSM not installed): texts then use the project language.
 */
export async function organizationsFieldId(
  jira: JiraGateway,
  store: KeyValueStore,
): Promise<string | undefined> {
  const cached = await store.get<CachedField>(CACHE_KEY);
  if (cached) return cached.id ?? undefined;
  const fields = await jira.getFields();
  const field = fields.find((f) => f.schema?.custom === ORGANIZATIONS_FIELD_TYPE);
  await store.set<CachedField>(CACHE_KEY, { id: field?.id ?? null }, { ttlDays: CACHE_TTL_DAYS });
  return field?.id;
}
