import type { DomainAction } from '../actions';
import { isWorkingDay, nextWorkingDay, type CalendarConfig } from '../calendar/working-days';
import type { Settings } from '../config/settings-schema';
import type { Kind } from '../kinds';
import { ownValue } from '../own-property';
import type { Priority } from '../priorities/priority-catalogue';

type HoursConfig = Pick<Settings, 'regions' | 'calendar' | 'onCall' | 'names'>;

/**
 * The region whose support hours apply to an organization: its configured region, else the default region.
 *
 * @example
 * regionFor(cfg, 'Unknown GmbH'); // 'saarbruecken' by default
 */
export function regionFor(cfg: Pick<Settings, 'regions'>, organization: string | undefined): string {
  return ownValue(cfg.regions.organizations, organization) ?? cfg.regions.defaultRegion;
}

/** The calendar of a region: its time zone and holidays, the site's weekdays and extra holidays. */
export function regionCalendar(
  cfg: Pick<Settings, 'regions' | 'calendar'>,
  regionId: string,
): CalendarConfig {
  const region = ownValue(cfg.regions.regions, regionId);
  if (!region) return cfg.calendar;
  return { ...cfg.calendar, timeZone: region.timeZone, holidayRegion: region.holidayRegion };
}

/**
 * Whether `at` is support time in the region: the desk is staffed around the clock on working days; weekends
 * and public holidays are not worked (guide §1.1.1).
 *
 * @example
 * isWorkingTime(new Date('2026-11-28T10:00:00Z'), 'saarbruecken', cfg); // false (Saturday)
 */
export function isWorkingTime(
  at: Date,
  regionId: string,
  cfg: Pick<Settings, 'regions' | 'calendar'>,
): boolean {
  return isWorkingDay(at, regionCalendar(cfg, regionId));
}

/** What the app knows about a new ticket when deciding on an on-call alert. */
export interface IntakeFacts {
  readonly ticketId: string;
  readonly ticketKey: string;
  readonly kind: Kind;
  readonly priority?: Priority | undefined;
  /** Raw values of "Affected system" and "Can the system be reached?". */
  readonly affectedSystem?: string | undefined;
  readonly systemReachable?: string | undefined;
  readonly organization?: string | undefined;
  readonly createdAt: Date;
}

/**
 * Whether a ticket reports a severe fault: an Incident on the production system that cannot be reached, or
 * one rated P1/P2 (guide §1.1.1, §3.1).
 */
export function isSevere(facts: IntakeFacts, cfg: Pick<Settings, 'names'>): boolean {
  const values = cfg.names.fieldValues;
  const productionDown =
    facts.kind === 'incident' &&
    facts.affectedSystem === values.production &&
    facts.systemReachable === values.no;
  return productionDown || facts.priority === 'P1' || facts.priority === 'P2';
}

/**
 * Whether the on-call duty must be alerted: a severe fault created outside the working days of the
 * customer's region, with on-call alerting configured.
 *
 * @example
 * needsOnCallAlert({ kind: 'incident', affectedSystem: 'Production', systemReachable: 'No', createdAt: saturday, … }, cfg); // true
 */
export function needsOnCallAlert(facts: IntakeFacts, cfg: HoursConfig): boolean {
  if (cfg.onCall.mode === 'none' || !isSevere(facts, cfg)) return false;
  return !isWorkingTime(facts.createdAt, regionFor(cfg, facts.organization), cfg);
}

/**
 * The intake actions outside working days: alert on-call and tell the customer for a severe fault, otherwise
 * a polite reply naming the next working day. Inside working days: nothing.
 *
 * @example
 * outOfHoursActions(weekendRequest, cfg)[0]; // { type: 'comment', messageKey: 'outOfHoursAutoReply', … }
 */
export function outOfHoursActions(facts: IntakeFacts, cfg: HoursConfig): DomainAction[] {
  const regionId = regionFor(cfg, facts.organization);
  if (isWorkingTime(facts.createdAt, regionId, cfg)) return [];
  const base = `${facts.ticketId}:intake`;
  const { mode, target } = cfg.onCall;
  if (isSevere(facts, cfg) && mode !== 'none' && target !== undefined) {
    return [
      { type: 'alertOnCall', mode, target, idempotencyKey: `${base}:onCall` },
      {
        type: 'comment',
        visibility: 'public',
        messageKey: 'onCallAlerted',
        params: { ticketKey: facts.ticketKey },
        idempotencyKey: `${base}:onCallComment`,
      },
    ];
  }
  const calendar = regionCalendar(cfg, regionId);
  const next = nextWorkingDay(facts.createdAt, calendar);
  return [
    {
      type: 'comment',
      visibility: 'public',
      messageKey: 'outOfHoursAutoReply',
      params: {
        ticketKey: facts.ticketKey,
        nextWorkingDay: { date: next.toISOString(), timeZone: calendar.timeZone },
      },
      idempotencyKey: `${base}:outOfHours`,
    },
  ];
}
