import { z } from 'zod';
import { STATUSES, type StatusKey } from './statuses';

/** Jira issue entity property holding {@link ProcessState}; the manifest indexes `nextDueAt`, `timer`, `statusId`. */
export const PROCESS_STATE_KEY = 'jsm-process-state';

/**
 * How many idempotency keys a ticket remembers; older ones belong to cycles that can no longer fire.
 * @internal Exported for the tests that check it directly.
 */
export const DONE_LIMIT = 50;

/** The timers of PROCESS.md §4; `none` while the ticket is in a status without one. */
const TIMERS = ['clarification', 'resolved', 'estimate', 'none'] as const;

/** One timer. */
export type TimerName = (typeof TIMERS)[number];

/** Why a timer (re)started. */
const RESET_REASONS = ['customerComment', 'statusEntered', 'reclassified', 'installBackfill'] as const;

/** One reset reason. */
export type ResetReason = (typeof RESET_REASONS)[number];

const isoInstant = z.iso.datetime({ offset: true });

/** How many timer resets a ticket remembers (the panel and the audit trail show them). */
const RESET_HISTORY_LIMIT = 10;

const resetSchema = z.strictObject({ at: isoInstant, reason: z.enum(RESET_REASONS) });

/** One timer (re)start: when and why. */
export type TimerReset = z.output<typeof resetSchema>;

/**
 * The per-ticket state, stored as JSON in the issue property `jsm-process-state`. Versioned so that a later
 * shape can migrate old values; anything that does not parse is treated as absent (and rebuilt).
 * @internal Exported for the tests that check it directly.
 */
export const processStateSchema = z
  .strictObject({
    v: z.literal(1),
    timer: z.enum(TIMERS),
    /** Jira status id the timer runs in; a status change elsewhere makes the state stale. */
    statusId: z.string(),
    /** +1 on every (re)start of a timer; part of every timer idempotency key. */
    cycle: z.int().min(0),
    /** When the ticket entered the status. */
    enteredAt: isoInstant,
    /** When the current cycle started: `enteredAt` or the customer's last reply. */
    cycleStartedAt: isoInstant,
    /** Reminders / notices already sent in this cycle. */
    stepsDone: z.int().min(0),
    /** When the latest of those steps was performed (absent in states written before it was recorded). */
    lastStepAt: isoInstant.optional(),
    /** When the next step is due; absent when nothing is due (indexed for the sweep's JQL). */
    nextDueAt: isoInstant.optional(),
    lastReset: resetSchema.optional(),
    /** The latest timer (re)starts, oldest first, at most {@link RESET_HISTORY_LIMIT}; the last equals `lastReset`. */
    resets: z.array(resetSchema).max(RESET_HISTORY_LIMIT).optional(),
    /**
     * An acceptance instant some stored states hold: accepted on read and dropped, so that no rule depends on it and
     * no write keeps it. The panel reads the acceptance from the changelog (docs/decisions/0027).
     */
    acceptedAt: isoInstant.optional(),
    /**
     * While in Clarification: the working status the ticket came from, to which it may return besides In Progress
     * (PROCESS.md §3), as Jira status id (when known) and logical key. The key decides; both are absent outside
     * Clarification and when the origin is unknown (states written before this field existed).
     */
    returnStatusId: z.string().optional(),
    returnStatus: z.enum(STATUSES).optional(),
    /** Markers such as `illegalTransition` or `deliveryMissing`, shown in the panel. */
    flags: z.array(z.string()),
    /** Idempotency keys of completed actions, newest last, at most {@link DONE_LIMIT}. */
    done: z.array(z.string()).max(DONE_LIMIT),
    updatedAt: isoInstant,
  })
  .transform(({ acceptedAt: _dropped, ...state }) => state);

/** The per-ticket process state. */
export type ProcessState = z.output<typeof processStateSchema>;

/**
 * The state of a ticket the app has not seen before: no timer, nothing due.
 *
 * @example
 * initialState(new Date('2026-11-27T09:00:00Z'), '10001').timer; // 'none'
 */
export function initialState(at: Date, statusId: string): ProcessState {
  const iso = at.toISOString();
  return {
    v: 1,
    timer: 'none',
    statusId,
    cycle: 0,
    enteredAt: iso,
    cycleStartedAt: iso,
    stepsDone: 0,
    flags: [],
    done: [],
    updatedAt: iso,
  };
}

/** The instants of a state that {@link holdsNothing} does not compare: a state without a timer keeps none of them. */
const UNTIMED_INSTANTS: ReadonlySet<string> = new Set(['enteredAt', 'cycleStartedAt', 'updatedAt']);

/**
 * Whether `state` records nothing but the status its ticket is in: no timer, cycle, step, reset, flag, action done
 * or Clarification origin, and no field beyond those {@link initialState} sets. The rules decide a ticket
 * without a state property from `initialState` (of the status its event's move left, or of its own: `startingState`
 * in `decide-issue-change.ts`), so such a state written to Jira would change no later decision; its instants only
 * say when the decision was taken.
 *
 * @example
 * holdsNothing(initialState(new Date('2026-11-30T09:00:00Z'), '10001')); // true
 * holdsNothing({ ...initialState(new Date('2026-11-30T09:00:00Z'), '10001'), flags: ['illegalTransition'] }); // false
 */
export function holdsNothing(state: ProcessState): boolean {
  const blank: Record<string, unknown> = initialState(new Date(0), state.statusId);
  // Every field `initialState` sets is one of the state's; a field set to `undefined` is not written (JSON leaves it
  // out), so it holds nothing either.
  return Object.entries(state)
    .filter(([, value]) => value !== undefined)
    .every(
      ([field, value]) =>
        Object.hasOwn(blank, field) &&
        (UNTIMED_INSTANTS.has(field) || JSON.stringify(value) === JSON.stringify(blank[field])),
    );
}

/**
 * Reads a stored property value; `undefined` for absent or unreadable values (the caller rebuilds the state).
 *
 * @example
 * parseProcessState({ v: 0 }); // undefined
 */
export function parseProcessState(value: unknown): ProcessState | undefined {
  const result = processStateSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

/**
 * Records a completed action's idempotency key, keeping only the newest {@link DONE_LIMIT}.
 *
 * @example
 * withDone(state, '10001:clarification:1:reminder1').done.at(-1); // '10001:clarification:1:reminder1'
 */
export function withDone(state: ProcessState, key: string): ProcessState {
  if (state.done.includes(key)) return state;
  return { ...state, done: [...state.done, key].slice(-DONE_LIMIT) };
}

/**
 * Records a timer (re)start as `lastReset` and in the bounded reset history.
 *
 * @example
 * withReset(state, { at: '2026-11-27T09:00:00.000Z', reason: 'customerComment' }).resets?.at(-1)?.reason; // 'customerComment'
 */
export function withReset<S extends Pick<ProcessState, 'lastReset' | 'resets'>>(
  state: S,
  reset: TimerReset,
): S {
  return { ...state, lastReset: reset, resets: [...(state.resets ?? []), reset].slice(-RESET_HISTORY_LIMIT) };
}

/** Adds a flag once. */
export function withFlag(state: ProcessState, flag: string): ProcessState {
  return state.flags.includes(flag) ? state : { ...state, flags: [...state.flags, flag] };
}

/** Removes a flag. */
export function withoutFlag(state: ProcessState, flag: string): ProcessState {
  return state.flags.includes(flag) ? { ...state, flags: state.flags.filter((f) => f !== flag) } : state;
}

/** The working status a ticket entered Clarification from (PROCESS.md §3). */
export interface ClarificationOrigin {
  /** Jira status id; unknown when rebuilt for a ticket created in its first status (the changelog has no entry). */
  readonly statusId?: string | undefined;
  readonly status: StatusKey;
}

/**
 * Sets (or, with `undefined`, removes) the status a ticket in Clarification returns to.
 *
 * @example
 * withReturnStatus(state, { statusId: '3', status: 'inProgress' }).returnStatus; // 'inProgress'
 */
export function withReturnStatus(state: ProcessState, origin: ClarificationOrigin | undefined): ProcessState {
  const { returnStatusId: _id, returnStatus: _status, ...rest } = state;
  if (!origin) return rest;
  const withId = origin.statusId === undefined ? rest : { ...rest, returnStatusId: origin.statusId };
  return { ...withId, returnStatus: origin.status };
}

/**
 * The stored Clarification origin, if the state describes the ticket's current stay in status `statusId`.
 *
 * @example
 * returnStatusOf(state, state.statusId); // { statusId: '3', status: 'inProgress' }, or undefined when unknown
 */
export function returnStatusOf(
  state: ProcessState | undefined,
  statusId: string,
): ClarificationOrigin | undefined {
  if (!state || state.statusId !== statusId) return undefined;
  const { returnStatusId, returnStatus } = state;
  return returnStatus === undefined ? undefined : { statusId: returnStatusId, status: returnStatus };
}
