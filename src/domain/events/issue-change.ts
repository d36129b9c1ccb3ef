/** One changelog item of an update event (Jira's `changelog.items[]`). */
export interface ChangeItem {
  readonly field: string;
  readonly fieldId?: string | undefined;
  readonly from?: string | null | undefined;
  readonly to?: string | null | undefined;
  readonly fromString?: string | null | undefined;
  readonly toString?: string | null | undefined;
}

/**
 * The ticket as the event's payload shows it when the event happened (`issue.fields`: the documented summary, issue
 * type, status, project, reporter, assignee, created, updated). Present only when the payload carries all of them.
 */
export interface IssueSnapshot {
  readonly summary: string;
  readonly typeId: string;
  readonly typeName: string;
  readonly statusId: string;
  readonly statusName: string;
  readonly projectKey: string;
  readonly created: string;
  /** Jira's `updated` of the issue at the event: orders the event against the views the state was decided from. */
  readonly updated: string;
  readonly reporterId?: string;
  readonly assigneeId?: string;
}

/** A change to one issue: created, updated (with its changelog) or commented. */
export interface IssueChangeEvent {
  readonly kind: 'created' | 'updated' | 'commented';
  readonly issueId: string;
  readonly issueKey: string;
  readonly actorId?: string;
  /** The site's cloud id (`context.cloudId` of the Forge event). */
  readonly cloudId?: string;
  readonly changelogId?: string;
  /** The ticket's status when the event happened (the payload's snapshot of the issue), if Jira sent it. */
  readonly statusAtEvent?: { id: string; name?: string };
  /** The ticket's issue type name when the event happened (the payload's snapshot), if Jira sent it. */
  readonly typeAtEvent?: string;
  /** The payload's view of the ticket at the event, when it is complete. */
  readonly snapshot?: IssueSnapshot;
  readonly items: readonly ChangeItem[];
  /**
   * `isPublic` is JSM's `jsdPublic` when the payload carries it; the Forge event reference does not document it,
   * so it is absent when Jira leaves it out and the handler then asks Jira (the Jira port's `commentIsPublic`).
   */
  readonly comment?: { id: string; authorId?: string; authorAccountType?: string; isPublic?: boolean };
}

/** The changelog item for `fieldId` (Jira omits `fieldId` on some items, so the field name is a fallback). */
export function changeOf(
  event: IssueChangeEvent,
  fieldId: string,
  fieldName = fieldId,
): ChangeItem | undefined {
  return event.items.find(
    (item) => item.fieldId === fieldId || (item.fieldId === undefined && item.field === fieldName),
  );
}

/**
 * Names the occurrence an event stands for, for idempotency keys: the changelog id of an update (Jira gives every
 * change its own history id), the comment id of a comment, `created` for the creation. Duplicated deliveries of
 * one event share it; two changes of the same field never do.
 *
 * @example
 * occurrenceOf({ kind: 'updated', changelogId: '10042', … }); // 'h10042'
 */
export function occurrenceOf(event: IssueChangeEvent): string {
  if (event.changelogId !== undefined) return `h${event.changelogId}`;
  if (event.comment !== undefined) return `c${event.comment.id}`;
  return event.kind;
}
