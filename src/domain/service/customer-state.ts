import { z } from 'zod';
import { REGION_GROUPS } from '../config/service-schema';
import { ESCALATION_REASON_KEYS } from './escalation';

/**
 * Jira issue entity property holding what the customer did through the portal: escalations and the request for
 * a new estimate. Kept apart from the timer state (`jsm-process-state`) so that the sweep and the event rules,
 * which rewrite that property, never race a customer's click.
 */
export const CUSTOMER_STATE_KEY = 'jsm-process-customer';

const isoInstant = z.iso.datetime({ offset: true });

const escalationRecordSchema = z.strictObject({
  level: z.int().min(1).max(5),
  reason: z.enum(ESCALATION_REASON_KEYS as [string, ...string[]]),
  at: isoInstant,
  group: z.enum(REGION_GROUPS),
  /** When the public reply naming who now looks after the request was posted; absent until then. */
  repliedAt: isoInstant.optional(),
  /** Account id of the person who escalated (shown to agents by display name). */
  by: z.string().min(1).max(128).optional(),
});

/** One escalation: level, reason code, time, the customer's region group, who escalated, and whether they were told. */
export type EscalationRecord = z.output<typeof escalationRecordSchema> & {
  reason: (typeof ESCALATION_REASON_KEYS)[number];
};

const renewalSchema = z.strictObject({
  at: isoInstant,
  mode: z.enum(['newRequest', 'accountManagerNote']),
  /** Key of the Request raised for the new estimate (`newRequest` mode). */
  requestKey: z.string().optional(),
});

/** The customer's request for a new estimate on an expired Customisation (guide §3.2.3). */
type EstimateRenewal = z.output<typeof renewalSchema>;

/** Versioned; anything that does not parse is treated as absent. */
const customerStateSchema = z.strictObject({
  v: z.literal(1),
  /** One record per level reached, in order (the ladder has at most five levels). */
  escalations: z.array(escalationRecordSchema).max(5),
  renewal: renewalSchema.optional(),
});

/** What the customer did through the portal on one request. */
export interface CustomerState {
  v: 1;
  escalations: EscalationRecord[];
  renewal?: EstimateRenewal;
}

/**
 * The state of a request nobody has escalated.
 * @internal Exported for the tests that check it directly.
 */
export const EMPTY_CUSTOMER_STATE: CustomerState = { v: 1, escalations: [] };

/**
 * Reads the stored property; an absent or unreadable value is the empty state.
 *
 * @example
 * parseCustomerState(undefined).escalations; // []
 */
export function parseCustomerState(value: unknown): CustomerState {
  const parsed = customerStateSchema.safeParse(value);
  return parsed.success ? (parsed.data as CustomerState) : EMPTY_CUSTOMER_STATE;
}

/**
 * The level a request is escalated to; 0 when it never was.
 *
 * @example
 * currentLevel(EMPTY_CUSTOMER_STATE); // 0
 */
export function currentLevel(state: CustomerState): number {
  return state.escalations.at(-1)?.level ?? 0;
}
