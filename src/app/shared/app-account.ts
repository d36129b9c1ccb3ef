import type { KeyValueStore } from '../ports';

/** KVS key of the app's own account id. */
const APP_ACCOUNT_KEY = 'app:accountId';

/**
 * The app's own account id: read once as the app (`GET /rest/api/3/myself`, 3 points; `read`) and kept a year, since
 * it never changes for an installation. The rules publication names it in the workflow expressions (the app's own
 * reverts pass), and the sweep's proof before a close tells the app's comments from the customer's; the first of
 * them to need it reads it, usually the publication at installation.
 *
 * @example
 * await appAccountId(store, () => jira.myAccountId()); // '557058:app', read at most once a year
 */
export async function appAccountId(store: KeyValueStore, read: () => Promise<string>): Promise<string> {
  const kept = await store.get<{ id?: unknown }>(APP_ACCOUNT_KEY);
  if (typeof kept?.id === 'string' && kept.id !== '') return kept.id;
  const id = await read();
  await store.set(APP_ACCOUNT_KEY, { id }, { ttlDays: 365 });
  return id;
}
