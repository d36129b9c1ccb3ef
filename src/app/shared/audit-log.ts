import type { KeyValueStore } from '../ports';
import { contentHash } from './content-hash';

/** One setting a save changed: its path on the admin page and both values as short text. */
export interface SettingChange {
  path: string;
  from: string;
  to: string;
}

/**
 * What the app did, decided not to do, or failed to do for one ticket. No personal data: ids, keys and codes;
 * a settings save keeps the saving admin's account id (an id the admin page turns into a name, never logged).
 */
export interface AuditEntry {
  at: string;
  projectKey: string;
  issueKey: string;
  issueId: string;
  /** e.g. `reminder`, `close`, `expiryNotice`, `expire`, `transitionReverted`, `deliveryLinked`, `securitySet`. */
  action: string;
  outcome: 'done' | 'dryRun' | 'skipped' | 'failed';
  source: 'sweep' | 'event' | 'admin' | 'portal';
  /** Short machine-readable reason or detail, e.g. `alreadyDone`, `statusChanged`, `HTTP 403`. */
  detail?: string;
  idempotencyKey?: string;
  /** Settings saves: who saved. */
  actorAccountId?: string;
  /** Settings saves: what changed (the first ones). */
  changes?: SettingChange[];
  /** Settings saves: how many more settings changed than `changes` lists. */
  moreChanges?: number;
}

/** Audit entries are kept one year (the Forge KVS TTL maximum), longer than Jira automation's 90-day audit log. */
const AUDIT_RETENTION_DAYS = 365;

const MAX_MS = 9_999_999_999_999;

/** Newest first in key order: KVS lists keys ascending, so the timestamp is stored inverted. */
function newestFirst(at: string): string {
  return String(MAX_MS - Date.parse(at)).padStart(13, '0');
}

/**
 * The end of an entry's keys: its action and idempotency key (or outcome) to read, then a hash of the whole
 * entry. Two different entries of one ticket, action and instant (a failed and a done attempt under one
 * idempotency key, two admins saving at the same millisecond) get two keys and both stay; a retried write of the
 * same entry gets the same key and stays one entry.
 */
function suffix(entry: AuditEntry): string {
  const readable = `${entry.action}:${(entry.idempotencyKey ?? entry.outcome).replace(/[^a-zA-Z0-9:._-]/g, '_')}`;
  return `${readable.slice(0, 200)}:${contentHash(entry, 16)}`;
}

/**
 * The app's audit trail in KVS, readable per ticket and per project (one key each, both newest first).
 * Entries about no ticket (a settings save) have an empty `issueId` and are kept per project only.
 */
export class AuditLog {
  constructor(private readonly store: KeyValueStore) {}

  async append(entry: AuditEntry): Promise<void> {
    const stamp = newestFirst(entry.at);
    const options = { ttlDays: AUDIT_RETENTION_DAYS };
    if (entry.issueId)
      await this.store.set(`audit:i:${entry.issueId}:${stamp}:${suffix(entry)}`, entry, options);
    await this.store.set(
      `audit:p:${entry.projectKey}:${stamp}:${entry.issueId}:${suffix(entry)}`,
      entry,
      options,
    );
  }

  /** Latest entries of one ticket, newest first. */
  async forIssue(issueId: string, limit = 20): Promise<AuditEntry[]> {
    const page = await this.store.list<AuditEntry>(`audit:i:${issueId}:`, { limit });
    return page.entries.map((e) => e.value);
  }

  /** One page of a project's entries, newest first; pass the returned cursor for the next page. */
  async forProject(
    projectKey: string,
    options: { limit?: number; cursor?: string } = {},
  ): Promise<{ entries: AuditEntry[]; cursor?: string }> {
    const page = await this.store.list<AuditEntry>(`audit:p:${projectKey}:`, options);
    const entries = page.entries.map((e) => e.value);
    return page.cursor ? { entries, cursor: page.cursor } : { entries };
  }
}
