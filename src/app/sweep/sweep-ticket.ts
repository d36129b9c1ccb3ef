import type { ProjectConfig } from '../../domain/config';
import type { Ticket } from '../../domain/ticket';
import { toTicket } from '../shared/ticket';
import type { ChangelogHistory, IssueBean } from '../ports/jira';
import { namedRef, parseJiraTime } from '../shared/field-values';

type Names = Pick<ProjectConfig, 'names'>;

/** The domain {@link Ticket}'s fields that the sweep's search reads (see {@link sweepFields}). */
const SWEPT = [
  'id',
  'key',
  'typeId',
  'typeName',
  'kind',
  'statusId',
  'statusName',
  'status',
  'created',
  'reporterId',
  'organizations',
  'state',
] as const satisfies readonly (keyof Ticket)[];

/**
 * One ticket as the sweep reads it: the domain's {@link Ticket}, limited to the fields its search asks for, plus
 * what only the sweep needs (when Jira last changed the ticket, its status changelog, whether the state is fresh).
 */
export interface SweepTicket extends Pick<Ticket, (typeof SWEPT)[number]> {
  /**
   * `true` when `state` comes from a strongly consistent read (`GET /issue` or the property itself), not from
   * the search index, which may be seconds behind a concurrent writer.
   */
  readonly stateFresh?: boolean;
  /** Jira's `updated` as epoch ms; any change (comment, edit, transition) moves it. */
  readonly updatedMs: number | undefined;
  /** Status changes from the changelog, oldest first, when the search expanded it. */
  readonly statusChanges: readonly StatusChange[];
  /**
   * How many older histories Jira left out: search returns only the most recent ones (40), so the status changes
   * before them are missing. 0 or absent when the changelog is complete (or was not expanded).
   */
  readonly olderHistories?: number;
}

/** One status change from the changelog. */
export interface StatusChange {
  readonly at: string;
  readonly toStatusId: string | undefined;
  readonly toStatusName: string | undefined;
}

/** The status changes among changelog histories, oldest first. */
export function statusChangesOf(histories: readonly ChangelogHistory[]): StatusChange[] {
  const changes = histories.flatMap((history) =>
    history.items
      .filter((item) => item.field === 'status' || item.fieldId === 'status')
      .map((item) => ({
        at: history.created,
        toStatusId: item.to ?? undefined,
        toStatusName: item.toString ?? undefined,
      })),
  );
  return changes.sort((a, b) => (parseJiraTime(a.at) ?? 0) - (parseJiraTime(b.at) ?? 0));
}

/**
 * Reads a search or issue result into a {@link SweepTicket} with the event rules' ticket reader (`toTicket`) and
 * the project's names; `undefined` when the bean lacks the status or issue type (a field the app may not see),
 * which the caller records as a skip.
 *
 * @example
 * toSweepTicket(bean, cfg, 'customfield_10002')?.state?.timer; // 'clarification'
 */
export function toSweepTicket(
  bean: IssueBean,
  cfg: Names,
  organizationsFieldId?: string,
): SweepTicket | undefined {
  const fields = bean.fields ?? {};
  if (!namedRef(fields.status) || !namedRef(fields.issuetype) || !bean.key) return undefined;
  const ticket = toTicket(bean, { organizations: organizationsFieldId }, cfg);
  const swept = Object.fromEntries(
    SWEPT.filter((name) => ticket[name] !== undefined).map((name) => [name, ticket[name]]),
  ) as Pick<Ticket, (typeof SWEPT)[number]>;
  return {
    ...swept,
    updatedMs: parseJiraTime(fields.updated),
    statusChanges: statusChangesOf(bean.changelog?.histories ?? []),
    olderHistories: Math.max(0, (bean.changelog?.total ?? 0) - (bean.changelog?.histories.length ?? 0)),
  };
}

/** The fields every sweep query asks for (points do not depend on fields, response size does). */
export function sweepFields(organizationsFieldId?: string): string[] {
  return [
    'status',
    'issuetype',
    'updated',
    'created',
    'reporter',
    ...(organizationsFieldId ? [organizationsFieldId] : []),
  ];
}

/**
 * The write option naming the ticket view (its `updated`) a state was decided from, so that the due index keeps a
 * copy of that state for the events after it (docs/decisions/0020); none when the search did not return it.
 */
export function stateBasisOf(ticket: Pick<SweepTicket, 'updatedMs'>): { stateBasis?: string } {
  return ticket.updatedMs === undefined ? {} : { stateBasis: new Date(ticket.updatedMs).toISOString() };
}
