/*
 * An agent's locale as the app last learnt it, per installation (the key names the account): from the agent's own
 * view of the issue panel (the Forge context's `locale`, set by Atlassian for the signed-in user) or, when the
 * agent has not opened a panel for a day, from their Jira profile (3 points). The event rules write internal notes
 * in it (`CommentLanguages`). Only the locale is kept, never a name or an e-mail address.
 */
import type { KeyValueStore } from '../ports';

/** What is kept per agent: when it was learnt, and the locale (`null`: the profile names none). */
interface StoredLocale {
  at: string;
  locale: string | null;
}

/**
 * How long a kept locale is used: a profile's language rarely changes, and a note a day late in the old one is
 * harmless.
 * @internal Exported for the tests that check it directly.
 */
export const AGENT_LOCALE_KEEP_MS = 24 * 60 * 60 * 1000;

/** A panel view renews a kept locale only when it is older than this, so that 400 views a day cost a few writes. */
const RENEW_AFTER_MS = 12 * 60 * 60 * 1000;

const keyOf = (accountId: string) => `events:agentLocale:${accountId}`;

/**
 * The kept locale of `accountId`: a string, `null` when the profile had none, `undefined` when nothing usable is kept
 * (never learnt, older than {@link AGENT_LOCALE_KEEP_MS}, or not a kept value).
 *
 * @example
 * await keptAgentLocale(store, 'acc-1', now); // 'de-DE', kept by the agent's panel view this morning
 */
export async function keptAgentLocale(
  store: KeyValueStore,
  accountId: string,
  now: Date,
): Promise<string | null | undefined> {
  const stored = await store.get<StoredLocale>(keyOf(accountId));
  if (!stored || !(typeof stored.locale === 'string' || stored.locale === null)) return undefined;
  const age = now.getTime() - Date.parse(stored.at);
  return age >= 0 && age < AGENT_LOCALE_KEEP_MS ? stored.locale : undefined;
}

/**
 * Keeps `locale` as what `accountId`'s locale is at `now`. With `renew`, only when nothing is kept, the kept locale
 * differs, or it is older than {@link RENEW_AFTER_MS}. Keeping is a saving, not a duty: a storage that refuses the
 * write costs the next internal note one read of the profile, so the failure is swallowed.
 */
export async function keepAgentLocale(
  store: KeyValueStore,
  accountId: string,
  locale: string | null,
  now: Date,
  renew = false,
): Promise<void> {
  if (renew) {
    const stored = await store.get<StoredLocale>(keyOf(accountId)).catch(() => undefined);
    const age = stored ? now.getTime() - Date.parse(stored.at) : Number.NaN;
    if (stored?.locale === locale && age >= 0 && age < RENEW_AFTER_MS) return;
  }
  await store
    .set<StoredLocale>(keyOf(accountId), { at: now.toISOString(), locale }, { ttlDays: 1 })
    .catch(() => undefined);
}
