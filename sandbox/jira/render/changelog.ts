import type { SiteStore } from '../model/store';
import type { SimHistory } from '../model/types';
import { userRef } from './entities';
import { jiraDateTime } from './format';

/** A `Changelog` bean (one history entry with its items). */
export function changelogBean(store: SiteStore, history: SimHistory): Record<string, unknown> {
  const author = userRef(store, history.authorAccountId);
  return {
    id: history.id,
    ...(author ? { author } : {}),
    created: jiraDateTime(history.created),
    // The spec types from/to as plain strings: empty sides are omitted rather than sent as null.
    items: history.items.map((item) =>
      Object.fromEntries(Object.entries(item).filter(([, v]) => v !== null)),
    ),
  };
}
