import type { KeyValueStore } from '../ports';
import { cachedAnswer } from '../shared/cached-answer';

/**
 * How long a "yes, an agent" answer is reused: a working day of panel views costs one permission check per agent
 * and project, and a revoked agent stops seeing the app's panel data within this time. Jira itself still decides
 * every ticket the agent opens (the panel reads it as the user).
 */
const AGENT_MS = 12 * 60 * 60 * 1000;
/** A "no" is kept only briefly, so that a newly added agent sees the panel at once. */
const NOT_AGENT_MS = 5 * 60 * 1000;

/**
 * Whether the user is a service-desk agent of the project, asked of Jira at most once per {@link AGENT_MS} per
 * user and project. The answer is kept in the app's storage, which Forge keeps per installation, under the
 * account id of the trusted Forge context: one user's answer never serves another user or another site.
 */
export function cachedAgentCheck(
  store: KeyValueStore,
  who: { accountId: string; projectKey: string },
  now: Date,
  ask: () => Promise<boolean>,
): Promise<boolean> {
  return cachedAnswer(
    store,
    `panel-agent:${who.accountId}:${who.projectKey}`,
    now,
    { yesMs: AGENT_MS, noMs: NOT_AGENT_MS },
    ask,
  );
}
