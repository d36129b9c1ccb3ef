/**
 * The logical ticket kinds of the support process (PROCESS.md §2, guide §3). Jira issue type names are
 * configuration (`names.kinds`); code only ever speaks of these keys.
 */
export const KINDS = [
  'incident',
  'request',
  'softwareDefect',
  'nonSoftwareDefect',
  'consultingRequest',
  'supportRequest',
  'customisation',
  'suggestion',
  'delivery',
] as const;

/** One logical ticket kind. */
export type Kind = (typeof KINDS)[number];

/** The two portal types a customer can raise (guide §2.2.1); e-mail tickets always start as `request`. */
export const PORTAL_KINDS = ['incident', 'request'] as const satisfies readonly Kind[];

/** Type guard for untrusted strings (stored state, resolver payloads). */
export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}
