/**
 * The reference day of a site (the benchmark's workload): what people do on a JSM site of 1,000 open tickets in one
 * day, as a timed list of acts. The numbers are the reference day; the split of the ~8 events in a ticket's
 * life into kinds is ours, stated here:
 *
 * - 40 new tickets: 10 by e-mail (a quarter), 2 with Confidential = Yes, on Saturdays and Sundays 2 severe faults
 *   (Production, not reachable) among the portal tickets, the rest raised on the portal;
 * - 290 further events (40 × 8 = 320 over a ticket's life, in steady state as many per day as a day's tickets make):
 *   100 status changes (2 of them forbidden by the process; a ticket waiting in Delivery Pending leaves it with its
 *   Delivery, not by hand), 6 reclassifications, 60 customer comments (half of
 *   them on tickets that wait for the customer), 40 public agent comments, 30 internal notes, 30 edits of fields no
 *   rule watches (summary), 10 priority changes, 10 first assignments, 2 Confidential changes, 10 links;
 * - 400 agent panel views, 50 customer portal views, the admin page opened twice (settings, catalogue, health and
 *   activity tabs);
 * - 24 hourly sweeps (the scheduled trigger), and one Delivery a week with 10 tickets (on the week's Wednesday:
 *   the Delivery is planned, 10 tickets enter Delivery Pending with its version, and it is delivered that
 *   afternoon).
 *
 * People work from 07:00 to 19:00 UTC; the acts of a day are spread over those hours by a seeded random stream.
 */
import type { SeededRandom } from '../../sandbox/forge/random';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** What a person does; each becomes one or more Jira product events (or a resolver call). */
export type ActKind =
  | 'createdPortal'
  | 'createdEmail'
  | 'createdConfidential'
  | 'createdSevereWeekend'
  | 'statusChange'
  | 'statusChangeForbidden'
  | 'reclassification'
  | 'customerComment'
  | 'customerReplyWaiting'
  | 'agentComment'
  | 'internalNote'
  | 'fieldEditUnwatched'
  | 'priorityChange'
  | 'assignment'
  | 'confidentialChange'
  | 'link'
  | 'panelView'
  | 'portalView'
  | 'adminOpen';

/** Acts per reference day (weekday and weekend alike, except the severe faults). */
const REFERENCE_DAY: Readonly<Record<Exclude<ActKind, 'createdSevereWeekend'>, number>> = {
  createdPortal: 28,
  createdEmail: 10,
  createdConfidential: 2,
  statusChange: 98,
  statusChangeForbidden: 2,
  reclassification: 6,
  customerComment: 30,
  customerReplyWaiting: 30,
  agentComment: 40,
  internalNote: 30,
  fieldEditUnwatched: 30,
  priorityChange: 10,
  assignment: 10,
  confidentialChange: 2,
  link: 10,
  panelView: 400,
  portalView: 50,
  adminOpen: 2,
};

/** Severe faults raised on a weekend day, taken from the portal tickets of that day. */
const SEVERE_ON_WEEKEND_DAY = 2;
/** Open tickets of the reference site. */
export const OPEN_TICKETS = 1_000;
/** Tickets shipped by the week's Delivery. */
export const DELIVERY_TICKETS = 10;

export interface Act {
  /** Epoch ms. */
  readonly at: number;
  readonly kind: ActKind;
}

const WORK_START_H = 7;
const WORK_HOURS = 12;

/**
 * The acts of one day starting at `dayStartMs` (00:00 UTC), in time order. `weekend` turns two portal tickets into
 * severe faults (the out-of-hours rule alerts on-call for them). `mix` scales every count (a smaller site) and
 * leaves out kinds.
 */
export function actsOfDay(
  dayStartMs: number,
  weekend: boolean,
  random: SeededRandom,
  mix: { scale?: number; only?: (kind: ActKind) => boolean } = {},
): Act[] {
  const acts: Act[] = [];
  for (const [kind, count] of Object.entries(REFERENCE_DAY) as [ActKind, number][]) {
    if (mix.only && !mix.only(kind)) continue;
    for (let n = 0; n < Math.round(count * (mix.scale ?? 1)); n++) {
      const severe = weekend && kind === 'createdPortal' && n < SEVERE_ON_WEEKEND_DAY;
      const at = dayStartMs + (WORK_START_H + random.next() * WORK_HOURS) * HOUR_MS;
      acts.push({ at: Math.round(at), kind: severe ? 'createdSevereWeekend' : kind });
    }
  }
  return acts.sort((a, b) => a.at - b.at);
}

/** Where each act's cost is booked. */
export type Source = 'sweep' | 'events' | 'panel' | 'portal' | 'admin' | 'queue' | 'lifecycle';

/** The source of an invocation, by the manifest module that ran it. */
export function sourceOfModule(moduleKey: string): Source {
  switch (moduleKey) {
    case 'process-sweep':
      return 'sweep';
    case 'issue-events':
      return 'events';
    case 'process-panel':
      return 'panel';
    case 'process-portal':
    case 'process-escalate':
    case 'process-new-estimate':
      return 'portal';
    case 'process-admin':
      return 'admin';
    case 'work-consumer':
      return 'queue';
    default:
      return 'lifecycle';
  }
}
