import { ownValue } from '../own-property';
import { MESSAGE_PLACEHOLDERS, type MessageKey } from './message-keys';

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/**
 * The placeholder names used in `text`, in order of appearance.
 *
 * @example
 * placeholdersIn('Reminder {reminderNumber} of {reminderCount}'); // ['reminderNumber', 'reminderCount']
 */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/**
 * Placeholders in `text` that message `key` does not provide.
 *
 * @example
 * unknownPlaceholders('clarificationClose', 'Closed on {closeDate}'); // ['closeDate']
 */
export function unknownPlaceholders(key: MessageKey, text: string): string[] {
  const allowed: readonly string[] = MESSAGE_PLACEHOLDERS[key];
  return placeholdersIn(text).filter((name) => !allowed.includes(name));
}

/** Replaces each `{name}` with `values[name]`; names without a value are left as they are. */
export function substitutePlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => ownValue(values, name) ?? whole);
}
