import { z } from 'zod';
import type { ChangelogHistory, IssueBean } from '../ports/jira';
import { parseProcessState, PROCESS_STATE_KEY, type ProcessState } from '../../domain/process-state';

/** What the sweep knows about one ticket after its search: ids, status, type, state, organizations. */
export interface SweepTicket {
  readonly id: string;
  readonly key: string;
  readonly statusId: string;
  readonly statusName: string;
  readonly issueTypeId: string;
  readonly issueTypeName: string;
  /** The stored timer state; `undefined` when absent or unreadable (the sweep rebuilds it). */
  readonly state: ProcessState | undefined;
  /**
   * `true` when `state` comes from a strongly consistent read (`GET /issue` or the property itself), not from
   * the search index, which may be seconds behind a concurrent writer.
   */
  readonly stateFresh?: boolean;
  /** Jira's `updated` as epoch ms; any change (comment, edit, transition) moves it. */
  readonly updatedMs: number | undefined;
  readonly createdMs: number | undefined;
  /** Names of the JSM organizations the ticket is shared with (for the customer's language). */
  readonly organizations: readonly string[];
  /** The reporter's account id: the first candidate for "the customer" (PROCESS.md §4). */
  readonly reporterId?: string | undefined;
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

const named = z.looseObject({ id: z.string(), name: z.string() });
const organization = z.looseObject({ name: z.string() });
const user = z.looseObject({ accountId: z.string() });

/** Jira writes `2026-11-27T10:00:00.000+0000`, which `Date.parse` does not accept without the colon. */
export function parseJiraTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const iso = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
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
 * Reads a search or issue result into a {@link SweepTicket}; `undefined` when the bean lacks the status or
 * issue type (a field the app may not see), which the caller records as a skip.
 *
 * @example
 * toSweepTicket(bean, 'customfield_10002')?.state?.timer; // 'clarification'
 */
export function toSweepTicket(bean: IssueBean, organizationsFieldId?: string): SweepTicket | undefined {
  const fields = bean.fields ?? {};
  const status = named.safeParse(fields.status);
  const issueType = named.safeParse(fields.issuetype);
  if (!status.success || !issueType.success || !bean.key) return undefined;
  const orgs = organizationsFieldId
    ? z.array(organization).safeParse(fields[organizationsFieldId])
    : undefined;
  return {
    id: bean.id,
    key: bean.key,
    statusId: status.data.id,
    statusName: status.data.name,
    issueTypeId: issueType.data.id,
    issueTypeName: issueType.data.name,
    state: parseProcessState(bean.properties?.[PROCESS_STATE_KEY]),
    updatedMs: parseJiraTime(fields.updated),
    createdMs: parseJiraTime(fields.created),
    organizations: orgs?.success ? orgs.data.map((o) => o.name) : [],
    reporterId: user.safeParse(fields.reporter).data?.accountId,
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
