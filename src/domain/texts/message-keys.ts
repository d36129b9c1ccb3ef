/**
 * Every message the app writes into a ticket, with the placeholders each text may use. A text that uses a
 * placeholder not listed here is rejected when the configuration is parsed (see `config/text-rules.ts`), so a
 * typo in an admin-edited text can never reach a customer as a literal `{clsoeDate}`.
 */
export const MESSAGE_PLACEHOLDERS = {
  /** Public: reminder N of M while in Clarification required / On hold (guide §2.2.5). */
  clarificationReminder: ['ticketKey', 'reminderNumber', 'reminderCount', 'closeDate'],
  /** Public: auto-close after the last reminder went unanswered (guide §2.2.5). */
  clarificationClose: ['ticketKey', 'closeAfterDays'],
  /** Public: auto-close after N days in Resolved without feedback (guide §2.2.5). */
  resolvedClose: ['ticketKey', 'closeAfterDays'],
  /** Public: optional advance notice that a Customisation estimate is about to expire (guide §3.2.3). */
  estimateExpiryNotice: ['ticketKey', 'expiryDate', 'validWeeks'],
  /** Public: the Customisation estimate expired, the ticket is closed (guide §3.2.3). */
  estimateExpired: ['ticketKey', 'validWeeks'],
  /** Internal: a status change outside the workflow was reverted or flagged. */
  transitionRefused: ['ticketKey', 'from', 'to', 'reason'],
  /** Internal: a type change outside the reclassification rules was reverted or flagged. */
  reclassificationRefused: ['ticketKey', 'fromType', 'toType', 'reason'],
  /** Internal: a Delivery Pending ticket has no matching Delivery ticket. */
  deliveryMissing: ['ticketKey', 'version'],
  /**
   * Public: the fix shipped; the ticket is Resolved and the customer can test (guide §3.3). `closeAfterDays`:
   * the Resolved auto-close period (`timers.resolved.closeAfterDays`, default 50).
   */
  deliveryResolved: ['ticketKey', 'version', 'closeAfterDays'],
  /** Public: the Customisation shipped; the ticket is closed (guide §3.2.3). */
  deliveryClosed: ['ticketKey', 'version'],
  /** Public: a severe fault outside working days alerted the on-call duty (guide §1.1.1). */
  onCallAlerted: ['ticketKey'],
  /** Public: a non-severe ticket outside working days will be handled on the next working day. */
  outOfHoursAutoReply: ['ticketKey', 'nextWorkingDay'],
  /** Internal: P1/P2 are availability priorities that do not apply to a Software Defect (guide §3.1). */
  priorityMismatch: ['ticketKey', 'priority', 'type'],
  /** Internal: the ticket was restricted to the customer's regional support staff (guide §2.2.1). */
  confidentialityApplied: ['ticketKey', 'securityLevel'],
  /** Internal (admin notice): no region known for the organization, the fallback level was applied. */
  confidentialityFallback: ['ticketKey', 'securityLevel', 'organization'],
  /** Internal: the restriction was lifted after the customer answered "No". */
  confidentialityLifted: ['ticketKey'],
  /** Internal: the customer escalated the request; mentions the people of the new level (guide §4). */
  escalationNote: ['ticketKey', 'level', 'levelName', 'reason', 'customerText'],
  /** Public: tells the customer who now looks after the escalated request (guide §4). */
  escalationReply: ['ticketKey', 'level', 'levelName', 'contacts'],
  /**
   * The customer asked for a new estimate after theirs expired (guide §3.2.3): the description of the new
   * Request, or the internal note to the account managers.
   */
  newEstimateRequested: ['ticketKey', 'summary'],
} as const satisfies Record<string, readonly string[]>;

/** Key of one configurable message text. */
export type MessageKey = keyof typeof MESSAGE_PLACEHOLDERS;

/** All message keys, in catalogue order. */
export const MESSAGE_KEYS = Object.keys(MESSAGE_PLACEHOLDERS) as MessageKey[];

/** The languages the support desk answers in (guide §1.1). */
export const LANGUAGES = ['de', 'en'] as const;

/** One supported language. */
export type Language = (typeof LANGUAGES)[number];

/** A text in both languages. */
export type Localized = Record<Language, string>;

/**
 * A value for a placeholder. Dates travel as `{ date: ISO }` so that actions stay plain JSON and the date is
 * formatted per language and time zone (the project's unless the value names one, e.g. the customer region's
 * for "next working day") only when the text is rendered; `{ de, en }` carries a
 * reason that itself depends on the language.
 */
export type MessageParam = string | number | { date: string; timeZone?: string } | Localized;

/** Placeholder values for one message. */
export type MessageParams = Record<string, MessageParam>;
