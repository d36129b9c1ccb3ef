import type { Language } from '../../../src/contract/resolvers';

/**
 * The UI language for a Forge locale such as `de-DE`, `de_AT` or `en-US`: German for every `de*` locale,
 * English otherwise (the process speaks only these two, PROCESS.md §1).
 *
 * @example pickLanguage('de-CH') // 'de'
 */
export function pickLanguage(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('de') ? 'de' : 'en';
}
