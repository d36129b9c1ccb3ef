import { isWorkingDay, nextWorkingDay, type CalendarConfig } from '../calendar';
import type { Settings } from '../config/settings-schema';
import type { Kind } from '../kinds';
import { isOption } from '../names';
import type { Priority } from '../priorities/priority-catalogue';
import type { Region } from './customer-region';

/** What the on-call decision knows about a new ticket (raw select values as Jira stores them). */
export interface FaultFacts {
  readonly kind?: Kind | undefined;
  readonly priority?: Priority | undefined;
  readonly affectedSystem?: string | undefined;
  readonly systemReachable?: string | undefined;
}

/**
 * A severe fault (guide §1.1.1, §3.1; PROCESS.md §1, §5): an Incident or Non-Software Defect on the production
 * system that cannot be reached, or one rated P1/P2 (the system-availability priorities). Other kinds are never
 * severe, whatever their priority.
 *
 * @example
 * isSevereFault({ kind: 'incident', affectedSystem: 'Production', systemReachable: 'No' }, cfg); // true
 * isSevereFault({ kind: 'softwareDefect', priority: 'P1' }, cfg); // false
 */
export function isSevereFault(facts: FaultFacts, cfg: Pick<Settings, 'names'>): boolean {
  if (facts.kind !== 'incident' && facts.kind !== 'nonSoftwareDefect') return false;
  const down =
    isOption(cfg, facts.affectedSystem, 'production') && isOption(cfg, facts.systemReachable, 'no');
  return down || facts.priority === 'P1' || facts.priority === 'P2';
}

/** The working calendar of a support region: its time zone and holidays, the site's weekdays and extra holidays. */
function regionCalendar(region: Region, cfg: Pick<Settings, 'calendar'>): CalendarConfig {
  return {
    mode: 'working',
    timeZone: region.timeZone,
    holidayRegion: region.holidayRegion,
    extraHolidays: cfg.calendar.extraHolidays,
    workingDays: cfg.calendar.workingDays,
  };
}

/** When a ticket created at `created` is handled: now (a working day) or from the start of the next working day. */
export type SupportTime =
  { readonly working: true } | { readonly working: false; readonly nextWorkingDay: Date };

/**
 * Whether `created` falls on a working day of the region (support is staffed around the clock on working days,
 * guide §1.1.1), and if not, the next working day.
 *
 * @example
 * supportTime(saturdayNoon, region, cfg); // { working: false, nextWorkingDay: Monday 00:00 local }
 */
export function supportTime(created: Date, region: Region, cfg: Pick<Settings, 'calendar'>): SupportTime {
  const calendar = regionCalendar(region, cfg);
  if (isWorkingDay(created, calendar)) return { working: true };
  return { working: false, nextWorkingDay: nextWorkingDay(created, calendar) };
}
