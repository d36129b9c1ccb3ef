import type { ProjectConfig } from '../../domain/config';
import { statusOfName } from '../../domain/names';
import { returnStatusOf, type ClarificationOrigin, type ProcessState } from '../../domain/process-state';
import type { EventDeps } from './event-deps';
import { changeOf, type IssueChangeEvent } from '../../domain/events/issue-change';

/**
 * Where a ticket leaving Clarification came from (PROCESS.md §3: it returns there or to In Progress), when the
 * stored state cannot say: an older event read late stamped the state for a later status (the return status it
 * recorded on entering Clarification is gone), or another event of the ticket, read after the ticket had entered
 * Clarification, stamped the stay without knowing where it came from. Read from the changelog (one request, only then): the status
 * the ticket left for its last entry into Clarification before this change; also for a ticket without any state
 * (open before the installation and not stamped yet). `undefined` when the event does not leave Clarification,
 * the state knows the origin, or the changelog does not show it (the rule then accepts any working status).
 */
export async function clarificationOriginFromChangelog(
  deps: EventDeps,
  issueKey: string,
  event: IssueChangeEvent,
  stored: ProcessState | undefined,
  config: ProjectConfig,
): Promise<ClarificationOrigin | undefined> {
  const change = changeOf(event, 'status');
  if (!change?.from || statusOfName(config, change.fromString ?? undefined) !== 'clarification')
    return undefined;
  if (stored && returnStatusOf(stored, change.from)) return undefined;
  const bean = await deps.jira.getIssue(issueKey, { fields: ['status'], expand: 'changelog' });
  // Changelog ids grow with every change; the order Jira returns them in is not relied on.
  const histories = [...(bean.changelog?.histories ?? [])].sort((a, b) => Number(a.id) - Number(b.id));
  const end = histories.findIndex((h) => h.id === event.changelogId);
  const before = end < 0 ? histories : histories.slice(0, end);
  const entry = before
    .flatMap((h) => h.items.filter((i) => (i.fieldId ?? i.field) === 'status' && i.to === change.from))
    .pop();
  const status = statusOfName(config, entry?.fromString ?? undefined);
  return entry?.from && status ? { statusId: entry.from, status } : undefined;
}
