import { isWorkingDay, nextWorkingDay, type CalendarConfig } from '../../../domain/calendar';
import type { ProcessState } from '../../../domain/process-state';
import type { EventAction, RuleResult } from '../event-actions';
import { isOption } from '../jira-names';
import type { RuleInput } from '../rule-input';
import type { Ticket } from '../ticket';
import { supportRegion } from './customer-region';

/**
 * A severe fault (guide §1.1.1): an Incident on Production that cannot be reached, or one with priority P1/P2.
 *
 * @example
 * isSevere({ kind: 'incident', affectedSystem: 'Production', systemReachable: 'No', … }, cfg); // true
 */
function isSevere(ticket: Ticket, config: RuleInput['config']): boolean {
  if (ticket.kind !== 'incident' && ticket.kind !== 'nonSoftwareDefect') return false;
  const down =
    isOption(config, ticket.affectedSystem, 'production') && isOption(config, ticket.systemReachable, 'no');
  return down || ticket.priority === 'P1' || ticket.priority === 'P2';
}

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
  const found = supportRegion(ticket, config);
  if (Number.isNaN(created.getTime()) || !found) return { state, actions: [] };
  const calendar: CalendarConfig = {
    mode: 'working',
    timeZone: found.region.timeZone,
    holidayRegion: found.region.holidayRegion,
    extraHolidays: config.calendar.extraHolidays,
    workingDays: config.calendar.workingDays,
  };
  if (isWorkingDay(created, calendar)) return { state, actions: [] };
  if (!isSevere(ticket, config)) {
    return {
      state,
      actions: [
        {
          type: 'comment',
          visibility: 'public',
          messageKey: 'outOfHoursAutoReply',
          params: {
            ticketKey: ticket.key,
            nextWorkingDay: { date: nextWorkingDay(created, calendar).toISOString() },
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
