import { isOfKind, kindOf } from '../../../src/app/admin/activity-kinds';
import type { AuditAction } from '../../../src/contract/common';
import { adminEn } from '../../../static/admin/src/messages-en';

/** Every audit action: the admin page's catalogue names each one (its type is a Record over all of them). */
const ACTIONS = Object.keys(adminEn.activity.actions) as AuditAction[];

describe('activity kinds: the Activity filter groups every audit action under exactly one kind', () => {
  it.each(ACTIONS)('%s has exactly one kind', (action) => {
    expect(kindOf(action)).toHaveLength(1);
  });

  it.each<[AuditAction, string]>([
    ['reminderSent', 'reminders'],
    ['autoClosed', 'closes'],
    ['transitionReverted', 'reverts'],
    ['transitionFlagged', 'reverts'],
    ['settingsChanged', 'settings'],
    ['onCallAlerted', 'onCall'],
    ['deliveryCompleted', 'deliveries'],
    ['escalated', 'customers'],
    ['itemParked', 'parking'],
  ])('%s is a %s entry', (action, kind) => {
    expect(kindOf(action)).toEqual([kind]);
    expect(isOfKind(action, 'other')).toBe(false);
  });
});

describe('activity kinds: filtering by each kind in turn shows every entry once', () => {
  const KINDS = [...new Set(ACTIONS.flatMap((action) => kindOf(action)))];

  it.each(ACTIONS)('%s passes the filter of exactly the kind it belongs to', (action) => {
    expect(KINDS.filter((kind) => isOfKind(action, kind))).toEqual(kindOf(action));
  });

  it('lets an app activity entry through the other filter only', () => {
    expect(isOfKind('appActivity', 'other')).toBe(true);
    expect(isOfKind('appActivity', 'reminders')).toBe(false);
  });
});
