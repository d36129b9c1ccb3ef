import type { Principal, ProductEvent } from '../../contract';
import { commentedIssueEvent, createdIssueEvent, linkEvent, updatedIssueEvent } from '../events';
import type { SiteStore } from '../model/store';
import type { AdfDoc, SimChangeItem, SimComment, SimIssue, SimLink, SimTransition } from '../model/types';
import type { PlannedChange } from './field-input';

/** A comment to add, already validated. */
export interface NewComment {
  body: AdfDoc;
  jsdPublic: boolean;
  visibility?: SimComment['visibility'];
  properties?: Record<string, unknown>;
}

/**
 * Applies validated changes to the store and queues the product events Forge would deliver. Every write of the
 * simulator (REST handlers and the `actAs` helpers alike) ends here, so events are emitted the same way for all.
 * The site flushes `pending` to subscribers after the request's commit.
 */
export class IssueWriter {
  readonly pending: ProductEvent[] = [];

  /**
   * @param events.commentVisibility whether comment events carry `jsdPublic` (undocumented; off by default);
   * `events.changelogId` whether update events carry `changelog.id` (on by default).
   */
  constructor(
    private readonly store: SiteStore,
    private readonly events: { commentVisibility: boolean; changelogId?: boolean } = {
      commentVisibility: false,
    },
  ) {}

  /** Apply field changes (and optionally a transition) as one history entry and one `updated:issue` event. */
  update(
    issue: SimIssue,
    actor: string,
    causedBy: Principal,
    changes: PlannedChange[],
    transition?: { transition: SimTransition; resolutionId: string | null },
  ): void {
    const now = new Date().toISOString();
    this.store.searchLag.fieldsChanging(issue);
    const items: SimChangeItem[] = [];
    for (const change of changes) {
      change.apply(issue);
      if (
        change.item &&
        (change.item.to !== change.item.from || change.item.toString !== change.item.fromString)
      )
        items.push(change.item);
    }
    if (transition)
      items.push(...this.moveStatus(issue, transition.transition.to, transition.resolutionId, now));
    issue.updated = now;
    if (items.length > 0)
      issue.histories.push({ id: this.store.nextId('history'), authorAccountId: actor, created: now, items });
    this.store.searchLag.fieldsChanged(issue, Date.parse(now));
    const historyId = issue.histories.at(-1)?.id;
    if (items.length === 0 || historyId === undefined) return;
    this.pending.push(
      updatedIssueEvent(
        this.store,
        issue,
        this.events.changelogId === false ? undefined : historyId,
        items,
        actor,
        causedBy,
        now,
      ),
    );
  }

  private moveStatus(
    issue: SimIssue,
    toStatusId: string,
    resolutionId: string | null,
    now: string,
  ): SimChangeItem[] {
    const from = this.store.statuses.get(issue.statusId);
    const to = this.store.statuses.get(toStatusId);
    const items: SimChangeItem[] = [
      {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: issue.statusId,
        fromString: from?.name ?? null,
        to: toStatusId,
        toString: to?.name ?? null,
      },
    ];
    if (from?.category !== to?.category) issue.statusCategoryChangedDate = now;
    issue.statusId = toStatusId;
    if (resolutionId !== issue.resolutionId) {
      const name = (id: string | null) =>
        id === null ? null : (this.store.resolutions.get(id)?.name ?? null);
      items.push({
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: issue.resolutionId,
        fromString: name(issue.resolutionId),
        to: resolutionId,
        toString: name(resolutionId),
      });
      issue.resolutionId = resolutionId;
      issue.resolutionDate = resolutionId === null ? null : now;
    }
    return items;
  }

  /** Add a comment and queue `commented:issue`. */
  comment(issue: SimIssue, actor: string, causedBy: Principal, input: NewComment): SimComment {
    const now = new Date().toISOString();
    const comment: SimComment = {
      id: this.store.nextId('comment'),
      authorAccountId: actor,
      body: input.body,
      created: now,
      updated: now,
      jsdPublic: input.jsdPublic,
      ...(input.visibility ? { visibility: input.visibility } : {}),
      ...(input.properties ? { properties: input.properties } : {}),
    };
    this.store.searchLag.fieldsChanging(issue);
    issue.comments.push(comment);
    issue.updated = now;
    this.store.searchLag.fieldsChanged(issue, Date.parse(now));
    this.pending.push(
      commentedIssueEvent(this.store, issue, comment, causedBy, now, this.events.commentVisibility),
    );
    return comment;
  }

  /** Insert a new issue, unknown to search for the index lag, and queue `created:issue`. */
  create(issue: SimIssue, actor: string, causedBy: Principal): void {
    this.store.insertIssue(issue);
    this.store.searchLag.created(issue, Date.now());
    this.pending.push(createdIssueEvent(this.store, issue, actor, causedBy, issue.created));
  }

  /** Create a link; both issues get a "Link" history item as Jira records it, plus `created:issuelink`. */
  link(link: SimLink, actor: string, causedBy: Principal): void {
    this.store.insertLink(link);
    this.recordLinkHistory(link, actor, 'to');
    this.pending.push(linkEvent(this.store, 'created', link, actor, causedBy, new Date().toISOString()));
  }

  unlink(link: SimLink, actor: string, causedBy: Principal): void {
    this.store.deleteLink(link);
    this.recordLinkHistory(link, actor, 'from');
    this.pending.push(linkEvent(this.store, 'deleted', link, actor, causedBy, new Date().toISOString()));
  }

  private recordLinkHistory(link: SimLink, actor: string, side: 'from' | 'to'): void {
    const type = this.store.linkTypes.get(link.typeId);
    const now = new Date().toISOString();
    for (const [selfId, otherId, phrase] of [
      [link.sourceIssueId, link.destinationIssueId, type?.outward],
      [link.destinationIssueId, link.sourceIssueId, type?.inward],
    ] as const) {
      const self = this.store.issue(selfId);
      const other = this.store.issue(otherId);
      if (!self || !other) continue;
      this.store.searchLag.fieldsChanging(self);
      const text = `This issue ${phrase ?? 'links'} ${other.key}`;
      const item: SimChangeItem = {
        field: 'Link',
        fieldtype: 'jira',
        fieldId: 'issuelinks',
        from: side === 'from' ? other.key : null,
        fromString: side === 'from' ? text : null,
        to: side === 'to' ? other.key : null,
        toString: side === 'to' ? text : null,
      };
      self.histories.push({
        id: this.store.nextId('history'),
        authorAccountId: actor,
        created: now,
        items: [item],
      });
      this.store.searchLag.fieldsChanged(self, Date.parse(now));
    }
  }

  /** Hand out and clear the queued events. */
  drain(): ProductEvent[] {
    return this.pending.splice(0, this.pending.length);
  }
}
