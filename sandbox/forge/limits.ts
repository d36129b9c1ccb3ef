/**
 * Platform limits the local Forge host enforces, with where each number comes from
 * (`/work/shared/reference/forge-platform.md`, cited as "guide §n").
 */

/** Resolvers and product-event triggers may run 25 s; `timeoutSeconds` does not apply to them (guide §5, §1.2). */
export const INTERACTIVE_TIMEOUT_S = 25;
/** Scheduled triggers and queue consumers default to 55 s, raisable with `timeoutSeconds` up to 900 (guide §5). */
export const BACKGROUND_TIMEOUT_S = 55;
export const MAX_TIMEOUT_S = 900;

/** KVS (guide §2 "@forge/kvs"): key 1–500 chars matching the documented regex, value ≤ 240 KiB, depth ≤ 32. */
export const KVS_KEY_MAX = 500;
// Copied from the KVS error page: in a non-unicode class `\s-#` is "whitespace, '-' or '#'", not a range.
export const KVS_KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
export const KVS_VALUE_MAX_BYTES = 240 * 1024;
export const KVS_MAX_DEPTH = 32;
/** Query pages hold ≤ 100 results and default to 10; batches and transactions ≤ 25 operations. */
export const KVS_QUERY_DEFAULT_LIMIT = 10;
export const KVS_QUERY_MAX_LIMIT = 100;
export const KVS_BATCH_MAX = 25;
export const KVS_TRANSACTION_MAX = 25;
/** TTL ≤ 1 year (guide §2). */
export const KVS_TTL_MAX_MS = 365 * 24 * 3_600_000;

/**
 * A frontend `invoke` carries at most 500 KB of request payload (developer.atlassian.com "Invocation limits",
 * https://developer.atlassian.com/platform/forge/limits-invocation; reference forge-platform.md).
 */
export const RESOLVER_MAX_PAYLOAD_KB = 500;

/** Async events (guide §3): ≤ 50 events and ≤ 200 KB per push, delay 0–900 s, ≤ 500 events/min per install. */
export const QUEUE_MAX_EVENTS = 50;
export const QUEUE_MAX_PAYLOAD_KB = 200;
export const QUEUE_MAX_DELAY_S = 900;
export const QUEUE_EVENTS_PER_MINUTE = 500;
/** `retryAfter` is capped at 900 s; events are kept for a 24 h retention window, then dropped (guide §3). */
export const QUEUE_MAX_RETRY_AFTER_S = 900;
export const QUEUE_RETENTION_MS = 24 * 3_600_000;
/** Platform-driven retries back off exponentially "up to ~15 min between attempts" (guide §3). */
export const QUEUE_BACKOFF_BASE_S = 30;
export const QUEUE_BACKOFF_MAX_S = 900;

/**
 * Product-event triggers: a handler that returns an `InvocationError` gets the event again, "a maximum of four
 * times", each after its `retryAfter` (≤ 900 s) (guide §1.3, trigger and events pages).
 */
export const PRODUCT_EVENT_MAX_RETRIES = 4;

/** Scheduled trigger intervals (guide §1, schema enum). */
export const TRIGGER_INTERVAL_MS = {
  fiveMinute: 5 * 60_000,
  hour: 3_600_000,
  day: 24 * 3_600_000,
  week: 7 * 24 * 3_600_000,
} as const;
export type TriggerInterval = keyof typeof TRIGGER_INTERVAL_MS;
