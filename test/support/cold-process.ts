import { processPermissionCache } from '../../src/adapters/jira/permission-cache';
import { processRateLimitGate } from '../../src/adapters/jira/rate-limit-gate';

/** The installation every local site of the tests is (the Forge host's default). */
const INSTALLATION = '1a570000-0000-4000-8000-000000000001';

/**
 * A new local site is served by a new app process: what the process keeps in memory for its installation
 * (permission answers, rate-limit holds) from an earlier test's site would otherwise leak into this one, and a
 * test's outcome would depend on the tests that ran before it.
 */
export function coldProcess(): void {
  processPermissionCache.forget(INSTALLATION);
  processRateLimitGate.forget(INSTALLATION);
}
