import type { ChangeItem, IssueChangeEvent } from '../../domain/events/issue-change';
import type { ChangelogHistory } from '../ports/jira';
import type { EventDeps } from './event-deps';

const sameItem = (a: ChangeItem, b: ChangelogHistory['items'][number]): boolean =>
  (a.fieldId ?? a.field) === (b.fieldId ?? b.field) &&
  (a.from ?? null) === (b.from ?? null) &&
  (a.to ?? null) === (b.to ?? null);

/**
 * The update event with the changelog id that names its change. Jira sends `changelog.id` with every change, but
 * the Forge event reference documents only the items; without it the rules could not tell two identical changes
 * (Open → In Progress twice) from two deliveries of one (`docs/decisions/0012`). Then the ticket's changelog is
 * read (one request, only then) and the newest history whose items contain every item of the event names it:
 * duplicated deliveries of one change find the same history, two separate changes find their own. Without a
 * matching history (the change is not in the changelog) the event is returned as it came.
 */
export async function withChangelogId(
  deps: EventDeps,
  issueKey: string,
  event: IssueChangeEvent,
): Promise<IssueChangeEvent> {
  if (event.kind !== 'updated' || event.changelogId !== undefined || event.items.length === 0) return event;
  const bean = await deps.jira.getIssue(issueKey, { fields: ['status'], expand: 'changelog' });
  // Changelog ids grow with every change; the order Jira returns them in is not relied on.
  const histories = [...(bean.changelog?.histories ?? [])].sort((a, b) => Number(b.id) - Number(a.id));
  const match = histories.find((h) => event.items.every((item) => h.items.some((i) => sameItem(item, i))));
  return match ? { ...event, changelogId: match.id } : event;
}
