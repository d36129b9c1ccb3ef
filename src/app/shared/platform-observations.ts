import { z } from 'zod';
import type { KeyValueStore } from '../ports';

/**
 * What real traffic showed about the customer's site, for the platform checks (admin page, Health tab) to report:
 * whether comment events carried `jsdPublic`, and how the on-call route answered the last alert. Kept in KVS
 * (no Jira points); written only when the observation changes.
 */
const COMMENT_EVENTS_KEY = 'platform-checks:seen:comment-events';
const ON_CALL_KEY = 'platform-checks:seen:on-call';

const commentEventsSchema = z.object({ at: z.string(), carriedVisibility: z.boolean() });
const onCallSchema = z.object({ at: z.string(), ok: z.boolean(), detail: z.string() });

export type CommentEventsSeen = z.output<typeof commentEventsSchema>;
export type OnCallSeen = z.output<typeof onCallSchema>;

/** Records whether a comment event carried the comment's visibility (one KVS read; a write when it changed). */
export async function recordCommentEvent(
  store: KeyValueStore,
  carriedVisibility: boolean,
  at: Date,
): Promise<void> {
  const seen = commentEventsSchema.safeParse(await store.get(COMMENT_EVENTS_KEY));
  if (seen.success && seen.data.carriedVisibility === carriedVisibility) return;
  await store.set(COMMENT_EVENTS_KEY, { at: at.toISOString(), carriedVisibility });
}

/** Records how the on-call route answered an alert (`detail`: `accepted`, or the error's name and status). */
export async function recordOnCallAnswer(
  store: KeyValueStore,
  ok: boolean,
  detail: string,
  at: Date,
): Promise<void> {
  await store.set(ON_CALL_KEY, { at: at.toISOString(), ok, detail });
}

export async function commentEventsSeen(store: KeyValueStore): Promise<CommentEventsSeen | undefined> {
  const seen = commentEventsSchema.safeParse(await store.get(COMMENT_EVENTS_KEY));
  return seen.success ? seen.data : undefined;
}

export async function onCallSeen(store: KeyValueStore): Promise<OnCallSeen | undefined> {
  const seen = onCallSchema.safeParse(await store.get(ON_CALL_KEY));
  return seen.success ? seen.data : undefined;
}
