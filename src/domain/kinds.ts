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
