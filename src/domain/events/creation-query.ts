import type { ProjectConfig } from '../config';
import { customFieldClause, EMAIL_CHANNEL_CLAUSE, jqlString } from '../jql';
import { isOption, kindOfTypeName } from '../names';
import { ownValue } from '../own-property';
import { supportTime } from '../service/support-hours';
import type { FieldIds, Ticket } from '../ticket';
import type { IssueChangeEvent } from './issue-change';

/** The search that finds a new ticket only when a rule may act on what its payload lacks, or why it is read. */
export type CreationQuery = { readonly jql: string } | { readonly reason: string };

/**
 * At most this many organization names in the creation search: more, and the ticket is read instead.
 * @internal Exported for the tests.
 */
export const MAX_OFF_ORGANIZATIONS = 50;

/**
 * The support regions for which `at` is not a working day (a weekend or a public holiday there), by id.
 *
 * @example
 * regionsOutOfHours(new Date('2026-12-01T10:00:00Z'), cfg); // ['sibiu']: Romania's National Day
 * @internal Exported for the tests.
 */
export function regionsOutOfHours(at: Date, cfg: Pick<ProjectConfig, 'regions' | 'calendar'>): string[] {
  return Object.entries(cfg.regions.regions)
    .filter(([, region]) => !supportTime(at, region, cfg).working)
    .map(([id]) => id);
}

/**
 * The clause that finds a ticket the out-of-hours rule may act on (`decideOutOfHours`: the region of the first
 * mapped organization, else the default region): `null` when no customer can be out of hours, the organizations
 * mapped to a region out of hours (a superset: a ticket shared with one of them is read, whichever comes first),
 * or `undefined` when no clause can say it (the default region out of hours, no Organizations field JQL can name,
 * or too many organizations) and the ticket is read.
 */
function outOfHoursClause(at: Date, config: ProjectConfig, ids: FieldIds): string | null | undefined {
  if (Number.isNaN(at.getTime())) return undefined;
  const off = regionsOutOfHours(at, config);
  if (off.includes(config.regions.defaultRegion)) return undefined;
  const names = Object.entries(config.regions.organizations)
    .filter(([, regionId]) => off.includes(regionId))
    .map(([name]) => name);
  if (names.length === 0) return null;
  const field = ids.organizations === undefined ? undefined : customFieldClause(ids.organizations);
  if (field === undefined || names.length > MAX_OFF_ORGANIZATIONS) return undefined;
  return `${field} in (${names.map((name) => jqlString(name)).join(', ')})`;
}

/**
 * What a new ticket is asked before it is read (docs/decisions/0029). On the creation of an Incident or a Request
 * (the customers' portal types), the rules act on what the payload lacks only when the ticket is Confidential
 * (PROCESS.md §7), carries a security level (the restriction a "No" lifts), is an Incident raised by e-mail (§1,
 * re-typed to Request), or belongs to a customer whose region is out of hours (§1: the auto-reply or the on-call
 * alert). One search restricted to the ticket with those clauses finds it only then (1 point when it does not); the
 * priority note concerns Software Defects only. Other creations are read as before.
 *
 * @example
 * creationQuery(createdRequestOnMonday, cfg, ids); // { jql: 'id = 10001 AND (level IS NOT EMPTY OR cf[10050] = "Yes")' }
 * creationQuery(createdRequestOnSaturday, cfg, ids); // { reason: 'outOfHours' }
 */
export function creationQuery(event: IssueChangeEvent, config: ProjectConfig, ids: FieldIds): CreationQuery {
  const snap = event.snapshot;
  if (event.kind !== 'created') return { reason: 'notCreated' };
  if (snap === undefined) return { reason: 'noSnapshot' };
  if (!/^\d+$/.test(event.issueId)) return { reason: 'issueIdNotNumeric' };
  const kind = kindOfTypeName(config, snap.typeName);
  if (kind !== 'incident' && kind !== 'request') return { reason: 'kindNeedsTicket' };
  const outOfHours = outOfHoursClause(new Date(snap.created), config, ids);
  if (outOfHours === undefined) return { reason: 'outOfHours' };
  const clauses = ['level IS NOT EMPTY'];
  if (ids.confidential !== undefined) {
    const field = customFieldClause(ids.confidential);
    if (field === undefined) return { reason: 'confidentialNotSearchable' };
    clauses.push(`${field} = ${jqlString(config.names.fieldValues.yes)}`);
  }
  if (kind === 'incident') clauses.push(EMAIL_CHANNEL_CLAUSE);
  if (outOfHours !== null) clauses.push(outOfHours);
  return { jql: `id = ${event.issueId} AND (${clauses.join(' OR ')})` };
}

/**
 * Whether the search of {@link creationQuery} found the new Incident `ticket` (read by that search) through the
 * e-mail channel clause: `true` when no other clause holds (no security level, Confidential not "Yes", no
 * organization mapped to a region out of hours at its creation), `undefined` when one may and the channel is still
 * open.
 *
 * @example
 * foundByEmail({ ...incident, confidential: 'No' }, cfg); // true
 * foundByEmail({ ...incident, confidential: 'Yes' }, cfg); // undefined
 */
export function foundByEmail(
  ticket: Ticket,
  cfg: Pick<ProjectConfig, 'names' | 'regions' | 'calendar'>,
): true | undefined {
  if (ticket.securityLevel !== undefined || isOption(cfg, ticket.confidential, 'yes')) return undefined;
  const created = new Date(ticket.created);
  if (Number.isNaN(created.getTime())) return undefined;
  const off = regionsOutOfHours(created, cfg);
  const offCustomer = ticket.organizations.some((o) => {
    const regionId = ownValue(cfg.regions.organizations, o.name);
    return regionId !== undefined && off.includes(regionId);
  });
  return offCustomer ? undefined : true;
}
