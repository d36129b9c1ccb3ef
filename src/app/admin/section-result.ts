import type { SettingsRule } from '../../contract/settings';

/** A problem found while translating the admin page's settings, with the contract path of the field. */
export interface FieldProblem {
  path: string;
  message: string;
  /** Which rule, for the page to say it in the user's language. */
  rule?: SettingsRule;
}

/** Part of the domain's configuration input. */
export type Fragment = Record<string, unknown>;

/** One page section translated: the configuration fragment it writes, or what stops it from being written. */
export type SectionResult = { fragment: Fragment } | { problems: FieldProblem[] };

/** A comma-separated list of people (account ids) as the list the domain stores, blanks left out. */
export const splitPeople = (text: string): string[] =>
  text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
