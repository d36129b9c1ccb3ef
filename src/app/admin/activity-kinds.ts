import type { ActivityKind } from '../../contract/admin-views';
import type { AuditAction } from '../../contract/common';

/**
 * The Activity tab's kinds, each the audit actions it groups; every action belongs to exactly one kind (the
 * table test checks it), so filtering by every kind in turn shows every entry once.
 */
const KIND_ACTIONS = {
  reminders: ['reminderSent'],
  closes: ['autoClosed'],
  timers: ['timerReset', 'timerStopped'],
  reverts: ['transitionFlagged', 'transitionReverted', 'priorityFlagged'],
  deliveries: [
    'deliveryLinked',
    'deliveryUnlinked',
    'deliveryTransitioned',
    'deliveryTicketsLinked',
    'deliveryCompleted',
  ],
  customers: ['escalated', 'newEstimateRequested'],
  security: ['securityLevelSet'],
  onCall: ['onCallAlerted'],
  settings: ['settingsChanged'],
  parking: ['itemParked', 'parkedItemRetried'],
  other: ['appActivity'],
} as const satisfies Record<ActivityKind, readonly AuditAction[]>;

/** Every action the table lists; it fails to compile while an audit action of the contract has no kind. */
type ListedAction = (typeof KIND_ACTIONS)[ActivityKind][number];
const _everyActionHasAKind: [AuditAction] extends [ListedAction] ? true : false = true;

/** Every kind of the Activity tab, the filters the page may send. */
export const ACTIVITY_KINDS = Object.keys(KIND_ACTIONS) as [ActivityKind, ...ActivityKind[]];

/** Every audit action, kind by kind, the filters the page may send. */
export const AUDIT_ACTIONS = Object.values(KIND_ACTIONS).flat() as [AuditAction, ...AuditAction[]];

/** Whether an entry with `action` is of `kind`. */
export function isOfKind(action: AuditAction, kind: ActivityKind): boolean {
  return (KIND_ACTIONS[kind] as readonly AuditAction[]).includes(action);
}

/**
 * The kind an action belongs to.
 * @internal Exported for the test that every action has exactly one kind.
 */
export function kindOf(action: AuditAction): ActivityKind[] {
  return ACTIVITY_KINDS.filter((k) => isOfKind(action, k));
}
