import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import type { DueIndexEntry, DueIndexStore, DueIndexWriter } from '../app/ports';
import { withStorageErrors } from './platform-failures';

/** Manifest `app.storage.entities` name and index (partition `projectKey`, range `dueAt`). */
const ENTITY = 'due-index';
const BY_PROJECT_DUE = 'by-project-due';

/** The stored shape: `DueIndexEntry` with the pending writers as an `any` attribute. */
interface StoredEntry {
  issueKey: string;
  projectKey: string;
  dueAt?: string;
  version: number;
  lastPre: number;
  pending: DueIndexWriter[];
  state?: unknown;
  basis?: string;
  viewless?: boolean;
  stateless?: boolean;
}

function stored(entry: DueIndexEntry): StoredEntry {
  return {
    issueKey: entry.issueKey,
    projectKey: entry.projectKey,
    ...(entry.dueAt !== undefined ? { dueAt: entry.dueAt } : {}),
    version: entry.version,
    lastPre: entry.lastPre,
    pending: [...entry.pending],
    ...(entry.state !== undefined ? { state: entry.state } : {}),
    ...(entry.basis !== undefined ? { basis: entry.basis } : {}),
    ...(entry.viewless ? { viewless: true } : {}),
    ...(entry.stateless ? { stateless: true } : {}),
  };
}

const entities = () => kvs.entity<StoredEntry>(ENTITY);

/**
 * `DueIndexStore` on a Forge KVS custom entity. Conditional writes are transactions with a condition on
 * `version` (KVS takes conditions on custom entities only); after any error the stored entry decides whether
 * the write landed, since Atlassian does not document the failure answer and an error may follow a write.
 * Every failure reaches the app as a `StorageError`.
 */
export const forgeDueIndex: DueIndexStore = withStorageErrors<DueIndexStore>({
  get: (issueKey) => entities().get(issueKey),

  async create(entry) {
    try {
      await entities().set(entry.issueKey, stored(entry), { keyPolicy: 'FAIL_IF_EXISTS' });
      return true;
    } catch (error) {
      const now = await entities().get(entry.issueKey);
      if (now === undefined) throw error;
      return JSON.stringify(now) === JSON.stringify(stored(entry));
    }
  },

  async replace(entry, expected) {
    try {
      await kvs
        .transact()
        .set(entry.issueKey, stored(entry), {
          entityName: ENTITY,
          conditions: new Filter<StoredEntry>().and('version', FilterConditions.equalTo(expected)),
        })
        .execute();
      return true;
    } catch (error) {
      const now = await entities().get(entry.issueKey);
      if (now?.version === expected) throw error;
      return JSON.stringify(now) === JSON.stringify(stored(entry));
    }
  },

  async dueUntil(projectKey, until, options) {
    let query = entities()
      .query()
      .index(BY_PROJECT_DUE, { partition: [projectKey] })
      .where(WhereConditions.lessThanEqualTo(until))
      .sort(Sort.ASC)
      .limit(options.limit);
    if (options.cursor) query = query.cursor(options.cursor);
    const page = await query.getMany();
    const entries = page.results.map((r) => r.value);
    return page.nextCursor ? { entries, cursor: page.nextCursor } : { entries };
  },
});
