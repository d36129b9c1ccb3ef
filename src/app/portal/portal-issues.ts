import type { KeyValueStore } from '../ports';
import { keepPortalCopy, readPortalCopy } from '../shared/portal-copy';
import type { PortalIssues } from './portal-ports';

/**
 * The panel's view: each issue from the app's copy in KVS (no Jira point); an issue the app has no copy of yet
 * (not read or written by the app since the copy exists) is read from Jira as the app once and kept.
 */
export function copyFirst(jira: PortalIssues, store: KeyValueStore): PortalIssues {
  return {
    async getIssue(key, options) {
      const copy = await readPortalCopy(store, key);
      if (copy) return copy;
      return readAndKeep(jira, store).getIssue(key, options);
    },
  };
}

/** The actions: each issue read from Jira as the app (strongly consistent), and the copy kept in step. */
export function readAndKeep(jira: PortalIssues, store: KeyValueStore): PortalIssues {
  return {
    async getIssue(key, options) {
      const bean = await jira.getIssue(key, options);
      await keepPortalCopy(store, bean, options.fields);
      return bean;
    },
  };
}
