import { ownValue } from '../own-property';
import { placeholdersIn } from './placeholders';

/** Jira Cloud refuses a comment body longer than 32,767 characters. */
export const JIRA_COMMENT_MAX = 32_767;

/** Longest Jira names the placeholders carry: status, issue type, priority, security level, organization. */
const JIRA_NAME_MAX = 255;

/**
 * The longest value each placeholder can take once filled: issue keys (project key ≤ 10 characters, a dash and
 * a number), dates in either language (`30 September 2026` is the longest English one), counts of days or
 * weeks, and Jira names. A placeholder not listed counts as a Jira name.
 */
const LONGEST_VALUE: Readonly<Record<string, number>> = {
  ticketKey: 10 + 1 + 10,
  reminderNumber: 3,
  reminderCount: 3,
  closeAfterDays: 6,
  validWeeks: 6,
  closeDate: 17,
  expiryDate: 17,
  nextWorkingDay: 17,
  version: JIRA_NAME_MAX,
  reason: 500,
};

/**
 * The length of `text` with every placeholder filled with its longest possible value: what must fit into one
 * Jira comment.
 *
 * @example
 * filledLength('Reminder {reminderNumber}'); // 12 ('Reminder ' plus 3)
 */
export function filledLength(text: string): number {
  return placeholdersIn(text).reduce(
    (length, name) => length - `{${name}}`.length + (ownValue(LONGEST_VALUE, name) ?? JIRA_NAME_MAX),
    text.length,
  );
}
