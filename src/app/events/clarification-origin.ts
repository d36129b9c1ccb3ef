import type { ProjectConfig } from '../../domain/config';
import { kindOfTypeName, statusOfName } from '../../domain/names';
import type { Ticket } from '../../domain/ticket';
import type { Kind } from '../../domain/kinds';
import { hasStatus, leavesClarificationFreely } from '../../domain/workflows';
import { returnStatusOf, type ClarificationOrigin, type ProcessState } from '../../domain/process-state';
import type { ChangelogHistory } from '../ports/jira';
import type { EventDeps } from './event-deps';
import { changeOf, type IssueChangeEvent } from '../../domain/events/issue-change';

/** The ticket's changelog once read in this invocation: a decision taken again on the ticket read reuses it. */
export interface ChangelogMemo {
  histories?: Promise<readonly ChangelogHistory[]>;
}

/**
 * Where a ticket leaving Clarification came from (PROCESS.md §3: it returns there or to In Progress), when the
 * stored state cannot say: an older event read late stamped the state for a later status (the return status it
 * recorded on entering Clarification is gone), or another event of the ticket, read after the ticket had entered
 * Clarification, stamped the stay without knowing where it came from. Read from the changelog (one request, only then): the status
 * the ticket left for its last entry into Clarification before this change; also for a ticket without any state
 * (open before the installation and not stamped yet). `undefined` when the event does not leave Clarification,
 * the state knows the origin, the move is allowed whatever the origin (In Progress, Closed) or is no longer the
 * ticket's current status, or the changelog does not show it (the rule then accepts any working status).
 */
export async function clarificationOriginFromChangelog(
  deps: EventDeps,
  ticket: Pick<Ticket, 'key' | 'statusId' | 'status' | 'kind'>,
  event: IssueChangeEvent,
  stored: ProcessState | undefined,
  config: ProjectConfig,
  memo: ChangelogMemo,
): Promise<ClarificationOrigin | undefined> {
  const change = changeOf(event, 'status');
  if (!change?.from || statusOfName(config, change.fromString ?? undefined) !== 'clarification')
    return undefined;
  if (stored && returnStatusOf(stored, change.from)) return undefined;
  // The transition rule judges only a move still current, as the kind the ticket has and the kind it had then (a
  // kind without Clarification by its own rule); a move every origin allows for both needs no origin.
  const kinds = [ticket.kind, kindOfTypeName(config, event.typeAtEvent)];
  const to = ticket.status;
  if (change.to !== ticket.statusId || to === undefined) return undefined;
  const originDecides = (kind: Kind | undefined) =>
    kind !== undefined && hasStatus(kind, 'clarification') && !leavesClarificationFreely(kind, to);
  if (!kinds.some(originDecides)) return undefined;
  memo.histories ??= deps.jira
    .getIssue(ticket.key, { fields: ['status'], expand: 'changelog' })
    .then((bean) => bean.changelog?.histories ?? []);
  // Changelog ids grow with every change; the order Jira returns them in is not relied on.
  const histories = [...(await memo.histories)].sort((a, b) => Number(a.id) - Number(b.id));
  const end = histories.findIndex((h) => h.id === event.changelogId);
  const before = end < 0 ? histories : histories.slice(0, end);
  const entry = before
    .flatMap((h) => h.items.filter((i) => (i.fieldId ?? i.field) === 'status' && i.to === change.from))
    .pop();
  const status = statusOfName(config, entry?.fromString ?? undefined);
  return entry?.from && status ? { statusId: entry.from, status } : undefined;
}
