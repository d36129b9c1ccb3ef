/** Whose rights a cached answer is about: one user on one installation. */
export interface PermissionScope {
  readonly installation: string;
  readonly accountId: string;
}

/** How long a permission answer is reused: a revoked right stops counting within this time. */
const TTL_MS = 60_000;
/** Bound on entries, so a warm process serving many users never grows without limit. */
const MAX_ENTRIES = 5_000;

/**
 * Permission answers (Jira admin, JSM agent) reused for a minute, so loading a panel or the admin page does not cost
 * a `mypermissions` call each time. Forge may reuse a warm process for another installation, so every entry is keyed
 * by installation AND user: an answer for one user on one site is never seen by another user or another site.
 */
class PermissionCache {
  private readonly entries = new Map<string, { value: boolean; until: number }>();

  async ask(scope: PermissionScope, question: string, answer: () => Promise<boolean>): Promise<boolean> {
    const key = JSON.stringify([scope.installation, scope.accountId, question]);
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = await answer();
    if (this.entries.size >= MAX_ENTRIES) {
      for (const [k, e] of this.entries) if (e.until <= now) this.entries.delete(k);
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    }
    this.entries.set(key, { value, until: now + TTL_MS });
    return value;
  }

  /** Forgets every answer about `installation`, as a new process knows nothing (tests model a cold start). */
  forget(installation: string): void {
    for (const key of this.entries.keys()) {
      if ((JSON.parse(key) as unknown[])[0] === installation) this.entries.delete(key);
    }
  }
}

/** The cache shared by every invocation of this process (every installation it serves). */
export const processPermissionCache = new PermissionCache();
