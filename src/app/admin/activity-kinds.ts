import type { ActivityKind } from '../../contract/admin-views';
import type { AuditAction } from '../../contract/common';

/**
 * The Activity tab's kinds, each the audit actions it groups; every action belongs to exactly one kind (the
 * table test checks it), so filtering by every kind in turn shows every entry once.
 */
const KIND_ACTIONS: Record<ActivityKind, readonly AuditAction[]> = {
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
};

/** Whether an entry with `action` is of `kind`. */
export function isOfKind(action: AuditAction, kind: ActivityKind): boolean {
  return KIND_ACTIONS[kind].includes(action);
}

/**
 * The kind an action belongs to.
 * @internal Exported for the test that every action has exactly one kind.
 */
export function kindOf(action: AuditAction): ActivityKind[] {
  return (Object.keys(KIND_ACTIONS) as ActivityKind[]).filter((k) => KIND_ACTIONS[k].includes(action));
}
