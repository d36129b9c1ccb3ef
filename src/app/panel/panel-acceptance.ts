import type { ProjectConfig } from '../../domain/config';
import { acceptedAt, type AcceptanceChange } from '../../domain/priorities/acceptance';
import type { ChangelogHistory, IssueBean } from '../ports/jira';
import { parseJiraTime } from '../shared/field-values';
import type { Ticket } from '../../domain/ticket';

function changesOf(histories: readonly ChangelogHistory[]): AcceptanceChange[] {
  return histories.flatMap((history) => {
    const at = parseJiraTime(history.created);
    if (at === undefined) return [];
    return history.items.flatMap((item): AcceptanceChange[] => {
      if (item.field === 'assignee')
        return [{ at, field: 'assignee', from: item.from ?? null, to: item.to ?? null }];
      if (item.field === 'status')
        return [{ at, field: 'status', from: item.fromString ?? null, to: item.toString ?? null }];
      return [];
    });
  });
}

/**
 * When an agent accepted the ticket (guide §3.1), from the changelog the panel read with the ticket as the user
 * (the gateway's `getIssue` returns every history, reading the changelog endpoint when Jira embedded only part):
 * the start of the app's restoration clock on a site without JSM SLAs. An ISO instant; `undefined` while the
 * ticket was never accepted.
 */
export function panelAcceptedAt(
  issue: IssueBean,
  ticket: Pick<Ticket, 'created' | 'assigneeId' | 'statusName'>,
  cfg: ProjectConfig,
): string | undefined {
  const created = parseJiraTime(ticket.created);
  if (created === undefined) return undefined;
  const at = acceptedAt({
    created,
    changes: changesOf(issue.changelog?.histories ?? []),
    assigneeId: ticket.assigneeId,
    statusName: ticket.statusName,
    openName: cfg.names.statuses.open,
  });
  return at === undefined ? undefined : new Date(at).toISOString();
}
