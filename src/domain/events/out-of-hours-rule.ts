import type { ProcessState } from '../process-state';
import { supportRegion } from '../service/customer-region';
import { isSevereFault, supportTime } from '../service/support-hours';
import type { EventAction, RuleResult } from './event-actions';
import type { RuleInput } from './rule-input';

/**
 * Working hours (guide §1.1.1, PROCESS.md §1): outside the working days of the customer's region only severe
 * faults are handled. A severe Incident created then alerts on-call (JSM Operations or a webhook, per `onCall`)
 * and tells the customer so; any other ticket gets a public auto-reply naming the next working day. Decided on
 * the creation event only, with the creation time from Jira (not the event's arrival), once per ticket.
 *
 * @example
 * decideOutOfHours(createdOnSaturday, state).actions.map((a) => a.type); // ['comment'] (auto-reply)
 */
export function decideOutOfHours(input: RuleInput, state: ProcessState): RuleResult {
  const { event, ticket, config } = input;
  if (event.kind !== 'created' || ticket.kind === 'delivery') return { state, actions: [] };
  const created = new Date(ticket.created);
  const found = supportRegion(
    ticket.organizations.map((o) => o.name),
    config,
  );
  if (Number.isNaN(created.getTime()) || !found) return { state, actions: [] };
  const time = supportTime(created, found.region, config);
  if (time.working) return { state, actions: [] };
  if (!isSevereFault(ticket, config)) {
    return {
      state,
      actions: [
        {
          type: 'comment',
          visibility: 'public',
          messageKey: 'outOfHoursAutoReply',
          params: {
            ticketKey: ticket.key,
            nextWorkingDay: { date: time.nextWorkingDay.toISOString() },
          },
          idempotencyKey: `${ticket.id}:outOfHoursReply`,
        },
      ],
    };
  }
  const { mode, target } = config.onCall;
  if (mode === 'none' || target === undefined) {
    return {
      state,
      actions: [
        {
          type: 'audit',
          entry: { action: 'onCallAlert', outcome: 'skipped', detail: 'onCallNotConfigured' },
        },
      ],
    };
  }
  const actions: EventAction[] = [
    { type: 'alertOnCall', mode, target, idempotencyKey: `${ticket.id}:onCall` },
    {
      type: 'comment',
      visibility: 'public',
      messageKey: 'onCallAlerted',
      params: { ticketKey: ticket.key },
      idempotencyKey: `${ticket.id}:onCallNotice`,
    },
  ];
  return { state, actions };
}
